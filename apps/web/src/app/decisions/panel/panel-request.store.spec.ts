import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { testEvent, testRequestDetail } from '../decision.testing';
import { PanelRequestStore } from './panel-request.store';
import { openRequest, setUpPanelStores } from './panel-stores.testing';
import { RequestHistoryStore } from './request-history.store';

describe('PanelRequestStore', () => {
  let http: HttpTestingController;
  let store: PanelRequestStore;
  let history: RequestHistoryStore;

  beforeEach(() => {
    http = setUpPanelStores();
    store = TestBed.inject(PanelRequestStore);
    history = TestBed.inject(RequestHistoryStore);
  });

  afterEach(() => http.verify());

  it('reads the request and its history', async () => {
    await openRequest();
    const state = store.state();
    expect(state.kind).toBe('loaded');
    expect(state.kind === 'loaded' && state.request.number).toBe(123);
    expect(store.request()?.number).toBe(123);
    expect(history.events()).toEqual({ kind: 'loaded', value: [testEvent()] });
  });

  it('says when the request does not exist, and keeps the panel when the history fails', async () => {
    const opened = store.open('r-gone');
    http
      .expectOne('/api/requests/r-gone/events')
      .flush(null, { status: 500, statusText: 'Server Error' });
    http.expectOne('/api/requests/r-gone').flush(null, { status: 404, statusText: 'Not Found' });
    await opened;
    expect(store.state()).toEqual({ kind: 'not-found' });
    expect(store.request()).toBeNull();
    expect(history.events()).toEqual({ kind: 'failed' });
  });

  it('takes a malformed id (400) for a request that does not exist, and other errors as failed', async () => {
    const malformed = store.open('nonsense');
    http.expectOne('/api/requests/nonsense/events').flush([]);
    http
      .expectOne('/api/requests/nonsense')
      .flush(null, { status: 400, statusText: 'Bad Request' });
    await malformed;
    expect(store.state()).toEqual({ kind: 'not-found' });

    const broken = store.open('r-1');
    http.expectOne('/api/requests/r-1/events').flush([]);
    http.expectOne('/api/requests/r-1').flush(null, { status: 500, statusText: 'Server Error' });
    await broken;
    expect(store.state()).toEqual({ kind: 'failed' });
  });

  it('drops the answer for a request left behind', async () => {
    const first = store.open('r-1');
    const second = store.open('r-2');
    http.expectOne('/api/requests/r-1').flush(testRequestDetail({ id: 'r-1', number: 1 }));
    http.expectOne('/api/requests/r-1/events').flush([testEvent({ id: 'e-r1' })]);
    http.expectOne('/api/requests/r-2').flush(testRequestDetail({ id: 'r-2', number: 2 }));
    http.expectOne('/api/requests/r-2/events').flush([]);
    await Promise.all([first, second]);
    const state = store.state();
    expect(state.kind === 'loaded' && state.request.number).toBe(2);
    expect(history.events()).toEqual({ kind: 'loaded', value: [] });
  });

  it('shows the history as on its way while another request opens', async () => {
    await openRequest();
    void store.open('r-2');
    expect(store.state()).toEqual({ kind: 'loading' });
    expect(history.events()).toEqual({ kind: 'loading' });
    http.expectOne('/api/requests/r-2/events').flush([]);
    http.expectOne('/api/requests/r-2').flush(testRequestDetail({ id: 'r-2' }));
  });

  it('opens anew each time, even the same request', async () => {
    await openRequest();
    const first = store.opened();
    await openRequest();
    expect(store.opened()).not.toBe(first);
    expect(store.opened()?.id).toBe('r-123');
  });

  it('shows the request a move left, dropping a read still on its way', async () => {
    await openRequest();
    const reading = store.load();
    store.show(testRequestDetail({ state: 'IN_REVIEW', version: 5 }));
    http.expectOne('/api/requests/r-123/events').flush([]);
    http.expectOne('/api/requests/r-123').flush(testRequestDetail({ version: 4 }));
    await reading;
    expect(store.request()?.version).toBe(5);
  });
});
