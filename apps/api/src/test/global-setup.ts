// Jest global set-up for the API tests: one PostgreSQL server (DATABASE_URL's, or an embedded one
// with its cluster kept in .data/postgres-test), one throwaway database per run, migrated once.
// Workers are started after this and inherit DATABASE_URL pointing at the throwaway database.
import { join } from 'node:path';
import { Client } from 'pg';

import { type EmbeddedServer, startEmbeddedPostgres } from '../database/embedded-postgres';
import { runPendingMigrations } from '../database/run-migrations';

export interface TestDatabaseState {
  adminUrl: string;
  name: string;
  embedded: EmbeddedServer | null;
}

/** Shared with global-teardown.ts, which jest runs in this same process. */
export const STATE_KEY = '__LICENSREGISTRET_TEST_DATABASE__';

const workspaceRoot = join(__dirname, '..', '..', '..', '..');

export default async function globalSetup(): Promise<void> {
  const configured = process.env['DATABASE_URL'];
  const embedded = configured
    ? null
    : await startEmbeddedPostgres(join(workspaceRoot, '.data', 'postgres-test'));
  const adminUrl = configured ?? (embedded as EmbeddedServer).adminUrl;
  const name = `lr_test_${process.pid}_${Date.now()}`;

  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await runPendingMigrations(url.toString());

  const state: TestDatabaseState = { adminUrl, name, embedded };
  (globalThis as Record<string, unknown>)[STATE_KEY] = state;
  process.env['DATABASE_URL'] = url.toString();
}
