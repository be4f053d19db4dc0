import { Client } from 'pg';

import { createRunDatabase, databaseUrl, serverUrl } from './test-databases';

export interface ScratchDatabase {
  url: string;
  /** Connection to the server's maintenance database, for ALTER/DROP DATABASE. */
  admin: Client;
  drop(): Promise<void>;
}

/**
 * A second database for a test that needs one besides its file's own (per-file-database.ts),
 * e.g. one it takes down; migrated (a copy of the template) unless told otherwise. `drop()`
 * drops it; global-teardown.ts would otherwise.
 */
export async function createScratchDatabase(
  prefix: string,
  migrated = true,
): Promise<ScratchDatabase> {
  const name = await createRunDatabase(prefix, migrated);
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  return {
    url: databaseUrl(name),
    admin,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
