import { types } from 'pg';
import type { DataSourceOptions } from 'typeorm';

import { MIGRATIONS } from './migrations';
import { PreparingClient } from './preparing-client';

// A DATE is a calendar day: keep it as 'YYYY-MM-DD' instead of a Date at local midnight.
const DATE_OID = 1082;
types.setTypeParser(DATE_OID, (value: string) => value);

/** One set of options for the Nest module and the migrate script. */
export function dataSourceOptions(url: string): DataSourceOptions {
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
      max: 10,
      // Fail fast when the server is down or hung: a request answers 503 instead of waiting.
      connectionTimeoutMillis: 2000,
    },
  };
}
