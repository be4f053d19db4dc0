import { types } from 'pg';
import type { DataSource, DataSourceOptions } from 'typeorm';

import { MIGRATIONS } from './migrations';
import { PreparingClient } from './preparing-client';

// A DATE is a calendar day: keep it as 'YYYY-MM-DD' instead of a Date at local midnight.
const DATE_OID = 1082;
types.setTypeParser(DATE_OID, (value: string) => value);

/** The API's pooled connections: calls beyond these wait for one (see connectionTimeoutMillis). */
export const POOL_SIZE = 10;

/** How long the API's statements may run, in ms (0: no limit). See AppConfig. */
export interface StatementTimeouts {
  statementTimeoutMs: number;
  exportStatementTimeoutMs: number;
}

/**
 * One set of options for the Nest module and the migrate script. The API's connections get a
 * `statement_timeout` (sent when connecting, so it holds for every statement on them); the
 * migrate script's get none, since a migration may rightly take long.
 */
export function dataSourceOptions(url: string, timeouts?: StatementTimeouts): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // The schema belongs to the committed migrations only. There are no entities: every query
    // is plain SQL in the feature's own module, run through this DataSource.
    synchronize: false,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    applicationName: 'licensregistret-api',
    extra: {
      Client: PreparingClient,
      max: POOL_SIZE,
      // Fail fast when the server is down or hung, or every connection is in use: a request
      // answers 503 instead of waiting.
      connectionTimeoutMillis: 2000,
      // pg sends this at start-up; 0 sends nothing, leaving the server's own setting.
      statement_timeout: timeouts?.statementTimeoutMs ?? 0,
      exportStatementTimeoutMs: timeouts?.exportStatementTimeoutMs ?? 0,
    },
  };
}

/**
 * The statement timeout of an export's transaction (ms, 0 for none): its cursor's fetches may
 * sort a whole list, so they get longer than a page. Read from the options the pool was made with.
 */
export function exportStatementTimeoutOf(dataSource: DataSource): number {
  const extra = dataSource.options.extra as { exportStatementTimeoutMs?: unknown } | undefined;
  return typeof extra?.exportStatementTimeoutMs === 'number' ? extra.exportStatementTimeoutMs : 0;
}
