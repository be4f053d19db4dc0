import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { sessionUser, startAs } from '../core/auth/auth.testing';
import { SEARCH_DEBOUNCE_MS } from '../shared/grid/server-list.store';
import { CATALOGUE_PAGE_SIZE, CatalogueStore } from './catalogue.store';
import { testEntry } from './catalogue.testing';

const mellringe = { id: 'u-mell', name: 'Mellringeskolan 7-9' };
const isCatalogue = (request: { url: string }) => request.url === '/api/catalogue';

describe('CatalogueStore', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), CatalogueStore],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('shows a requester their own units, without a unit to pick', async () => {
    await startAs(sessionUser(['REQUESTER'], { schoolUnits: [mellringe] }));
    const store = TestBed.inject(CatalogueStore);
    const started = store.start();

    const request = http.expectOne(isCatalogue);
    expect(request.request.params.toString()).toBe(`offset=0&limit=${CATALOGUE_PAGE_SIZE}`);
    request.flush({ rows: [testEntry()], total: 1 });
    await started;

    http.expectNone((r) => r.url === '/api/school-units');
    expect(store.mayChooseUnit()).toBe(false);
    expect(store.context()).toEqual({ kind: 'own', units: [mellringe] });
    expect(store.state()).toMatchObject({ status: 'loaded', total: 1 });
  });

  it('lets someone who is not unit-scoped pick a unit, and asks for that unit’s view', async () => {
    await startAs(sessionUser(['PROCUREMENT']));
    const store = TestBed.inject(CatalogueStore);
    const started = store.start();
    http.expectOne(isCatalogue).flush({ rows: [], total: 0 });
    const units = http.expectOne((r) => r.url === '/api/school-units');
    expect(units.request.params.toString()).toBe('limit=200&sort=name:asc');
    units.flush({ rows: [{ id: 'u-haga', name: 'Hagaskolan F-6' }], total: 1 });
    await started;
    expect(store.context()).toEqual({ kind: 'none', units: [] });

    store.setFilter('unitId', 'u-haga');
    store.setFilter('category', 'ASSISTIVE_TECHNOLOGY');

    const requests = http.match(isCatalogue);
    expect(requests).toHaveLength(2);
    expect(requests[1]?.request.params.get('unitId')).toBe('u-haga');
    expect(requests[1]?.request.params.get('category')).toBe('ASSISTIVE_TECHNOLOGY');
    expect(store.context()).toEqual({
      kind: 'chosen',
      units: [{ id: 'u-haga', name: 'Hagaskolan F-6' }],
    });
  });

  it('searches after a pause in typing, and drops the answer to an older search', async () => {
    jest.useFakeTimers();
    await startAs(sessionUser(['REQUESTER'], { schoolUnits: [mellringe] }));
    const store = TestBed.inject(CatalogueStore);
    void store.start();
    const first = http.expectOne(isCatalogue);

    store.searchSoon('pol');
    store.searchSoon(' polylino ');
    http.expectNone(isCatalogue);
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);

    const search = http.expectOne(isCatalogue);
    expect(search.request.params.get('q')).toBe('polylino');
    search.flush({ rows: [testEntry()], total: 1 });
    first.flush({ rows: [testEntry({ id: 'x', name: 'NE' }), testEntry()], total: 2 });
    await Promise.resolve();
    await Promise.resolve();

    expect(store.state().entries.map((entry) => entry.name)).toEqual(['Polylino']);
  });

  it('reads the next page on request and adds it to the list', async () => {
    await startAs(sessionUser(['REQUESTER'], { schoolUnits: [mellringe] }));
    const store = TestBed.inject(CatalogueStore);
    const started = store.start();
    http.expectOne(isCatalogue).flush({ rows: [testEntry({ id: 'a' })], total: 2 });
    await started;
    expect(store.hasMore()).toBe(true);

    const more = store.loadMore();
    const next = http.expectOne(isCatalogue);
    expect(next.request.params.get('offset')).toBe('1');
    next.flush({ rows: [testEntry({ id: 'b' })], total: 2 });
    await more;

    expect(store.state().entries.map((entry) => entry.id)).toEqual(['a', 'b']);
    expect(store.hasMore()).toBe(false);
  });
});
