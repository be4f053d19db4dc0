import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import type { SessionUser } from '@licensregistret/domain';

import { testToolMatch } from '../../catalogue/catalogue.testing';
import { sessionUser, startAs } from '../../core/auth/auth.testing';
import { testRequestDetail } from '../request.testing';
import { NewRequestPage } from './new-request.page';

const haga = { id: 'u-haga', name: 'Hagaskolan F-6' };
const mellringe = { id: 'u-mell', name: 'Mellringeskolan 7-9' };
const plain = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

describe('NewRequestPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [NewRequestPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function waitFor<T>(find: () => T | null | undefined): Promise<T> {
    for (let attempt = 0; attempt < 80; attempt++) {
      const found = find();
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('Timed out');
  }

  async function render(user: SessionUser) {
    await startAs(user);
    const fixture = TestBed.createComponent(NewRequestPage);
    fixture.detectChanges();
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { fixture, element, settle };
  }

  function type(element: HTMLElement, selector: string, value: string): void {
    const input = element.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
      selector,
    );
    if (!input) throw new Error(`No ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
  }

  function click(element: HTMLElement, selector: string): void {
    const target = element.querySelector<HTMLElement>(selector);
    if (!target) throw new Error(`No ${selector}`);
    target.click();
  }

  /** Types in the catalogue search and answers the search with `rows`. */
  async function searchFor(
    element: HTMLElement,
    settle: () => Promise<void>,
    q: string,
    rows: ReturnType<typeof testToolMatch>[],
  ) {
    type(element, '#request-tool-search', q);
    const request = await waitFor(() => http.match((r) => r.url === '/api/catalogue/tools')[0]);
    expect(request.request.params.get('q')).toBe(q);
    request.flush({ rows, total: rows.length });
    await settle();
  }

  it('says a service the unit already has is there, until when, and offers no request', async () => {
    const { element, settle } = await render(sessionUser(['REQUESTER'], { schoolUnits: [haga] }));
    expect(plain(element.querySelector('form p')?.textContent)).toBe(
      'Begäran gäller Hagaskolan F-6.',
    );

    await searchFor(element, settle, 'li', [
      testToolMatch({
        licensedUnits: [
          { unitId: 'u-haga', unitName: 'Hagaskolan F-6', agreementId: 'a1', endsOn: '2027-06-30' },
        ],
      }),
      testToolMatch({ serviceId: 'svc-widgit', name: 'Widgit Online', supplierName: 'Widgit' }),
    ]);

    expect(plain(element.querySelector('.search-status')?.textContent)).toBe(
      '2 verktyg i katalogen eller bland begärandena matchar ”li”.',
    );
    const [polylino] = element.querySelectorAll('.tools > li');
    expect(plain(polylino?.querySelector('.tool-name')?.textContent)).toBe(
      'Polylino Natur & Kultur (Polylino), Läromedel. Godkänd',
    );
    expect(plain(polylino?.querySelector('.licensed')?.textContent)).toBe(
      'Finns redan för din enhet, till och med 2027-06-30. Du behöver inte begära den.',
    );
    expect(element.querySelector('#request-tool-svc-polylino')).toBeNull();
    expect(element.querySelector('#request-tool-svc-widgit')).not.toBeNull();
    expect(element.querySelector('#request-tool-new')).not.toBeNull();
    expect(element.querySelector('legend')?.textContent?.trim()).toBe('Välj verktyg');
  });

  it('asks for a tool that is not in the catalogue, and saves the draft', async () => {
    const { element, settle } = await render(sessionUser(['REQUESTER'], { schoolUnits: [haga] }));
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    expect(element.querySelector('#request-new-tool-name')).toBeNull();

    await searchFor(element, settle, 'skrivstugan', []);
    expect(plain(element.querySelector('.search-status')?.textContent)).toBe(
      'Inget verktyg i katalogen eller bland begärandena matchar ”skrivstugan”.',
    );
    click(element, '#request-tool-new');
    await settle();

    type(element, '#request-new-tool-name', 'Skrivstugan');
    type(element, '#request-new-tool-supplier', 'Skrivstugan AB');
    type(element, '#request-new-tool-web-address', 'www.skrivstugan.se');
    type(element, '#request-need', 'Eleverna behöver träna skrivande med talsyntes.');
    type(element, '#request-target-group', 'Elever i årskurs 4-6');
    click(element, '#request-form-GR');
    type(element, '#request-pupils', '60');
    type(element, '#request-staff', '5');
    click(element, '#request-personal-data-PUPILS_ORDINARY');
    type(element, '#request-personal-data-description', 'Namn och klass');
    type(element, '#request-wanted-from', '2026-08-15');
    click(element, 'button[type="submit"]');

    const request = http.expectOne({ method: 'POST', url: '/api/requests' });
    expect(request.request.body).toEqual({
      unitId: 'u-haga',
      serviceId: null,
      newTool: {
        name: 'Skrivstugan',
        supplierName: 'Skrivstugan AB',
        webAddress: 'https://www.skrivstugan.se',
      },
      need: 'Eleverna behöver träna skrivande med talsyntes.',
      subjects: [],
      targetGroup: 'Elever i årskurs 4-6',
      schoolForms: ['GR'],
      pupilCount: 60,
      staffCount: 5,
      personalData: 'PUPILS_ORDINARY',
      personalDataDescription: 'Namn och klass',
      wantedFrom: '2026-08-15',
      whatChanged: null,
    });
    request.flush(testRequestDetail({ id: 'r-9' }));
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/begaranden', 'r-9']);
  });

  it('summarises what is missing, links each message to its field and marks the fields', async () => {
    const { element, settle } = await render(sessionUser(['REQUESTER'], { schoolUnits: [haga] }));
    click(element, 'button[type="submit"]');
    await settle();

    const summary = element.querySelector('.error-summary[role="alert"]');
    expect(document.activeElement).toBe(summary);
    const links = [...(summary?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
    expect(links).toEqual(
      expect.arrayContaining([
        '#request-tool-search',
        '#request-need',
        '#request-form-FS',
        '#request-pupils',
        '#request-personal-data-NONE',
      ]),
    );
    const need = element.querySelector('#request-need');
    expect(need?.getAttribute('aria-invalid')).toBe('true');
    expect(need?.getAttribute('aria-describedby')).toBe('request-need-hint request-need-error');
    expect(element.querySelector('#request-tool-search')?.getAttribute('aria-describedby')).toBe(
      'request-tool-search-hint request-tool-search-error',
    );
    http.expectNone('/api/requests');
  });

  it('asks someone with several units to choose the unit before searching', async () => {
    const { fixture, element, settle } = await render(
      sessionUser(['PRINCIPAL'], { schoolUnits: [haga, mellringe] }),
    );
    expect(element.querySelector('#request-tool-search')).toBeNull();
    expect(plain(element.querySelector('.notice')?.textContent)).toBe(
      'Välj skolenhet först, så ser du vilka verktyg enheten redan har.',
    );
    const options = [...element.querySelectorAll('#request-unit option')].map((o) =>
      o.textContent?.trim(),
    );
    expect(options).toEqual(['Välj skolenhet', 'Hagaskolan F-6', 'Mellringeskolan 7-9']);

    type(element, '#request-unit', 'u-mell');
    fixture.detectChanges();
    await settle();
    await searchFor(element, settle, 'poly', [
      testToolMatch({
        licensedUnits: [
          { unitId: 'u-haga', unitName: 'Hagaskolan F-6', agreementId: 'a1', endsOn: '2027-06-30' },
        ],
      }),
    ]);
    // Hagaskolan has Polylino, Mellringeskolan does not: it may be requested for Mellringe.
    expect(element.querySelector('#request-tool-svc-polylino')).not.toBeNull();
  });

  it('gives every control a visible label', async () => {
    const { element, settle } = await render(sessionUser(['REQUESTER'], { schoolUnits: [haga] }));
    await searchFor(element, settle, 'wid', [
      testToolMatch({ serviceId: 'svc-widgit', name: 'Widgit' }),
    ]);
    click(element, '#request-tool-new');
    await settle();
    const controls = element.querySelectorAll('input, select, textarea');
    expect(controls.length).toBeGreaterThan(15);
    for (const control of controls) {
      const id = control.getAttribute('id');
      const label = element.querySelector(`label[for="${id}"]`) ?? control.closest('label');
      expect(label?.textContent?.trim()).toBeTruthy();
    }
  });

  it('shows a rejected tool’s decision and asks what has changed before asking again', async () => {
    const { element, settle } = await render(sessionUser(['REQUESTER'], { schoolUnits: [haga] }));
    await searchFor(element, settle, 'quiz', [
      testToolMatch({
        serviceId: 'svc-quizlet',
        name: 'Quizlet',
        supplierName: 'Quizlet Norden AB',
        catalogueStatus: 'REJECTED',
        rejection: {
          decidedOn: '2026-10-05',
          reasons: ['INFORMATION_SECURITY', 'AGREEMENT'],
          text: 'Lagras i USA utan överföringsmekanism.',
        },
      }),
    ]);
    const rejection = [...(element.querySelector('.rejection')?.querySelectorAll('p') ?? [])];
    expect(rejection.map((p) => plain(p.textContent))).toEqual([
      'Avslogs 2026-10-05. Skäl: Informationssäkerhet, Avtal.',
      'Lagras i USA utan överföringsmekanism.',
      'Begär du verktyget igen behöver du beskriva vad som har ändrats.',
    ]);
    expect(plain(element.querySelector('.tool-meta')?.textContent)).toBe(
      'Quizlet Norden AB, Läromedel. Avslagen',
    );
    expect(element.querySelector('#request-what-changed')).toBeNull();

    click(element, '#request-tool-svc-quizlet');
    await settle();
    expect(element.querySelector('label[for="request-what-changed"]')?.textContent?.trim()).toBe(
      'Vad har ändrats sedan beslutet?',
    );
    click(element, 'button[type="submit"]');
    await settle();
    const whatChanged = element.querySelector('#request-what-changed');
    expect(whatChanged?.getAttribute('aria-invalid')).toBe('true');
    expect(plain(element.querySelector('#request-what-changed-error')?.textContent)).toBe(
      'Verktyget har avslagits. Beskriv vad som har ändrats sedan beslutet.',
    );
    http.expectNone('/api/requests');
  });

  it('offers “Anslut min enhet” for another unit’s open request and joins with pupils and need', async () => {
    const { element, settle } = await render(sessionUser(['REQUESTER'], { schoolUnits: [haga] }));
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await searchFor(element, settle, 'kahoot', [
      testToolMatch({
        serviceId: null,
        name: 'Kahoot!',
        supplierName: 'Kahoot! Nordic AB',
        category: null,
        catalogueStatus: null,
        requests: [
          {
            id: 'r-5',
            number: 5,
            unitId: 'u-wall',
            unitName: 'Wallerska skolan F-6',
            state: 'IN_TRIAGE',
            ownUnit: false,
            joinedByOwnUnit: false,
          },
        ],
      }),
    ]);
    expect(plain(element.querySelector('.tool-name')?.textContent)).toBe(
      'Kahoot! Kahoot! Nordic AB, Föreslaget verktyg. Inte i katalogen',
    );
    // A tool only proposed is joined, not chosen.
    expect(element.querySelectorAll('.tools input[type="radio"]')).toHaveLength(0);
    expect(plain(element.querySelector('#request-open-r-5')?.textContent)).toContain(
      'Wallerska skolan F-6 har redan begärt verktyget (begäran 5, bedöms).',
    );
    const button = [...element.querySelectorAll('button')].find(
      (candidate) => plain(candidate.textContent) === 'Anslut min enhet',
    );
    expect(button?.getAttribute('aria-describedby')).toBe('request-open-r-5');
    button?.click();
    await settle();

    expect(element.querySelector('label[for="join-pupils"]')?.textContent?.trim()).toBe(
      'Antal elever i din enhet',
    );
    type(element, '#join-pupils', '45');
    type(element, '#join-need', 'Repetition i helklass.');
    [...element.querySelectorAll('button')]
      .find((candidate) => plain(candidate.textContent) === 'Anslut')
      ?.click();
    const request = http.expectOne({ method: 'POST', url: '/api/requests/r-5/join' });
    expect(request.request.body).toEqual({
      unitId: 'u-haga',
      pupilCount: 45,
      need: 'Repetition i helklass.',
    });
    request.flush(testRequestDetail({ id: 'r-5' }));
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/begaranden', 'r-5']);
  });

  it('links to the unit’s own request for the tool instead of offering a new one', async () => {
    const { element, settle } = await render(sessionUser(['REQUESTER'], { schoolUnits: [haga] }));
    await searchFor(element, settle, 'poly', [
      testToolMatch({
        requests: [
          {
            id: 'r-3',
            number: 3,
            unitId: 'u-haga',
            unitName: 'Hagaskolan F-6',
            state: 'DRAFT',
            ownUnit: true,
            joinedByOwnUnit: false,
          },
        ],
      }),
    ]);
    expect(element.querySelector('#request-tool-svc-polylino')).toBeNull();
    const own = element.querySelector('.own-request');
    expect(plain(own?.textContent)).toBe(
      'Din enhet har redan begärt verktyget: begäran 3 (utkast). Du behöver inte begära det igen.',
    );
    expect(own?.querySelector('a')?.getAttribute('href')).toBe('/begaranden/r-3');
  });

  it('tells someone without a unit that they cannot ask', async () => {
    const { element } = await render(sessionUser(['REQUESTER']));
    expect(element.querySelector('form')).toBeNull();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'inte kopplat till någon skolenhet',
    );
  });
});
