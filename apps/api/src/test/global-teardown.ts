import { STATE_KEY, type TestDatabaseState } from './global-setup';
import { dropRunDatabases } from './test-databases';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>)[STATE_KEY] as TestDatabaseState | undefined;
  if (!state) return;
  try {
    await dropRunDatabases(state.serverUrl, state.template);
  } finally {
    await state.embedded?.stop();
  }
}
