import { Client } from 'pg';

import { STATE_KEY, type TestDatabaseState } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>)[STATE_KEY] as TestDatabaseState | undefined;
  if (!state) return;
  const client = new Client({ connectionString: state.adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${state.name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  await state.embedded?.stop();
}
