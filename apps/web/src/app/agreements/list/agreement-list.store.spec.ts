import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { IGetRowsParams } from 'ag-grid-community';

import type { Agreement, Page } from '@licensregistret/domain';

import { SEARCH_DEBOUNCE_MS } from '../../shared/grid/server-list.store';
import { testAgreement } from '../agreement.testing';
import { AgreementListStore, agreementListQuery } from './agreement-list.store';

function askForRows(
  store: AgreementListStore,
  sortModel: IGetRowsParams['sortModel'] = [],
  startRow = 0,
) {
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

const isList = (request: { url: string }) => request.url === '/api/agreements';

describe('agreementListQuery', () => {
  it('leaves out what is not filled in', () => {
    expect(
      agreementListQuery({
        statuses: [],
        supplierId: '',
        endsFrom: '',
        endsTo: '',
        minCost: '',
        maxCost: '',
        schoolForm: '',
      }),
    ).toEqual({});
  });

  it('joins the statuses, reads costs as numbers and skips what is not a date or a cost', () => {
    expect(
      agreementListQuery(
        {
          statuses: ['ACTION_NEEDED', 'EXPIRING'],
          endsFrom: '2026-01-01',
          endsTo: '2026-13-01',
          noticeFrom: '2026-03-01',
          noticeTo: '2026-02-30',
          minCost: '100000',
          maxCost: '-5',
        },
        { offset: 0, limit: 200 },
      ),
    ).toEqual({
      offset: 0,
      limit: 200,
      status: 'ACTION_NEEDED,EXPIRING',
      endsFrom: '2026-01-01',
      noticeFrom: '2026-03-01',
      minCost: 100000,
    });
  });
});

describe('AgreementListStore', () => {
  let http: HttpTestingController;
  let store: AgreementListStore;
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), AgreementListStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AgreementListStore);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('asks for a page by end date, with every status, and reports the total', () => {
    const params = askForRows(store);
    const request = http.expectOne(isList);
    expect(request.request.params.toString()).toBe('offset=0&limit=100&sort=endsOn:asc');

    const page: Page<Agreement> = { rows: [testAgreement()], total: 1 };
    request.flush(page);

    expect(params.successCallback).toHaveBeenCalledWith(page.rows, 1);
    expect(store.status()).toEqual({ kind: 'loaded', total: 1 });
  });

  it('asks the block that follows the first after its cursor, without counting again', () => {
    store.setFilter('supplierId', 's-ne');
    askForRows(store);
    const rows = Array.from({ length: 100 }, (_, index) => testAgreement({ id: `a${index}` }));
    http.expectOne(isList).flush({ rows, total: 250, nextCursor: 'c100' });

    askForRows(store, [], 100);
    const { params } = http.expectOne(isList).request;
    expect(params.get('after')).toBe('c100');
    expect(params.get('withTotal')).toBe('false');
    expect(params.has('offset')).toBe(false);
    expect(params.get('supplierId')).toBe('s-ne');
  });

  it('turns the filters into the query parameters the API takes', () => {
    const before = store.dataSource();
    store.setFilter('statuses', ['ACTION_NEEDED', 'EXPIRING']);
    store.setFilter('supplierId', 's-ne');
    store.setFilter('endsFrom', '2026-01-01');
    store.setFilter('endsTo', '2027-12-31');
    store.setFilter('schoolForm', 'GR');
    expect(store.dataSource()).not.toBe(before);

    askForRows(store, [{ colId: 'annualCost', sort: 'desc' }]);
    const { params } = http.expectOne(isList).request;
    expect(params.get('status')).toBe('ACTION_NEEDED,EXPIRING');
    expect(params.get('supplierId')).toBe('s-ne');
    expect(params.get('endsFrom')).toBe('2026-01-01');
    expect(params.get('endsTo')).toBe('2027-12-31');
    expect(params.get('schoolForm')).toBe('GR');
    expect(params.get('sort')).toBe('annualCost:desc');
    expect(params.has('statuses')).toBe(false);
    expect(params.has('minCost')).toBe(false);
  });

  it('applies both costs typed during the same pause together', () => {
    jest.useFakeTimers();
    store.setFilterSoon('minCost', '100000');
    store.setFilterSoon('maxCost', '500000');
    jest.advanceTimersByTime(SEARCH_DEBOUNCE_MS);

    askForRows(store);
    const { params } = http.expectOne(isList).request;
    expect(params.get('minCost')).toBe('100000');
    expect(params.get('maxCost')).toBe('500000');
  });

  it('does not send a sort the API cannot do', () => {
    askForRows(store, [{ colId: 'daysLeft', sort: 'asc' }]);
    expect(http.expectOne(isList).request.params.get('sort')).toBe('endsOn:asc');
  });

  it('gives the export the filters and the sort the grid last asked for, without paging', () => {
    expect(store.exportQuery()).toEqual({ sort: 'endsOn:asc' });
    store.setFilter('statuses', ['ACTION_NEEDED']);
    store.setFilter('supplierId', 's-ne');
    askForRows(store, [{ colId: 'annualCost', sort: 'desc' }], 100);
    http.expectOne(isList);

    expect(store.exportQuery()).toEqual({
      status: 'ACTION_NEEDED',
      supplierId: 's-ne',
      sort: 'annualCost:desc',
    });
  });
});
