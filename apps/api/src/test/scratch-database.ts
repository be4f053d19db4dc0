import { Client } from 'pg';

import { runPendingMigrations } from '../database/run-migrations';

export interface ScratchDatabase {
  url: string;
  /** Connection to the server's maintenance database, for ALTER/DROP DATABASE. */
  admin: Client;
  drop(): Promise<void>;
}

/**
 * A database of its own on the test server, for tests that need an empty organisation or that
 * take the database down. Migrated unless told otherwise; dropped by `drop()`.
 */
export async function createScratchDatabase(
  prefix: string,
  migrate = true,
): Promise<ScratchDatabase> {
  const serverUrl = process.env['DATABASE_URL'] as string;
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  if (migrate) await runPendingMigrations(url.toString());
  return {
    url: url.toString(),
    admin,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
