import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import type { SessionUser } from '@licensregistret/domain';

import { testEntry } from '../../catalogue/catalogue.testing';
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
    rows: ReturnType<typeof testEntry>[],
  ) {
    type(element, '#request-tool-search', q);
    const request = await waitFor(() => http.match((r) => r.url === '/api/catalogue')[0]);
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
      testEntry({
        licensedUnits: [
          { unitId: 'u-haga', unitName: 'Hagaskolan F-6', agreementId: 'a1', endsOn: '2027-06-30' },
        ],
      }),
      testEntry({ id: 'svc-widgit', name: 'Widgit Online', supplierName: 'Widgit' }),
    ]);

    expect(plain(element.querySelector('.search-status')?.textContent)).toBe(
      '2 tjänster i katalogen matchar ”li”.',
    );
    const licensed = element.querySelector('.tool.licensed');
    expect(plain(licensed?.querySelector('.tool-name')?.textContent)).toBe(
      'Polylino Natur & Kultur (Polylino)',
    );
    expect(plain(licensed?.querySelector('.tool-name + p')?.textContent)).toBe(
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
      'Inget verktyg i katalogen matchar ”skrivstugan”.',
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
      testEntry({
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
    await searchFor(element, settle, 'wid', [testEntry({ id: 'svc-widgit', name: 'Widgit' })]);
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

  it('tells someone without a unit that they cannot ask', async () => {
    const { element } = await render(sessionUser(['REQUESTER']));
    expect(element.querySelector('form')).toBeNull();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'inte kopplat till någon skolenhet',
    );
  });
});
