import { join } from 'node:path';

import type { AppConfig } from '../config/app-config';
import {
  type EmbeddedNotice,
  type EmbeddedServer,
  ensureDatabase,
  startEmbeddedPostgres,
} from './embedded-postgres';

export const EMBEDDED_DATABASE_NAME = 'licensregistret';

export interface DatabaseTarget {
  url: string;
  /** Set when the API started its own embedded PostgreSQL, which it must stop on shutdown. */
  embedded: EmbeddedServer | null;
}

/**
 * The configured server, or an embedded one with its data under `<DATA_DIR>/postgres`, which
 * clears what a crashed earlier run left and is started again when it stops (see
 * startEmbeddedPostgres); `notice` is told when either happens.
 */
export async function resolveDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
  log?: (message: string) => void,
  notice?: EmbeddedNotice,
): Promise<DatabaseTarget> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: null };
  }
  const embedded = await startEmbeddedPostgres(
    join(config.dataDir, 'postgres'),
    log,
    undefined,
    notice,
  );
  await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE_NAME);
  return { url: embedded.urlFor(EMBEDDED_DATABASE_NAME), embedded };
}
