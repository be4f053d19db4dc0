import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { IGetRowsParams } from 'ag-grid-community';

import type { Agreement, Page } from '@licensregistret/domain';

import { CSV_BOM } from '../../shared/download/csv';
import { FileDownload } from '../../shared/download/file-download';
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

/** The bytes of a file as UTF-8 text, keeping a byte order mark (FileReader's text drops it). */
function bytesAsText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(Buffer.from(reader.result as ArrayBuffer).toString('utf8'));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

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
  const save = jest.fn();

  beforeEach(() => {
    save.mockReset();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        AgreementListStore,
        { provide: FileDownload, useValue: { save } },
      ],
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

  it('exports the filtered view in the grid’s order, 200 a request, as a Swedish CSV', async () => {
    store.setFilter('statuses', ['ACTION_NEEDED']);
    askForRows(store, [{ colId: 'lastDayToGiveNotice', sort: 'desc' }]);
    http.expectOne(isList).flush({ rows: [], total: 0 });

    const done = store.exportCsv('2026-03-14');
    expect(store.exportState()).toEqual({ kind: 'exporting' });

    const first = http.expectOne(isList);
    expect(first.request.params.toString()).toBe(
      'sort=lastDayToGiveNotice:desc&status=ACTION_NEEDED&offset=0&limit=200',
    );
    const firstRows = Array.from({ length: 200 }, (_, index) =>
      testAgreement({ id: `a${index}`, agreementNumber: `AV-${index}` }),
    );
    first.flush({ rows: firstRows, total: 201 });
    await new Promise((resolve) => setTimeout(resolve));

    const second = http.expectOne(isList);
    expect(second.request.params.get('offset')).toBe('200');
    expect(second.request.params.get('limit')).toBe('200');
    expect(second.request.params.get('status')).toBe('ACTION_NEEDED');
    second.flush({
      rows: [testAgreement({ id: 'last', agreementNumber: 'PL-2025-088' })],
      total: 201,
    });
    await done;

    expect(store.exportState()).toEqual({
      kind: 'done',
      count: 201,
      fileName: 'avtal-2026-03-14.csv',
    });
    expect(save).toHaveBeenCalledTimes(1);
    const [fileName, blob] = save.mock.calls[0] as [string, Blob];
    expect(fileName).toBe('avtal-2026-03-14.csv');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const text = await bytesAsText(blob);
    expect(text.startsWith(`${CSV_BOM}Avtalsnummer;`)).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(202);
    expect(lines[1]?.startsWith('AV-0;')).toBe(true);
    expect(lines[201]?.startsWith('PL-2025-088;')).toBe(true);
  });

  it('says so when the export fails, and saves nothing', async () => {
    const done = store.exportCsv('2026-03-14');
    http.expectOne(isList).flush(null, { status: 500, statusText: 'Server Error' });
    await done;
    expect(store.exportState()).toEqual({ kind: 'failed' });
    expect(save).not.toHaveBeenCalled();
  });
});
