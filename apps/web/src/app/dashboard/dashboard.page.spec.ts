import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { sessionUser, startAs } from '../core/auth/auth.testing';
import { CHART_FACTORY, type ChartFactory, type ChartSpec } from './chart';
import { DashboardPage } from './dashboard.page';
import { testDashboard } from './dashboard.testing';

/** Normalises Intl's non-breaking spaces and the template's line breaks. */
const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

describe('DashboardPage', () => {
  let http: HttpTestingController;
  let drawn: ChartSpec[];
  let canvases: HTMLCanvasElement[];
  let destroyed: number;

  beforeEach(() => {
    drawn = [];
    canvases = [];
    destroyed = 0;
    const factory: ChartFactory = async (canvas, spec) => {
      drawn.push(spec);
      canvases.push(canvas);
      return { update: (next) => drawn.push(next), destroy: () => (destroyed += 1) };
    };
    TestBed.configureTestingModule({
      imports: [DashboardPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: CHART_FACTORY, useValue: factory },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(dashboard = testDashboard()) {
    const fixture = TestBed.createComponent(DashboardPage);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(text(element.querySelector('[role="status"]'))).toBe('Hämtar översikten …');
    http.expectOne('/api/dashboard').flush(dashboard);
    await fixture.whenStable();
    fixture.detectChanges();
    await fixture.whenStable();
    return { fixture, element };
  }

  it('has a heading for every part, and every chart an image with its figures in words', async () => {
    const { element } = await render();
    expect(text(element.querySelector('h1'))).toBe('Översikt');
    expect([...element.querySelectorAll('h2')].map(text)).toEqual([
      'Avtal per status',
      'Begäranden per status',
      'Tid till beslut',
      'Årskostnad',
      'Förnyelser de kommande 18 månaderna',
      'Likvärdighet',
    ]);
    const images = [...element.querySelectorAll('[role="img"]')].map((image) =>
      image.getAttribute('aria-label')?.replace(/[\u00a0\u202f]/g, ' '),
    );
    expect(images).toEqual([
      'Stapeldiagram, avtal per status: Utkast 1, Uppsagt 0, Har löpt ut 2, Uppsägningstiden passerad 0, Åtgärd krävs 1, Löper snart ut 0, Aktivt 12.',
      'Stapeldiagram, begäranden per status: Inskickad 3, Bedöms 1, Väntar på samlad bedömning 0, Komplettering begärd 0, Granskas 2, Finns redan 1, Beslutad 5, Införd 0, Återtagen 0.',
      'Linjediagram, dagar från inskickad begäran till beslut per månad, de senaste 12 månaderna: maj 2026: median 10 dagar, 90:e percentilen 26,5 dagar; juni 2026: median 2 dagar, 90:e percentilen 2 dagar. Övriga månader utan beslut.',
      'Stapeldiagram, årskostnad per kategori: Läromedel 1 234 567 kr, Hjälpmedel 80 000 kr.',
      'Stapeldiagram, datum att hantera per månad de kommande 18 månaderna: augusti 2026 1, december 2026 1. Övriga månader inga.',
    ]);
    expect(drawn).toHaveLength(5);
    expect(canvases.every((canvas) => canvas instanceof HTMLCanvasElement)).toBe(true);
    expect(drawn[0]).toMatchObject({
      kind: 'bar',
      labels: [
        'Utkast',
        'Uppsagt',
        'Har löpt ut',
        'Uppsägningstiden passerad',
        'Åtgärd krävs',
        'Löper snart ut',
        'Aktivt',
      ],
      series: [{ name: 'Avtal', values: [1, 0, 2, 0, 1, 0, 12] }],
      legend: false,
    });
    // The decision times: two lines told apart by a dash too, and gaps for months without any.
    expect(drawn[2]?.series.map((series) => [series.name, series.dashed ?? false])).toEqual([
      ['Median', false],
      ['90:e percentilen', true],
    ]);
    expect(drawn[2]?.series[0]?.values.slice(-3)).toEqual([null, 10, 2]);
    expect(drawn[2]?.legend).toBe(true);
  });

  it('shows the key figures first: dashes while loading, then the figures', async () => {
    const fixture = TestBed.createComponent(DashboardPage);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const keyFigures = () =>
      [...element.querySelectorAll('ul[aria-label="Nyckeltal"] li')].map(text);
    expect(element.querySelector('h1 + ul')?.getAttribute('aria-label')).toBe('Nyckeltal');
    expect(keyFigures()).toEqual([
      '– avtal kräver åtgärd',
      '– öppna begäranden',
      '– årskostnad för avtal som gäller',
    ]);
    http.expectOne('/api/dashboard').flush(testDashboard());
    await fixture.whenStable();
    fixture.detectChanges();
    expect(keyFigures()).toEqual([
      '1 avtal kräver åtgärd',
      '6 öppna begäranden',
      '1 324 567 kr årskostnad för avtal som gäller',
    ]);
  });

  const headings = (element: HTMLElement) => [...element.querySelectorAll('h2')].map(text);

  it('keeps the usual order, without a note, for the system administrator', async () => {
    await startAs(sessionUser(['ADMIN']));
    const { element } = await render();
    expect(headings(element)).toEqual([
      'Avtal per status',
      'Begäranden per status',
      'Tid till beslut',
      'Årskostnad',
      'Förnyelser de kommande 18 månaderna',
      'Likvärdighet',
    ]);
    expect(element.textContent).not.toContain('visas först');
  });

  it('puts agreements, renewals and cost first for procurement, in the DOM', async () => {
    await startAs(sessionUser(['PROCUREMENT']));
    const { element } = await render();
    expect(text(element.querySelector('.lead + p'))).toBe(
      'Avtal, förnyelser och årskostnad visas först för upphandlare.',
    );
    expect(headings(element)).toEqual([
      'Avtal per status',
      'Förnyelser de kommande 18 månaderna',
      'Årskostnad',
      'Begäranden per status',
      'Tid till beslut',
      'Likvärdighet',
    ]);
    // Reading and focus order follow: the scrolling regions come in the same order.
    expect(
      [...element.querySelectorAll('[role="region"][tabindex="0"]')].map((region) =>
        region.getAttribute('aria-label'),
      ),
    ).toEqual([
      'Förnyelser, rullbar',
      'Årskostnad per tjänst, rullbar',
      'Tid till beslut, rullbar',
    ]);
  });

  it('puts requests, decision time and equity first for an object manager', async () => {
    await startAs(sessionUser(['OBJECT_MANAGER', 'DATA_PROTECTION']));
    const { element } = await render();
    expect(text(element.querySelector('.lead + p'))).toBe(
      'Begäranden, tid till beslut och likvärdighet visas först för objektspecialister och objektledare.',
    );
    expect(headings(element)).toEqual([
      'Begäranden per status',
      'Tid till beslut',
      'Likvärdighet',
      'Avtal per status',
      'Årskostnad',
      'Förnyelser de kommande 18 månaderna',
    ]);
  });

  it('puts requests and decision time first for data protection', async () => {
    await startAs(sessionUser(['DATA_PROTECTION']));
    const { element } = await render();
    expect(headings(element)).toEqual([
      'Begäranden per status',
      'Tid till beslut',
      'Avtal per status',
      'Årskostnad',
      'Förnyelser de kommande 18 månaderna',
      'Likvärdighet',
    ]);
  });

  it('gives the same figures as tables', async () => {
    const { element } = await render();
    const tables = [...element.querySelectorAll('table')];
    expect(tables.map((table) => text(table.querySelector('caption')))).toEqual([
      'Antal avtal per status',
      'Antal begäranden per status, utkast ej medräknade',
      'Öppna begäranden efter tid sedan de skickades in (6 begäranden)',
      'Tid till beslut per månad, de senaste 12 månaderna',
      'Årskostnad per kategori',
      'Årskostnad per tjänst, högst först',
      'Att hantera de kommande 18 månaderna, i datumordning',
    ]);
    const rows = (table: Element | undefined) =>
      [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) =>
        [...row.querySelectorAll('th, td')].map(text),
      );
    expect(rows(tables[3]).at(-2)).toEqual(['maj 2026', '3', '10 dagar', '26,5 dagar']);
    expect(rows(tables[3])[0]).toEqual(['juli 2025', '0', '–', '–']);
    expect(rows(tables[4])).toEqual([
      ['Läromedel', '1 234 567 kr'],
      ['Hjälpmedel', '80 000 kr'],
    ]);
    expect(rows(tables[6])).toEqual([
      ['2026-08-01', 'Beslut om förlängning', 'AV-1', 'NE Nationalencyklopedin AB', 'Åtgärd krävs'],
      ['2026-12-31', 'Avtalet upphör', 'AV-1', 'NE Nationalencyklopedin AB', 'Åtgärd krävs'],
    ]);
    expect(tables[6]?.querySelector('a')?.getAttribute('href')).toBe('/avtal/ag-1');
    expect(text(element.querySelector('#cost-heading + p'))).toBe(
      'Avtal som gäller (inte utkast, utlöpta eller uppsagda) kostar 1 324 567 kr per år. Varje avtals kostnad delas lika mellan tjänsterna det ger licens för. 10 000 kr hör till avtal som ännu inte har någon licens.',
    );
  });

  it('names the units lacking what most of their school form has', async () => {
    const { element } = await render();
    const forms = [...element.querySelectorAll('.equity-form')];
    expect(forms.map((form) => text(form.querySelector('h3')))).toEqual([
      'Grundskola (3 skolenheter)',
      'Förskola (2 skolenheter)',
    ]);
    expect(text(forms[0]?.querySelector('li'))).toBe(
      'NE: 2 av 3 har den. Saknas hos Hagaskolan F-6.',
    );
    expect(text(forms[1]?.querySelector('p'))).toBe(
      'Ingen tjänst når mer än hälften av skolenheterna.',
    );
  });

  it('destroys its charts with the page', async () => {
    const { fixture } = await render();
    await new Promise((resolve) => setTimeout(resolve));
    expect(drawn).toHaveLength(5);
    fixture.destroy();
    await new Promise((resolve) => setTimeout(resolve));
    expect(destroyed).toBe(5);
  });

  it('offers to try again when the figures cannot be read', async () => {
    const fixture = TestBed.createComponent(DashboardPage);
    fixture.detectChanges();
    http.expectOne('/api/dashboard').flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(text(element.querySelector('[role="alert"]'))).toBe(
      'Översikten kunde inte hämtas. Försök igen om en stund.',
    );
    element.querySelector<HTMLButtonElement>('button')?.click();
    http.expectOne('/api/dashboard').flush(testDashboard());
    await fixture.whenStable();
    fixture.detectChanges();
    expect(text(element.querySelector('h2'))).toBe('Avtal per status');
  });
});
