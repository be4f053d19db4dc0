import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { UNREAD_REFRESH_MIN_MS, UnreadCountStore } from './unread-count.store';

const isList = (request: { url: string }) => request.url === '/api/notifications';

describe('UnreadCountStore', () => {
  let http: HttpTestingController;
  let store: UnreadCountStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(UnreadCountStore);
  });

  afterEach(() => http.verify());

  it('asks for one notification and keeps the unread count', async () => {
    expect(store.unread()).toBeNull();
    const refreshing = store.refresh({ now: 1_000 });
    const request = http.expectOne(isList);
    expect(request.request.params.get('limit')).toBe('1');
    request.flush({ rows: [], total: 9, unread: 3 });
    await refreshing;
    expect(store.unread()).toBe(3);
  });

  it('asks again only after a pause, unless forced', async () => {
    const first = store.refresh({ now: 1_000 });
    http.expectOne(isList).flush({ rows: [], total: 1, unread: 1 });
    await first;

    await store.refresh({ now: 1_000 + UNREAD_REFRESH_MIN_MS - 1 });
    http.expectNone(isList);

    const forced = store.refresh({ now: 1_001, force: true });
    http.expectOne(isList).flush({ rows: [], total: 1, unread: 0 });
    await forced;
    expect(store.unread()).toBe(0);

    const later = store.refresh({ now: 1_001 + UNREAD_REFRESH_MIN_MS });
    http.expectOne(isList).flush({ rows: [], total: 2, unread: 2 });
    await later;
    expect(store.unread()).toBe(2);
  });

  it('keeps the last count when the API does not answer', async () => {
    store.set(4);
    const refreshing = store.refresh({ now: 1_000 });
    http.expectOne(isList).flush(null, { status: 503, statusText: 'Unavailable' });
    await refreshing;
    expect(store.unread()).toBe(4);
  });

  it('forgets the count on sign-out and asks at once for the next person', async () => {
    const first = store.refresh({ now: 1_000 });
    http.expectOne(isList).flush({ rows: [], total: 1, unread: 1 });
    await first;
    store.clear();
    expect(store.unread()).toBeNull();

    const next = store.refresh({ now: 1_001 });
    http.expectOne(isList).flush({ rows: [], total: 0, unread: 0 });
    await next;
    expect(store.unread()).toBe(0);
  });
});
