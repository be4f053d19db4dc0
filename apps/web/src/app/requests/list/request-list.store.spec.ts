import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { IGetRowsParams } from 'ag-grid-community';

import type { Role } from '@licensregistret/domain';

import { sessionUser, startAs } from '../../core/auth/auth.testing';
import { testRequestSummary } from '../request.testing';
import { RequestListStore, stateParam } from './request-list.store';

function askForRows(store: RequestListStore, sortModel: IGetRowsParams['sortModel'] = []) {
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

const isList = (request: { url: string }) => request.url === '/api/requests';

describe('stateParam', () => {
  it('turns a choice into the states the API takes', () => {
    expect(stateParam('')).toBeUndefined();
    expect(stateParam('NEEDS_INFO')).toBe('NEEDS_INFO');
    expect(stateParam('CLOSED')).toBe('ALREADY_COVERED,DECIDED,IMPLEMENTED,WITHDRAWN');
    expect(stateParam('OPEN')).toBe('DRAFT,SUBMITTED,IN_TRIAGE,QUEUED,NEEDS_INFO,IN_REVIEW');
  });
});

describe('RequestListStore', () => {
  let http: HttpTestingController;

  async function storeFor(roles: Role[]): Promise<RequestListStore> {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), RequestListStore],
    });
    http = TestBed.inject(HttpTestingController);
    await startAs(sessionUser(roles));
    return TestBed.inject(RequestListStore);
  }

  afterEach(() => http.verify());

  it('asks a school for its own units’ requests, newest first, and reports the total', async () => {
    const store = await storeFor(['REQUESTER']);
    const params = askForRows(store);
    const request = http.expectOne(isList);
    expect(request.request.params.toString()).toBe(
      'offset=0&limit=100&sort=createdAt:desc&mine=true',
    );

    const rows = [testRequestSummary()];
    request.flush({ rows, total: 1 });
    expect(params.successCallback).toHaveBeenCalledWith(rows, 1);
    expect(store.status()).toEqual({ kind: 'loaded', total: 1 });
  });

  it('shows a specialist every unit’s requests', async () => {
    const store = await storeFor(['OBJECT_SPECIALIST']);
    askForRows(store);
    const { params } = http.expectOne(isList).request;
    expect(params.has('mine')).toBe(false);
  });

  it('filters by state and sorts by the grid’s column, starting again from row one', async () => {
    const store = await storeFor(['PRINCIPAL']);
    const before = store.dataSource();
    store.setFilter('state', 'CLOSED');
    expect(store.dataSource()).not.toBe(before);

    askForRows(store, [{ colId: 'submittedAt', sort: 'asc' }]);
    const { params } = http.expectOne(isList).request;
    expect(params.get('state')).toBe('ALREADY_COVERED,DECIDED,IMPLEMENTED,WITHDRAWN');
    expect(params.get('sort')).toBe('submittedAt:asc');
    expect(params.get('mine')).toBe('true');
  });

  it('does not send a sort the API cannot do, and says when the list fails', async () => {
    const store = await storeFor(['REQUESTER']);
    const params = askForRows(store, [{ colId: 'decision', sort: 'asc' }]);
    const request = http.expectOne(isList);
    expect(request.request.params.get('sort')).toBe('createdAt:desc');
    request.flush(null, { status: 500, statusText: 'Server Error' });
    expect(params.failCallback).toHaveBeenCalled();
    expect(store.status()).toEqual({ kind: 'failed' });
  });

  it('gives the export the list’s filter, the school’s own units and the grid’s sort', async () => {
    const store = await storeFor(['REQUESTER']);
    expect(store.exportQuery()).toEqual({ sort: 'createdAt:desc', mine: true });
    store.setFilter('state', 'NEEDS_INFO');
    askForRows(store, [{ colId: 'number', sort: 'asc' }]);
    http.expectOne(isList);
    expect(store.exportQuery()).toEqual({ sort: 'number:asc', state: 'NEEDS_INFO', mine: true });
  });
});
