import type { IGetRowsParams, SortModelItem } from 'ag-grid-community';
import { type Observable, Subject, of, throwError } from 'rxjs';

import type { ListQuery, Page } from '@licensregistret/domain';

import { createServerDataSource, toListQuery } from './server-data-source';

interface Row {
  id: string;
}

function rowsParams(
  startRow: number,
  endRow: number,
  sortModel: SortModelItem[] = [],
): IGetRowsParams<Row> & { successCallback: jest.Mock; failCallback: jest.Mock } {
  return {
    startRow,
    endRow,
    sortModel,
    filterModel: {},
    successCallback: jest.fn(),
    failCallback: jest.fn(),
    context: undefined,
  } as unknown as IGetRowsParams<Row> & { successCallback: jest.Mock; failCallback: jest.Mock };
}

describe('toListQuery', () => {
  it('turns the rows asked for into offset and limit', () => {
    expect(toListQuery({ startRow: 0, endRow: 100, sortModel: [] })).toEqual({
      offset: 0,
      limit: 100,
    });
  });

  it('asks for the total with the first block only', () => {
    expect(toListQuery({ startRow: 200, endRow: 300, sortModel: [] })).toEqual({
      offset: 200,
      limit: 100,
      withTotal: false,
    });
  });

  it('never asks for more than the largest page', () => {
    expect(toListQuery({ startRow: 0, endRow: 1000, sortModel: [] }).limit).toBe(200);
  });

  it('sends the first sort as column:direction', () => {
    const query = toListQuery({
      startRow: 0,
      endRow: 100,
      sortModel: [
        { colId: 'pupilCount', sort: 'desc' },
        { colId: 'name', sort: 'asc' },
      ],
    });
    expect(query.sort).toBe('pupilCount:desc');
  });

  it('skips a sort the endpoint does not offer, and falls back to the default', () => {
    const query = toListQuery(
      { startRow: 0, endRow: 100, sortModel: [{ colId: 'principalName', sort: 'asc' }] },
      { sortColumns: ['name', 'code'], defaultSort: 'name:asc' },
    );
    expect(query.sort).toBe('name:asc');
  });

  it('adds the filters that have a value and leaves out empty ones', () => {
    const query = toListQuery(
      { startRow: 0, endRow: 100, sortModel: [] },
      { filters: { q: 'haga', networkGroup: '', schoolForm: undefined, active: false } },
    );
    expect(query).toEqual({ q: 'haga', active: false, offset: 0, limit: 100 });
  });
});

describe('createServerDataSource', () => {
  const page: Page<Row> = { rows: [{ id: 'a' }, { id: 'b' }], total: 2 };

  it('asks for a page and hands the rows and the total to the grid', () => {
    const fetchPage = jest.fn<Observable<Page<Row>>, [ListQuery]>(() => of(page));
    const onPage = jest.fn();
    const source = createServerDataSource<Row, { q: string }>({
      fetchPage,
      filters: { q: 'skola' },
      defaultSort: 'name:asc',
      onPage,
    });
    const params = rowsParams(0, 100, [{ colId: 'code', sort: 'desc' }]);

    source.getRows(params);

    expect(fetchPage).toHaveBeenCalledWith({
      q: 'skola',
      offset: 0,
      limit: 100,
      sort: 'code:desc',
    });
    expect(params.successCallback).toHaveBeenCalledWith(page.rows, 2);
    expect(onPage).toHaveBeenCalledWith(page);
    expect(params.failCallback).not.toHaveBeenCalled();
  });

  it('keeps the first block’s total for later blocks, which come without one', () => {
    const fetchPage = jest.fn<Observable<Page<Row>>, [ListQuery]>((query) =>
      of(
        query.offset === 0
          ? { rows: [{ id: 'a' }], total: 250 }
          : { rows: [{ id: 'b' }], total: null },
      ),
    );
    const onPage = jest.fn();
    const source = createServerDataSource<Row>({ fetchPage, onPage });
    const first = rowsParams(0, 100);
    const later = rowsParams(100, 200);

    source.getRows(first);
    source.getRows(later);

    expect(fetchPage.mock.calls.map(([query]) => query.withTotal)).toEqual([undefined, false]);
    expect(first.successCallback).toHaveBeenCalledWith([{ id: 'a' }], 250);
    expect(later.successCallback).toHaveBeenCalledWith([{ id: 'b' }], 250);
    expect(onPage).toHaveBeenLastCalledWith({ rows: [{ id: 'b' }], total: 250 });
  });

  it('tells the grid and the caller when a page cannot be read', () => {
    const failure = new Error('down');
    const onError = jest.fn();
    const source = createServerDataSource<Row>({
      fetchPage: () => throwError(() => failure),
      onError,
    });
    const params = rowsParams(0, 100);

    source.getRows(params);

    expect(params.failCallback).toHaveBeenCalled();
    expect(params.successCallback).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledWith(failure);
  });

  it('reads the first block early and hands that answer to the grid when it asks for it', () => {
    const answer = new Subject<Page<Row>>();
    const fetchPage = jest.fn<Observable<Page<Row>>, [ListQuery]>(() => answer);
    const source = createServerDataSource<Row>({ fetchPage, sortColumns: ['name'] });

    source.prefetch({ startRow: 0, endRow: 100, sortModel: [{ colId: 'name', sort: 'asc' }] });
    expect(fetchPage).toHaveBeenCalledTimes(1);
    answer.next(page);
    answer.complete();
    const params = rowsParams(0, 100, [{ colId: 'name', sort: 'asc' }]);
    source.getRows(params);

    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(params.successCallback).toHaveBeenCalledWith(page.rows, 2);
  });

  it('asks again when the grid wants another block than the one read early, or the same again', () => {
    const fetchPage = jest.fn<Observable<Page<Row>>, [ListQuery]>(() => of(page));
    const source = createServerDataSource<Row>({ fetchPage, sortColumns: ['name'] });

    source.prefetch({ startRow: 0, endRow: 100, sortModel: [{ colId: 'name', sort: 'asc' }] });
    source.getRows(rowsParams(0, 100, [{ colId: 'name', sort: 'desc' }]));
    source.getRows(rowsParams(0, 100, [{ colId: 'name', sort: 'asc' }]));

    expect(fetchPage.mock.calls.map(([query]) => query.sort)).toEqual([
      'name:asc',
      'name:desc',
      'name:asc',
    ]);
  });

  it('drops an early read still on its way when the grid lets it go', () => {
    const answer = new Subject<Page<Row>>();
    const source = createServerDataSource<Row>({ fetchPage: () => answer });
    source.prefetch({ startRow: 0, endRow: 100, sortModel: [] });

    source.destroy?.();

    expect(answer.observed).toBe(false);
  });

  it('drops the answers still on their way when the grid lets it go', () => {
    const answer = new Subject<Page<Row>>();
    const source = createServerDataSource<Row>({ fetchPage: () => answer });
    const params = rowsParams(0, 100);
    source.getRows(params);

    source.destroy?.();
    answer.next(page);

    expect(answer.observed).toBe(false);
    expect(params.successCallback).not.toHaveBeenCalled();
  });
});
