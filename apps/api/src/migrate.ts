// `npm run db:migrate`: applies pending migrations to the configured or embedded database.
import 'reflect-metadata';

import { ConfigurationError, loadConfig } from './config/app-config';
import { resolveDatabase } from './database/database-url';
import { runPendingMigrations } from './database/run-migrations';

async function migrate(): Promise<void> {
  const database = await resolveDatabase(loadConfig());
  try {
    const applied = await runPendingMigrations(database.url);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
  } finally {
    await database.embedded?.stop();
  }
}

migrate().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
