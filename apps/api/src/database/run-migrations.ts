import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { dataSourceOptions } from './data-source';

// Any constant will do; it only has to be the same for every instance of the API.
const MIGRATION_LOCK_KEY = 7_466_109;

/**
 * Applies pending migrations, each in its own transaction. An advisory lock makes instances that
 * start together take turns, so no migration runs twice. Returns the names applied.
 */
export async function runPendingMigrations(url: string): Promise<string[]> {
  const lock = new Client({ connectionString: url });
  await lock.connect();
  const dataSource = new DataSource(dataSourceOptions(url));
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    if (dataSource.isInitialized) {
      await dataSource.destroy();
    }
    await lock.end();
  }
}
