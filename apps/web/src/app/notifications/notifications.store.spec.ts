import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { UnreadCountStore } from '../core/notifications/unread-count.store';
import { testNotification } from './notification.testing';
import { NOTIFICATION_PAGE_SIZE, NotificationsStore } from './notifications.store';

const isList = (request: { url: string }) => request.url === '/api/notifications';

describe('NotificationsStore', () => {
  let http: HttpTestingController;
  let store: NotificationsStore;
  let count: UnreadCountStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), NotificationsStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(NotificationsStore);
    count = TestBed.inject(UnreadCountStore);
  });

  afterEach(() => http.verify());

  async function loaded(rows = [testNotification(), testNotification({ id: 'n2' })], unread = 2) {
    const loading = store.load();
    const request = http.expectOne(isList);
    expect(request.request.params.get('limit')).toBe(String(NOTIFICATION_PAGE_SIZE));
    request.flush({ rows, total: rows.length, unread });
    await loading;
  }

  it('reads the first page and tells the header the unread count', async () => {
    await loaded();
    expect(store.state()).toMatchObject({ status: 'loaded', total: 2, unread: 2 });
    expect(count.unread()).toBe(2);
  });

  it('marks one read, with the time the API gives, and counts one fewer', async () => {
    await loaded();
    const marking = store.markRead('n1');
    expect(store.marking()).toBe('n1');
    http
      .expectOne({ method: 'POST', url: '/api/notifications/n1/read' })
      .flush(testNotification({ readAt: '2026-04-02T08:00:00.000Z' }));
    expect(await marking).toBe(true);
    expect(store.state().rows.map((row) => row.readAt)).toEqual(['2026-04-02T08:00:00.000Z', null]);
    expect(store.state().unread).toBe(1);
    expect(count.unread()).toBe(1);
    expect(store.marking()).toBeNull();
  });

  it('does not mark again what is already read', async () => {
    await loaded([testNotification({ readAt: '2026-04-02T08:00:00.000Z' })], 0);
    expect(await store.markRead('n1')).toBe(false);
    http.expectNone('/api/notifications/n1/read');
  });

  it('marks all read at once', async () => {
    await loaded();
    const marking = store.markAllRead();
    http.expectOne({ method: 'POST', url: '/api/notifications/read-all' }).flush({ updated: 2 });
    expect(await marking).toBe(true);
    expect(store.state().rows.every((row) => row.readAt !== null)).toBe(true);
    expect(store.state().unread).toBe(0);
    expect(count.unread()).toBe(0);
  });

  it('says so when marking fails, and leaves the notification unread', async () => {
    await loaded();
    const marking = store.markRead('n2');
    http
      .expectOne('/api/notifications/n2/read')
      .flush(null, { status: 500, statusText: 'Server Error' });
    expect(await marking).toBe(false);
    expect(store.error()).toBe('Notisen kunde inte markeras som läst. Försök igen om en stund.');
    expect(store.state().rows[1].readAt).toBeNull();
  });

  it('reads further pages after the ones shown', async () => {
    const loading = store.load();
    http.expectOne(isList).flush({ rows: [testNotification()], total: 2, unread: 2 });
    await loading;
    expect(store.hasMore()).toBe(true);

    const more = store.loadMore();
    const request = http.expectOne(isList);
    expect(request.request.params.get('offset')).toBe('1');
    request.flush({ rows: [testNotification({ id: 'n2' })], total: 2, unread: 2 });
    await more;
    expect(store.state().rows.map((row) => row.id)).toEqual(['n1', 'n2']);
    expect(store.hasMore()).toBe(false);
  });
});
