/** The largest page a list endpoint returns; ag-grid asks for 100 rows a block. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
/**
 * The deepest `offset` a list endpoint accepts. Every row before the offset is read and thrown
 * away, so a deeper one costs the database more for nothing a person reads; filters and sorts
 * narrow a list, and the exports give all of it.
 */
export const MAX_LIST_OFFSET = 10_000;

export type SortDirection = 'asc' | 'desc';

/**
 * Paging and sorting as list endpoints take them in the query string:
 * `?offset=0&limit=100&sort=name:asc`.
 */
export interface ListQuery {
  offset?: number;
  limit?: number;
  /** `<column>:<asc|desc>`; the columns an endpoint sorts by are listed in its docs. */
  sort?: string;
  /**
   * `false` on a later page of a list the caller has counted already: the server skips the count
   * and answers `total: null`. A grid counts with its first page only.
   */
  withTotal?: boolean;
  /**
   * A page's `nextCursor` (lists paged by key): the rows after that page's last row, in the same
   * sort, without the database reading every row before them as `offset` makes it; `offset`
   * then counts from there.
   */
  after?: string;
}
