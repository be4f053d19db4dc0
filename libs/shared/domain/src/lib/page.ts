/** One page of a server-side list, as ag-grid's infinite row model reads it. */
export interface Page<T> {
  rows: T[];
  /** Number of rows matching the filter, over all pages; null when asked `withTotal=false`. */
  total: number | null;
  /**
   * Lists paged by key (requests, agreements): the next page's `after`, naming this page's last
   * row; null on the last page. Other lists leave it out.
   */
  nextCursor?: string | null;
}

/** A page of a list paged by key (requests, agreements), which always says its nextCursor. */
export interface KeysetPage<T> extends Page<T> {
  nextCursor: string | null;
}

/** The total of a page asked for with its count (the default): a first page, or a single one. */
export function countedTotal(page: Pick<Page<unknown>, 'total'>): number {
  if (page.total === null) throw new Error('The page was asked for without its total');
  return page.total;
}
