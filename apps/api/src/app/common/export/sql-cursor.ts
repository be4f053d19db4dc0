import type { DataSource } from 'typeorm';

import { exportStatementTimeoutOf } from '../../../database/data-source';

/** Rows fetched per round trip when a query is read through a cursor. */
export const CURSOR_PAGE_SIZE = 500;

/**
 * The rows of a query, page by page, read through a server-side cursor in one read-only,
 * repeatable-read transaction: every page comes from the same snapshot, and only one page is
 * held in memory at a time. Stopping early (a `break`, or a client that went away) closes the
 * cursor and gives the connection back.
 */
export async function* cursorPages<R>(
  dataSource: DataSource,
  sql: string,
  parameters: readonly unknown[],
  pageSize = CURSOR_PAGE_SIZE,
): AsyncGenerator<R[]> {
  const runner = dataSource.createQueryRunner('slave');
  await runner.connect();
  try {
    await runner.startTransaction('REPEATABLE READ');
    await runner.query('SET TRANSACTION READ ONLY');
    // Each fetch may sort the whole list: the export's own, longer statement timeout.
    await runner.query(`SET LOCAL statement_timeout = ${exportStatementTimeoutOf(dataSource)}`);
    await runner.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`, [...parameters]);
    for (;;) {
      const rows = (await runner.query(`FETCH FORWARD ${pageSize} FROM export_rows`)) as R[];
      if (rows.length > 0) yield rows;
      if (rows.length < pageSize) break;
    }
    await runner.commitTransaction();
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
  }
}
