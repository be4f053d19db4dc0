/** One page of a server-side list, as ag-grid's infinite row model reads it. */
export interface Page<T> {
  rows: T[];
  /** Number of rows matching the filter, over all pages. */
  total: number;
}
