import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { CalendarFeed } from '@licensregistret/domain';

import { CalendarFeedStore } from './calendar-feed.store';

const FEED_URL = '/api/calendar/feed';
const CREATED = '2026-04-01T12:00:00.000Z';
const PATH = '/api/calendar/s3cret-token/deadlines.ics';

describe('CalendarFeedStore', () => {
  let http: HttpTestingController;
  let store: CalendarFeedStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), CalendarFeedStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(CalendarFeedStore);
  });

  afterEach(() => {
    http.verify();
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  async function loaded(feed: CalendarFeed): Promise<void> {
    const loading = store.load();
    http.expectOne({ method: 'GET', url: FEED_URL }).flush(feed);
    await loading;
  }

  async function created(): Promise<boolean> {
    const creating = store.create();
    http
      .expectOne({ method: 'POST', url: FEED_URL })
      .flush({ active: true, createdAt: CREATED, path: PATH });
    return creating;
  }

  function clipboard(writeText: jest.Mock): jest.Mock {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    return writeText;
  }

  it('says whether the calendar is shared, without an address', async () => {
    expect(store.state().status).toBe('loading');
    await loaded({ active: true, createdAt: CREATED, path: null });
    expect(store.state()).toEqual({ status: 'loaded', active: true, createdAt: CREATED });
    expect(store.address()).toBeNull();
    expect(store.error()).toBeNull();
  });

  it('says so when the status cannot be had', async () => {
    const loading = store.load();
    http.expectOne(FEED_URL).flush(null, { status: 503, statusText: 'Unavailable' });
    await loading;
    expect(store.state().status).toBe('failed');
    expect(store.error()).toBe(
      'Uppgifterna om din kalender kunde inte hämtas. Försök igen om en stund.',
    );
  });

  it('creates an address and keeps it whole, with the origin of the page', async () => {
    await loaded({ active: false, createdAt: null, path: null });
    const creating = store.create();
    expect(store.busy()).toBe('CREATE');
    // A second press while the first is on its way asks nothing.
    expect(await store.create()).toBe(false);
    const request = http.expectOne({ method: 'POST', url: FEED_URL });
    request.flush({ active: true, createdAt: CREATED, path: PATH });
    expect(await creating).toBe(true);
    expect(store.address()).toBe(`${window.location.origin}${PATH}`);
    expect(store.address()).toBe('http://localhost/api/calendar/s3cret-token/deadlines.ics');
    expect(store.state()).toEqual({ status: 'loaded', active: true, createdAt: CREATED });
    expect(store.busy()).toBeNull();
  });

  it('keeps what it had when an address cannot be created', async () => {
    await loaded({ active: true, createdAt: CREATED, path: null });
    const creating = store.create();
    http
      .expectOne({ method: 'POST', url: FEED_URL })
      .flush(null, { status: 500, statusText: 'Error' });
    expect(await creating).toBe(false);
    expect(store.address()).toBeNull();
    expect(store.state().active).toBe(true);
    expect(store.busy()).toBeNull();
    expect(store.error()).toBe('Kalenderadressen kunde inte skapas. Försök igen om en stund.');
  });

  it('stops sharing, forgets the address and says so', async () => {
    await loaded({ active: false, createdAt: null, path: null });
    await created();
    const revoking = store.revoke();
    expect(store.busy()).toBe('REVOKE');
    http
      .expectOne({ method: 'DELETE', url: FEED_URL })
      .flush(null, { status: 204, statusText: 'No Content' });
    expect(await revoking).toBe(true);
    expect(store.address()).toBeNull();
    expect(store.state()).toEqual({ status: 'loaded', active: false, createdAt: null });
    expect(store.message()?.text).toBe(
      'Du delar inte längre din kalender. Adressen fungerar inte längre.',
    );
    expect(store.busy()).toBeNull();
  });

  it('keeps sharing, and says so, when revoking fails', async () => {
    await loaded({ active: false, createdAt: null, path: null });
    await created();
    const revoking = store.revoke();
    http
      .expectOne({ method: 'DELETE', url: FEED_URL })
      .flush(null, { status: 500, statusText: 'Error' });
    expect(await revoking).toBe(false);
    expect(store.state().active).toBe(true);
    expect(store.address()).not.toBeNull();
    expect(store.message()).toBeNull();
    expect(store.error()).toBe('Det gick inte att sluta dela kalendern. Försök igen om en stund.');
  });

  it('copies the address, with a new message each time', async () => {
    const writeText = clipboard(jest.fn().mockResolvedValue(undefined));
    await loaded({ active: false, createdAt: null, path: null });
    await created();
    expect(await store.copy()).toBe(true);
    expect(writeText).toHaveBeenCalledWith(
      'http://localhost/api/calendar/s3cret-token/deadlines.ics',
    );
    const first = store.message();
    expect(first?.text).toBe('Adressen är kopierad.');
    await store.copy();
    expect(store.message()?.text).toBe('Adressen är kopierad.');
    expect(store.message()?.id).not.toBe(first?.id);
  });

  it('says how to copy by hand when the clipboard refuses', async () => {
    clipboard(jest.fn().mockRejectedValue(new Error('Not allowed')));
    await loaded({ active: false, createdAt: null, path: null });
    await created();
    expect(await store.copy()).toBe(false);
    expect(store.message()).toBeNull();
    expect(store.error()).toBe(
      'Adressen kunde inte kopieras. Markera adressen i fältet och kopiera den själv.',
    );
  });

  it('has nothing to copy before an address is created', async () => {
    const writeText = clipboard(jest.fn().mockResolvedValue(undefined));
    await loaded({ active: true, createdAt: CREATED, path: null });
    expect(await store.copy()).toBe(false);
    expect(writeText).not.toHaveBeenCalled();
  });
});
