import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { Page, RequestSummary, SessionUser } from '@licensregistret/domain';

import { sessionUser, startAs } from '../../core/auth/auth.testing';
import { testRequestSummary } from '../request.testing';
import { RequestsPage } from './requests.page';

const plain = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();

describe('RequestsPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [RequestsPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function waitFor<T>(find: () => T | null | undefined): Promise<T> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const found = find();
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('Timed out');
  }

  const listRequest = () => http.match((r) => r.url === '/api/requests')[0];

  async function render(user: SessionUser) {
    await startAs(user);
    const fixture = TestBed.createComponent(RequestsPage);
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('lists the school’s own requests with state, submission day, outcome and reasons', async () => {
    const { fixture, element } = await render(
      sessionUser(['REQUESTER'], { schoolUnits: [{ id: 'u-haga', name: 'Hagaskolan F-6' }] }),
    );
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Min enhets begäranden');
    const request = await waitFor(listRequest);
    expect(request.request.params.get('mine')).toBe('true');
    request.flush({
      rows: [
        testRequestSummary({
          id: 'r-7',
          number: 7,
          state: 'DECIDED',
          submittedAt: '2026-02-10T10:00:00.000Z',
          decisionOutcome: 'REJECTED',
          decisionReasons: ['ECONOMY', 'NEED'],
        }),
      ],
      total: 1,
    } satisfies Page<RequestSummary>);
    fixture.detectChanges();

    const link = await waitFor(() => element.querySelector<HTMLAnchorElement>('.ag-cell a'));
    expect(link.textContent?.trim()).toBe('Begäran 7');
    expect(link.getAttribute('href')).toBe('/begaranden/r-7');
    const badge = await waitFor(() => element.querySelector('.ag-cell lr-request-state-badge'));
    expect(badge.textContent?.trim()).toBe('Avslagen');
    expect(badge.getAttribute('data-outcome')).toBe('REJECTED');
    const cell = (colId: string) =>
      plain(element.querySelector(`.ag-cell[col-id="${colId}"]`)?.textContent);
    expect(cell('toolName')).toBe('Polylino');
    expect(cell('unitName')).toBe('Hagaskolan F-6');
    expect(cell('submittedAt')).toBe('2026-02-10');
    expect(cell('decision')).toBe('Avslagen (Ekonomi, Behov)');
    expect(element.querySelector('.list-status')?.textContent?.trim()).toBe('1 begäran');
    const headers = [...element.querySelectorAll('.ag-header-cell-text')].map((h) => h.textContent);
    expect(headers).toEqual([
      'Begäran',
      'Verktyg',
      'Skolenhet',
      'Status',
      'Inskickad',
      'Beslut och skäl',
    ]);
    expect(element.querySelector('.page-head a.button')?.getAttribute('href')).toBe(
      '/begaranden/ny',
    );
  });

  it('shows a reader every unit’s requests and offers no new request', async () => {
    const { element } = await render(sessionUser(['READ_ONLY']));
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Begäranden');
    const request = await waitFor(listRequest);
    expect(request.request.params.has('mine')).toBe(false);
    request.flush({ rows: [], total: 0 });
    expect(element.querySelector('.page-head a.button')).toBeNull();
  });

  it('links to the export of the list as filtered, in Excel and CSV', async () => {
    const { fixture, element } = await render(sessionUser(['READ_ONLY']));
    (await waitFor(listRequest)).flush({ rows: [], total: 0 });
    const select = element.querySelector('#request-state') as HTMLSelectElement;
    select.value = 'NEEDS_INFO';
    select.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    const links = [...element.querySelectorAll('.export a')].map((link) => [
      plain(link.textContent),
      link.getAttribute('href'),
    ]);
    expect(links).toEqual([
      [
        'Exportera till Excel',
        '/api/requests/export?sort=createdAt:desc&state=NEEDS_INFO&format=xlsx',
      ],
      [
        'Exportera till CSV',
        '/api/requests/export?sort=createdAt:desc&state=NEEDS_INFO&format=csv',
      ],
    ]);
    http.match(() => true);
  });

  it('labels the state filter and asks the server again for the chosen states', async () => {
    const { fixture, element } = await render(sessionUser(['PRINCIPAL']));
    (await waitFor(listRequest)).flush({ rows: [], total: 0 });
    expect(element.querySelector('label[for="request-state"]')?.textContent?.trim()).toBe('Status');

    const select = element.querySelector<HTMLSelectElement>('#request-state');
    if (!select) throw new Error('No state filter');
    select.value = 'NEEDS_INFO';
    select.dispatchEvent(new Event('change'));
    fixture.detectChanges();

    const again = await waitFor(listRequest);
    expect(again.request.params.get('state')).toBe('NEEDS_INFO');
    again.flush({ rows: [], total: 0 });
    fixture.detectChanges();
    expect(element.querySelector('.list-status')?.textContent?.trim()).toBe(
      'Inga begäranden matchar.',
    );
  });
});
