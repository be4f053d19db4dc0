import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { IGetRowsParams } from 'ag-grid-community';

import type { Page, RequestSummary } from '@licensregistret/domain';

import { SEARCH_DEBOUNCE_MS } from '../../shared/grid/server-list.store';
import { testRequestSummary } from '../decision.testing';
import { QueueStore, requestListQuery, statesOfParam } from './queue.store';

function askForRows(store: QueueStore, sortModel: IGetRowsParams['sortModel'] = [], startRow = 0) {
  const params = {
    startRow,
    endRow: startRow + 100,
    sortModel,
    filterModel: {},
    successCallback: jest.fn(),
    failCallback: jest.fn(),
  } as unknown as IGetRowsParams & { successCallback: jest.Mock; failCallback: jest.Mock };
  store.dataSource().getRows(params);
  return params;
}

const isList = (request: { url: string }) => request.url === '/api/requests';

describe('requestListQuery', () => {
  it('leaves out what is not filled in, and what is not a whole number', () => {
    expect(
      requestListQuery({
        states: [],
        unitId: '',
        serviceId: '',
        minAgeDays: '2.5',
        minDemand: '-1',
        revision: 3,
      }),
    ).toEqual({});
  });

  it('joins the states and reads the numbers', () => {
    expect(
      requestListQuery(
        {
          states: ['IN_TRIAGE', 'IN_REVIEW'],
          unitId: 'u-haga',
          serviceId: 'svc-ne',
          minAgeDays: '30',
          minDemand: '2',
        },
        { offset: 100, limit: 100, sort: 'demandCount:desc' },
      ),
    ).toEqual({
      offset: 100,
      limit: 100,
      sort: 'demandCount:desc',
      state: 'IN_TRIAGE,IN_REVIEW',
      unitId: 'u-haga',
      serviceId: 'svc-ne',
      minAgeDays: 30,
      minDemand: 2,
    });
  });
});

describe('statesOfParam', () => {
  it('keeps the states the queue shows, in the routine’s order', () => {
    expect(statesOfParam('IN_REVIEW,SUBMITTED,DRAFT,NONSENSE')).toEqual(['SUBMITTED', 'IN_REVIEW']);
    expect(statesOfParam('DRAFT')).toBeUndefined();
    expect(statesOfParam(undefined)).toBeUndefined();
  });
});

describe('QueueStore', () => {
  let http: HttpTestingController;
  let store: QueueStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), QueueStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(QueueStore);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('asks for the open requests, oldest first, and reports the total', () => {
    const params = askForRows(store);
    const request = http.expectOne(isList);
    expect(request.request.params.toString()).toBe(
      'offset=0&limit=100&sort=submittedAt:asc&state=SUBMITTED,IN_TRIAGE,QUEUED,NEEDS_INFO,IN_REVIEW',
    );
    const page: Page<RequestSummary> = { rows: [testRequestSummary()], total: 1 };
    request.flush(page);
    expect(params.successCallback).toHaveBeenCalledWith(page.rows, 1);
    expect(store.status()).toEqual({ kind: 'loaded', total: 1 });
  });

  it('asks the block that follows the first after its cursor, without counting again', () => {
    askForRows(store);
    const rows = Array.from({ length: 100 }, (_, index) => testRequestSummary({ id: `r${index}` }));
    http.expectOne(isList).flush({ rows, total: 250, nextCursor: 'c100' });

    askForRows(store, [], 100);
    const { params } = http.expectOne(isList).request;
    expect(params.get('after')).toBe('c100');
    expect(params.get('withTotal')).toBe('false');
    expect(params.has('offset')).toBe(false);
    expect(params.get('state')).toBe('SUBMITTED,IN_TRIAGE,QUEUED,NEEDS_INFO,IN_REVIEW');
  });

  it('sends the filters and the grid’s sort, and skips a sort the API cannot do', () => {
    store.setFilter('states', ['IN_REVIEW']);
    store.setFilter('unitId', 'u-haga');
    store.setFilter('serviceId', 'svc-polylino');
    askForRows(store, [{ colId: 'demandCount', sort: 'desc' }]);
    const { params } = http.expectOne(isList).request;
    expect(params.get('state')).toBe('IN_REVIEW');
    expect(params.get('unitId')).toBe('u-haga');
    expect(params.get('serviceId')).toBe('svc-polylino');
    expect(params.get('sort')).toBe('demandCount:desc');
    expect(params.has('states')).toBe(false);

    askForRows(store, [{ colId: 'ageDays', sort: 'asc' }]);
    expect(http.expectOne(isList).request.params.get('sort')).toBe('submittedAt:asc');
  });

  it('gives the export the queue’s filters and the grid’s sort, without paging or the counter', () => {
    store.setFilter('unitId', 'u-haga');
    store.reload();
    askForRows(store, [{ colId: 'demandCount', sort: 'desc' }]);
    http.expectOne(isList);
    expect(store.exportQuery()).toEqual({
      sort: 'demandCount:desc',
      state: 'SUBMITTED,IN_TRIAGE,QUEUED,NEEDS_INFO,IN_REVIEW',
      unitId: 'u-haga',
    });
  });

  it('applies the numbers typed during the same pause together', () => {
    jest.useFakeTimers();
    store.setFilterSoon('minAgeDays', '14');
    store.setFilterSoon('minDemand', '3');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    askForRows(store);
    const { params } = http.expectOne(isList).request;
    expect(params.get('minAgeDays')).toBe('14');
    expect(params.get('minDemand')).toBe('3');
  });

  it('reads the list again after a move, without sending its counter', () => {
    const before = store.dataSource();
    store.reload();
    expect(store.dataSource()).not.toBe(before);
    expect(store.status()).toEqual({ kind: 'loading' });
    askForRows(store);
    expect(http.expectOne(isList).request.params.has('revision')).toBe(false);
  });

  it('loads every unit and service to filter by, page after page', async () => {
    const loaded = store.loadChoices();
    const units = http.expectOne((r) => r.url === '/api/school-units');
    expect(units.request.params.get('sort')).toBe('name:asc');
    expect(units.request.params.get('limit')).toBe('200');
    units.flush({
      rows: Array.from({ length: 200 }, (_, index) => ({
        id: `u${index}`,
        name: `Enhet ${index}`,
      })),
      total: 201,
    });
    http
      .expectOne((r) => r.url === '/api/services')
      .flush({ rows: [{ id: 'svc-ne', name: 'NE', supplierName: 'NE' }], total: 1 });
    await new Promise((resolve) => setTimeout(resolve));
    const more = http.expectOne((r) => r.url === '/api/school-units');
    expect(more.request.params.get('offset')).toBe('200');
    more.flush({ rows: [{ id: 'u-last', name: 'Wallerska skolan F-6' }], total: 201 });
    await loaded;

    expect(store.units()).toHaveLength(201);
    expect(store.units()[200]).toEqual({ id: 'u-last', name: 'Wallerska skolan F-6' });
    expect(store.services()).toEqual([{ id: 'svc-ne', name: 'NE' }]);
  });

  it('keeps the services when the units cannot be read', async () => {
    const loaded = store.loadChoices();
    http
      .expectOne((r) => r.url === '/api/school-units')
      .flush(null, { status: 500, statusText: 'Server Error' });
    http
      .expectOne((r) => r.url === '/api/services')
      .flush({ rows: [{ id: 'svc-ne', name: 'NE' }], total: 1 });
    await loaded;
    expect(store.units()).toEqual([]);
    expect(store.services()).toEqual([{ id: 'svc-ne', name: 'NE' }]);
  });
});
