import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { Observable, Subscription } from 'rxjs';

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

type RowRequest = Pick<IGetRowsParams, 'startRow' | 'endRow' | 'sortModel'>;

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
 */
export function createServerDataSource<T, F extends object = Record<string, never>>(
  options: ServerDataSourceOptions<T, F>,
): IDatasource {
  const pending = new Set<Subscription>();
  let total: number | undefined;
  return {
    getRows(params: IGetRowsParams<T>): void {
      const subscription = options.fetchPage(toListQuery(params, options)).subscribe({
        next: (page) => {
          total = page.total ?? total;
          params.successCallback(page.rows, total);
          options.onPage?.({ rows: page.rows, total: total ?? null });
        },
        error: (error: unknown) => {
          params.failCallback();
          options.onError?.(error);
        },
      });
      if (!subscription.closed) {
        pending.add(subscription);
        subscription.add(() => pending.delete(subscription));
      }
    },
    destroy(): void {
      for (const subscription of pending) subscription.unsubscribe();
      pending.clear();
    },
  };
}
