import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { IGetRowsParams } from 'ag-grid-community';

import type { Page, SchoolUnit } from '@licensregistret/domain';

import { SEARCH_DEBOUNCE_MS } from '../../shared/grid/server-list.store';
import { SchoolUnitListStore } from './school-unit-list.store';

const unit: SchoolUnit = {
  id: 'u1',
  administrationId: 'a1',
  name: 'Hagaskolan F-6',
  code: '12345678',
  schoolForms: ['GR'],
  compulsoryStages: ['F-3', '4-6'],
  pupilCount: 320,
  networkGroup: 'Norr',
  principalId: null,
  principalName: null,
  version: 1,
};

function askForRows(store: SchoolUnitListStore, sortModel: IGetRowsParams['sortModel'] = []) {
  const params = {
    startRow: 0,
    endRow: 100,
    sortModel,
    filterModel: {},
    successCallback: jest.fn(),
    failCallback: jest.fn(),
  } as unknown as IGetRowsParams & { successCallback: jest.Mock; failCallback: jest.Mock };
  store.dataSource().getRows(params);
  return params;
}

describe('SchoolUnitListStore', () => {
  let http: HttpTestingController;
  let store: SchoolUnitListStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), SchoolUnitListStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(SchoolUnitListStore);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('asks the API for a page sorted by name, and reports the total', () => {
    const params = askForRows(store);
    const request = http.expectOne((r) => r.url === '/api/school-units');
    expect(request.request.params.toString()).toBe('offset=0&limit=100&sort=name:asc');

    const page: Page<SchoolUnit> = { rows: [unit], total: 1 };
    request.flush(page);

    expect(params.successCallback).toHaveBeenCalledWith([unit], 1);
    expect(store.status()).toEqual({ kind: 'loaded', total: 1 });
  });

  it('sends the filters chosen outside the grid, with a new data source', () => {
    const before = store.dataSource();
    store.setFilter('networkGroup', 'Söder');
    store.setFilter('schoolForm', 'FS');
    expect(store.dataSource()).not.toBe(before);

    askForRows(store, [{ colId: 'pupilCount', sort: 'desc' }]);
    const request = http.expectOne((r) => r.url === '/api/school-units');
    expect(request.request.params.get('networkGroup')).toBe('Söder');
    expect(request.request.params.get('schoolForm')).toBe('FS');
    expect(request.request.params.get('sort')).toBe('pupilCount:desc');
    expect(request.request.params.has('q')).toBe(false);
    request.flush({ rows: [], total: 0 });
  });

  it('searches after a pause in typing', () => {
    jest.useFakeTimers();
    const before = store.dataSource();
    store.setFilterSoon('q', 'ha');
    store.setFilterSoon('q', 'haga');
    expect(store.dataSource()).toBe(before);

    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    expect(store.filters().q).toBe('haga');

    askForRows(store);
    const request = http.expectOne((r) => r.url === '/api/school-units');
    expect(request.request.params.get('q')).toBe('haga');
    request.flush({ rows: [], total: 0 });
  });

  it('keeps a search still waiting when a filter is chosen meanwhile', () => {
    jest.useFakeTimers();
    store.setFilterSoon('q', 'haga');
    store.setFilter('networkGroup', 'Norr');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    expect(store.filters()).toEqual({ q: 'haga', networkGroup: 'Norr', schoolForm: '' });
  });

  it('says so when the list cannot be read', () => {
    const params = askForRows(store);
    http
      .expectOne((r) => r.url === '/api/school-units')
      .flush(null, { status: 500, statusText: 'Server Error' });
    expect(params.failCallback).toHaveBeenCalled();
    expect(store.status()).toEqual({ kind: 'failed' });
  });
});
