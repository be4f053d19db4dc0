// Jest global set-up for the API tests: one PostgreSQL server (DATABASE_URL's, or an embedded one
// with its cluster kept in .data/postgres-test) and one migrated template database per run, which
// every test file copies into a database of its own (test-databases.ts, per-file-database.ts).
// Workers are started after this and inherit the variables it sets.
import { join } from 'node:path';
import { Client } from 'pg';

import { ensureApiLogin, localApiUrl } from '../database/api-login';
import { type EmbeddedServer, startEmbeddedPostgres } from '../database/embedded-postgres';
import { runPendingMigrations } from '../database/run-migrations';
import {
  SERVER_URL_VARIABLE,
  TEMPLATE_VARIABLE,
  TEST_MUNICIPALITY,
  databaseUrl,
} from './test-databases';

export interface TestDatabaseState {
  serverUrl: string;
  template: string;
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
  const serverUrl = configured ?? (embedded as EmbeddedServer).adminUrl;
  const template = `lr_test_${process.pid}_${Date.now()}`;

  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${template}"`);
  } finally {
    await client.end();
  }
  process.env[SERVER_URL_VARIABLE] = serverUrl;
  process.env[TEMPLATE_VARIABLE] = template;
  await runPendingMigrations(databaseUrl(template));
  await ensureApiLogin(databaseUrl(template), localApiUrl(databaseUrl(template)));
  const templateClient = new Client({ connectionString: databaseUrl(template) });
  await templateClient.connect();
  try {
    await templateClient.query(`INSERT INTO municipality (id, name, slug) VALUES ($1, $2, $3)`, [
      TEST_MUNICIPALITY.id,
      TEST_MUNICIPALITY.name,
      TEST_MUNICIPALITY.slug,
    ]);
  } finally {
    await templateClient.end();
  }

  const state: TestDatabaseState = { serverUrl, template, embedded };
  (globalThis as Record<string, unknown>)[STATE_KEY] = state;
  // Each file sets its own copy's URL; nothing may use the server's or the template's by mistake.
  delete process.env['DATABASE_URL'];
}
