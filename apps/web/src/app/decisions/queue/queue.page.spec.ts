import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import type { Page, RequestSummary } from '@licensregistret/domain';

import { sessionUser, startAs } from '../../core/auth/auth.testing';
import { answerDocumentLists } from '../../shared/documents/documents.testing';
import { ServerGrid } from '../../shared/grid/server-grid';
import { testRequestDetail, testRequestSummary } from '../decision.testing';
import { answerSharedKnowledge } from '../panel/shared-knowledge.testing';
import { QueuePage } from './queue.page';

describe('QueuePage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'beslut', component: QueuePage }], withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    answerDocumentLists(http);
    answerSharedKnowledge(http);
    http.verify();
  });

  async function waitFor<T>(find: () => T | null | undefined): Promise<T> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const found = find();
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('Timed out');
  }

  const listRequest = () =>
    http.match((r) => r.url === '/api/requests')[0] as TestRequest | undefined;

  async function render(url = '/beslut') {
    await startAs(sessionUser(['OBJECT_SPECIALIST']));
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return { harness, element: harness.routeNativeElement as HTMLElement };
  }

  /** The first page of rows; only then are the units and services to filter by asked for. */
  async function flushRows(rows: RequestSummary[]) {
    const request = await waitFor(listRequest);
    expect(http.match((r) => r.url === '/api/services')).toEqual([]);
    request.flush({ rows, total: rows.length } satisfies Page<RequestSummary>);
    (await waitFor(() => http.match((r) => r.url === '/api/school-units')[0])).flush({
      rows: [{ id: 'u-haga', name: 'Hagaskolan F-6' }],
      total: 1,
    });
    (await waitFor(() => http.match((r) => r.url === '/api/services')[0])).flush({
      rows: [{ id: 'svc-polylino', name: 'Polylino' }],
      total: 1,
    });
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    return request;
  }

  it('pages the open requests into the grid, oldest first, each opening by its number', async () => {
    const { harness, element } = await render();
    const request = await flushRows([
      testRequestSummary(),
      testRequestSummary({
        id: 'r-90',
        number: 90,
        state: 'DECIDED',
        decisionOutcome: 'REJECTED',
        decisionReasons: ['ECONOMY'],
        // 00:30 on 3 February in Sweden: the day shown is Sweden's, not UTC's.
        submittedAt: '2026-02-02T23:30:00Z',
      }),
    ]);
    expect(request.request.params.get('sort')).toBe('submittedAt:asc');
    expect(request.request.params.get('state')).toBe(
      'SUBMITTED,IN_TRIAGE,QUEUED,NEEDS_INFO,IN_REVIEW',
    );
    harness.detectChanges();

    const link = await waitFor(() => element.querySelector<HTMLAnchorElement>('.ag-cell a'));
    expect(link.textContent?.trim()).toBe('123');
    expect(link.getAttribute('aria-label')).toBe('Öppna begäran 123');
    expect(link.getAttribute('href')).toBe('/beslut?begaran=r-123');
    const headers = [...element.querySelectorAll('.ag-header-cell-text')].map((h) => h.textContent);
    expect(headers).toEqual([
      'Nr',
      'Verktyg',
      'Skolenhet',
      'Status',
      'Efterfrågan',
      'Beslut',
      'Inskickad',
      'Väntat (dagar)',
    ]);
    const cells = (colId: string) =>
      [...element.querySelectorAll(`.ag-cell[col-id="${colId}"]`)].map((c) =>
        c.textContent?.trim(),
      );
    await waitFor(() => cells('decision').length === 2);
    // A decided request shows its outcome, not only "Beslutad".
    expect(cells('state')).toEqual(['Bedöms', 'Avslagen']);
    expect(cells('submittedAt')).toEqual(['2026-02-02', '2026-02-03']);
    expect(cells('decision')).toEqual(['', 'Avslagen (Ekonomi)']);
    expect(element.querySelector('.list-status')?.textContent?.trim()).toBe('2 begäranden');
    expect(
      element.querySelector('section[aria-label="Begäranden"] ag-grid-angular'),
    ).not.toBeNull();
  });

  it('labels every filter, checks the open states, and asks again when a state is chosen', async () => {
    const { harness, element } = await render();
    await flushRows([]);

    for (const control of element.querySelectorAll('form input, form select')) {
      const id = control.getAttribute('id');
      const label = element.querySelector(`label[for="${id}"]`) ?? control.closest('label');
      expect(label?.textContent?.trim()).toBeTruthy();
    }
    const checkedStates = [
      ...element.querySelectorAll<HTMLInputElement>('input[id^="queue-state-"]'),
    ]
      .filter((box) => box.checked)
      .map((box) => box.closest('label')?.textContent?.trim());
    expect(checkedStates).toEqual([
      'Inskickad',
      'Bedöms',
      'Väntar på samlad bedömning',
      'Komplettering begärd',
      'Granskas',
    ]);
    expect(
      [...element.querySelectorAll('#queue-unit option')].map((o) => o.textContent?.trim()),
    ).toEqual(['Alla', 'Hagaskolan F-6']);

    element.querySelector<HTMLInputElement>('#queue-state-DECIDED')?.click();
    harness.detectChanges();
    const again = await waitFor(listRequest);
    expect(again.request.params.get('state')).toBe(
      'SUBMITTED,IN_TRIAGE,QUEUED,NEEDS_INFO,IN_REVIEW,DECIDED',
    );
    again.flush({ rows: [], total: 0 });
  });

  it('starts with the service and states a link names, as the demand view’s', async () => {
    const { element } = await render('/beslut?tjanst=svc-polylino&status=IN_TRIAGE,IN_REVIEW');
    const request = await flushRows([]);
    expect(request.request.params.get('serviceId')).toBe('svc-polylino');
    expect(request.request.params.get('state')).toBe('IN_TRIAGE,IN_REVIEW');
    expect(element.querySelector<HTMLSelectElement>('#queue-service')?.value).toBe('svc-polylino');
  });

  it('opens a request in the side panel from its link, and gives focus back when it closes', async () => {
    const { harness, element } = await render();
    await flushRows([testRequestSummary()]);
    harness.detectChanges();
    const link = await waitFor(() => element.querySelector<HTMLAnchorElement>('.ag-cell a'));
    link.focus();
    link.click();
    await harness.fixture.whenStable();
    harness.detectChanges();

    expect(TestBed.inject(Router).url).toBe('/beslut?begaran=r-123');
    http.expectOne('/api/requests/r-123').flush(testRequestDetail());
    http.expectOne('/api/requests/r-123/events').flush([]);
    await harness.fixture.whenStable();
    harness.detectChanges();
    const heading = await waitFor(() => element.querySelector('#request-panel-heading'));
    expect(heading.textContent?.trim()).toBe('Begäran 123: Polylino');
    expect(document.activeElement).toBe(heading);
    expect(element.querySelector('.queue-body')?.classList).toContain('with-panel');

    heading.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await harness.fixture.whenStable();
    harness.detectChanges();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/beslut');
    expect(element.querySelector('lr-request-panel')).toBeNull();
    expect(document.activeElement).toBe(link);
  });

  it('opens the row the grid reports opened with Enter', async () => {
    const { harness } = await render();
    await flushRows([testRequestSummary()]);
    const grid = harness.fixture.debugElement.query(By.directive(ServerGrid))
      .componentInstance as ServerGrid<RequestSummary>;
    grid.rowOpened.emit(testRequestSummary());
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/beslut?begaran=r-123');
    http.expectOne('/api/requests/r-123').flush(testRequestDetail());
    http.expectOne('/api/requests/r-123/events').flush([]);
  });

  it('reads the list again after a move in the panel', async () => {
    const { harness, element } = await render('/beslut?begaran=r-123');
    await flushRows([testRequestSummary()]);
    http.expectOne('/api/requests/r-123').flush(testRequestDetail());
    http.expectOne('/api/requests/r-123/events').flush([]);
    await harness.fixture.whenStable();
    harness.detectChanges();

    const queue = await waitFor(() =>
      [...element.querySelectorAll<HTMLButtonElement>('.move-buttons button')].find(
        (b) => b.textContent?.trim() === 'Spara till samlad bedömning',
      ),
    );
    queue.click();
    http
      .expectOne('/api/requests/r-123/moves')
      .flush(testRequestDetail({ state: 'QUEUED', version: 5, availableMoves: ['UNQUEUE'] }));
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/requests/r-123/events').flush([]);
    harness.detectChanges();

    const again = await waitFor(listRequest);
    expect(again.request.params.get('offset')).toBe('0');
    again.flush({ rows: [testRequestSummary({ state: 'QUEUED' })], total: 1 });

    // Opened from the address, not from a row: closing gives focus to the page's heading.
    element
      .querySelector('#request-panel-heading')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await harness.fixture.whenStable();
    harness.detectChanges();
    await harness.fixture.whenStable();
    expect(element.querySelector('lr-request-panel')).toBeNull();
    expect(document.activeElement).toBe(element.querySelector('h1'));
  });
});
