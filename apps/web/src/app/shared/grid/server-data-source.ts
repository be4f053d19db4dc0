import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import { type Observable, ReplaySubject, type Subscription } from 'rxjs';

import { type ListQuery, MAX_PAGE_SIZE, type Page } from '@licensregistret/domain';

export interface ServerDataSourceOptions<T, F extends object> {
  /** Asks the API for one page: paging, sorting and the filters. */
  fetchPage: (query: ListQuery & Partial<F>) => Observable<Page<T>>;
  /** Filters from outside the grid; empty ones ('', null, undefined) are left out. */
  filters?: F;
  /** The columns the endpoint sorts by; a sort on any other column is not sent. */
  sortColumns?: readonly string[];
  /** Sort sent when the grid has none, e.g. `name:asc`. */
  defaultSort?: string;
  /** Called with every page that arrives, e.g. to announce the number of matches. */
  onPage?: (page: Page<T>) => void;
  /** Called when a page cannot be read; the grid then shows the block as failed. */
  onError?: (error: unknown) => void;
}

export type RowRequest = Pick<IGetRowsParams, 'startRow' | 'endRow' | 'sortModel'>;

/** A data source that can start reading its first block before the grid asks for it. */
export interface ServerDataSource extends IDatasource {
  /**
   * Starts reading the block the grid is expected to ask for first. When the grid then asks for
   * exactly that block, it gets this answer instead of a second request; otherwise it is unused.
   */
  prefetch(request: RowRequest): void;
}

/**
 * The list query for one block the grid asks for: rows `startRow` up to (not including)
 * `endRow` become `offset` and `limit` (at most MAX_PAGE_SIZE), the grid's first sort becomes
 * `sort=<column>:<asc|desc>`, and the filters are added.
 */
export function toListQuery<F extends object>(
  request: RowRequest,
  options: Pick<
    ServerDataSourceOptions<unknown, F>,
    'filters' | 'sortColumns' | 'defaultSort'
  > = {},
): ListQuery & Partial<F> {
  const query: ListQuery & Partial<F> = {} as ListQuery & Partial<F>;
  for (const [key, value] of Object.entries(options.filters ?? {})) {
    if (value !== undefined && value !== null && value !== '') {
      (query as Record<string, unknown>)[key] = value;
    }
  }
  query.offset = request.startRow;
  query.limit = Math.min(Math.max(request.endRow - request.startRow, 1), MAX_PAGE_SIZE);
  // Counting every match costs more than a page: the first block counts, later ones reuse it.
  if (request.startRow > 0) query.withTotal = false;
  const sort = request.sortModel.find(
    (item) => !options.sortColumns || options.sortColumns.includes(item.colId),
  );
  const sortText = sort ? `${sort.colId}:${sort.sort}` : options.defaultSort;
  if (sortText) query.sort = sortText;
  return query;
}

/**
 * ag-grid's infinite row model reading pages from a list endpoint (`{ rows, total }`). Every
 * server-paged grid uses this, so they all page, sort and filter the same way. Make a new one
 * when the filters change: the grid then starts again from the first row. The first block (read
 * again after a sort) brings the total; later blocks keep it.
 *
 * Where the list pages by key (its pages carry `nextCursor`), a block that starts where a block
 * already read ended (scrolling on) is asked for `after` that block's cursor, which the database
 * answers without reading every row before it; a block the grid jumps to is asked by offset.
 */
export function createServerDataSource<T, F extends object = Record<string, never>>(
  options: ServerDataSourceOptions<T, F>,
): ServerDataSource {
  const pending = new Set<Subscription>();
  let total: number | undefined;
  let prefetched: { query: string; answer: Observable<Page<T>> } | null = null;
  /** The cursor after each block read, by its sort and the row it ends before. */
  const cursors = new Map<string, string>();
  const blockEnd = (sort: string | undefined, row: number) => `${sort ?? ''}@${row}`;
  const keep = (subscription: Subscription) => {
    if (subscription.closed) return;
    pending.add(subscription);
    subscription.add(() => pending.delete(subscription));
  };
  return {
    prefetch(request: RowRequest): void {
      if (prefetched) return;
      const query = toListQuery(request, options);
      const answer = new ReplaySubject<Page<T>>(1);
      prefetched = { query: JSON.stringify(query), answer };
      keep(options.fetchPage(query).subscribe(answer));
    },
    getRows(params: IGetRowsParams<T>): void {
      const query = toListQuery(params, options);
      const after = cursors.get(blockEnd(query.sort, params.startRow));
      if (after !== undefined) {
        delete query.offset;
        query.after = after;
      }
      const early = prefetched?.query === JSON.stringify(query) ? prefetched.answer : null;
      // Used once: a later request for the same block (after a sort back) asks again.
      prefetched = null;
      const subscription = (early ?? options.fetchPage(query)).subscribe({
        next: (page) => {
          if (page.nextCursor && page.rows.length === query.limit) {
            cursors.set(blockEnd(query.sort, params.startRow + page.rows.length), page.nextCursor);
          }
          total = page.total ?? total;
          params.successCallback(page.rows, total);
          options.onPage?.({ rows: page.rows, total: total ?? null });
        },
        error: (error: unknown) => {
          params.failCallback();
          options.onError?.(error);
        },
      });
      keep(subscription);
    },
    destroy(): void {
      for (const subscription of pending) subscription.unsubscribe();
      pending.clear();
    },
  };
}
