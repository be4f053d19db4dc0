import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { testToolMatch } from '../../catalogue/catalogue.testing';
import { SEARCH_DEBOUNCE_MS } from '../../shared/grid/server-list.store';
import { ToolSearchStore } from './tool-search.store';

const isCatalogue = (request: { url: string }) => request.url === '/api/catalogue/tools';

describe('ToolSearchStore', () => {
  let http: HttpTestingController;
  let store: ToolSearchStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), ToolSearchStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(ToolSearchStore);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('searches the whole catalogue and the requests by name after a pause in typing', async () => {
    jest.useFakeTimers();
    store.searchSoon('po');
    store.searchSoon('poly ');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);

    const request = http.expectOne(isCatalogue);
    expect(request.request.params.get('q')).toBe('poly');
    expect(store.state().status).toBe('searching');
    expect(store.searched()).toBe(false);

    request.flush({ rows: [testToolMatch()], total: 1 });
    jest.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve));
    expect(store.state()).toMatchObject({ status: 'loaded', q: 'poly', total: 1 });
    expect(store.searched()).toBe(true);
  });

  it('asks nothing for a single letter', async () => {
    await store.search('p');
    http.expectNone(isCatalogue);
    expect(store.state()).toEqual({ status: 'idle', q: 'p', matches: [], total: 0 });
    expect(store.searched()).toBe(false);
  });

  it('drops the answer to an older search', async () => {
    const first = store.search('poly');
    const second = store.search('widgit');
    const [older, newer] = http.match(isCatalogue);
    newer.flush({
      rows: [testToolMatch({ serviceId: 'svc-widgit', name: 'Widgit Online' })],
      total: 1,
    });
    older.flush({ rows: [testToolMatch()], total: 1 });
    await Promise.all([first, second]);
    expect(store.state().matches.map((match) => match.name)).toEqual(['Widgit Online']);
  });

  it('still lets the person go on when the catalogue does not answer', async () => {
    const done = store.search('poly');
    http.expectOne(isCatalogue).flush(null, { status: 503, statusText: 'Unavailable' });
    await done;
    expect(store.state().status).toBe('failed');
    expect(store.searched()).toBe(true);
  });

  it('keeps the chosen service while a later search shows others', async () => {
    const first = store.search('poly');
    http.expectOne(isCatalogue).flush({ rows: [testToolMatch()], total: 1 });
    await first;
    store.choose('svc-polylino');

    const second = store.search('widgit');
    http.expectOne(isCatalogue).flush({ rows: [], total: 0 });
    await second;
    expect(store.chosen()?.name).toBe('Polylino');

    store.choose(null);
    expect(store.chosen()).toBeNull();
  });
});
