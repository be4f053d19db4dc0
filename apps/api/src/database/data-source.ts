import type { DataSourceOptions } from 'typeorm';

import { MIGRATIONS } from './migrations';

/** One set of options for the Nest module, the migrate script and the TypeORM CLI. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // The schema belongs to the committed migrations, never to the entities.
    synchronize: false,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    entities: [],
    applicationName: 'licensregistret-api',
    extra: {
      max: 10,
      connectionTimeoutMillis: 5000,
    },
  };
}
