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

  it('asks for the block that follows one read after that block’s cursor, and by offset where the grid jumps', () => {
    const rows = (from: number, count: number) =>
      Array.from({ length: count }, (_, index) => ({ id: `r${from + index}` }));
    const fetchPage = jest.fn<Observable<Page<Row>>, [ListQuery]>((query) => {
      const from = query.after ? Number(query.after.slice(1)) : (query.offset ?? 0);
      return of({ rows: rows(from, 100), total: null, nextCursor: `c${from + 100}` });
    });
    const source = createServerDataSource<Row>({ fetchPage, sortColumns: ['name'] });
    const byName = [{ colId: 'name', sort: 'asc' as const }];

    source.getRows(rowsParams(0, 100, byName));
    source.getRows(rowsParams(100, 200, byName));
    source.getRows(rowsParams(500, 600, byName));
    source.getRows(rowsParams(600, 700, byName));
    // Another sort: the cursors of the first do not hold.
    source.getRows(rowsParams(100, 200, [{ colId: 'name', sort: 'desc' }]));

    expect(fetchPage.mock.calls.map(([query]) => [query.offset, query.after])).toEqual([
      [0, undefined],
      [undefined, 'c100'],
      [500, undefined],
      [undefined, 'c600'],
      [100, undefined],
    ]);
  });

  it.each([
    [
      'shorter than the block (the list’s end)',
      { rows: [{ id: 'a' }], total: 1, nextCursor: 'c1' },
    ],
    [
      'without a cursor (a list paged by offset only)',
      { rows: Array.from({ length: 100 }, (_, index) => ({ id: `r${index}` })), total: 300 },
    ],
  ])('asks by offset after a page %s', (_, first: Page<Row>) => {
    const fetchPage = jest.fn<Observable<Page<Row>>, [ListQuery]>((query) =>
      of(query.offset === 0 ? first : { rows: [], total: null }),
    );
    const source = createServerDataSource<Row>({ fetchPage });

    source.getRows(rowsParams(0, 100));
    source.getRows(rowsParams(100, 200));

    expect(fetchPage.mock.calls.map(([query]) => [query.offset, query.after])).toEqual([
      [0, undefined],
      [100, undefined],
    ]);
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
