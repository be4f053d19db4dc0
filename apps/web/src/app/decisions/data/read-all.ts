import { type Observable, firstValueFrom } from 'rxjs';

import { MAX_PAGE_SIZE, type Page } from '@licensregistret/domain';

/**
 * Every row of a server-paged list, MAX_PAGE_SIZE a request: for the choices of a filter or a
 * form, which must not stop at the first page.
 */
export async function readAll<T>(
  fetchPage: (offset: number, limit: number) => Observable<Page<T>>,
): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const page = await firstValueFrom(fetchPage(rows.length, MAX_PAGE_SIZE));
    rows.push(...page.rows);
    const lastPage = page.rows.length < MAX_PAGE_SIZE;
    if (lastPage || (page.total !== null && rows.length >= page.total)) return rows;
  }
}
