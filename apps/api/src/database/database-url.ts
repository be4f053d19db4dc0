import { join } from 'node:path';

import type { AppConfig } from '../config/app-config';
import { localApiUrl } from './api-login';
import {
  type EmbeddedNotice,
  type EmbeddedServer,
  ensureDatabase,
  startEmbeddedPostgres,
} from './embedded-postgres';

export const EMBEDDED_DATABASE_NAME = 'licensregistret';

export interface DatabaseTarget {
  /** The owner's: migrations run with it. */
  url: string;
  /** The API's own connections (a login role of licensregistret_api); null when not configured. */
  apiUrl: string | null;
  /** Set when the API started its own embedded PostgreSQL, which it must stop on shutdown. */
  embedded: EmbeddedServer | null;
}

/**
 * The configured server, or an embedded one with its data under `<DATA_DIR>/postgres`, which
 * clears what a crashed earlier run left and is started again when it stops (see
 * startEmbeddedPostgres); `notice` is told when either happens.
 */
export async function resolveDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'databaseAppUrl' | 'dataDir'>,
  log?: (message: string) => void,
  notice?: EmbeddedNotice,
): Promise<DatabaseTarget> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, apiUrl: config.databaseAppUrl, embedded: null };
  }
  const embedded = await startEmbeddedPostgres(
    join(config.dataDir, 'postgres'),
    log,
    undefined,
    notice,
  );
  await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE_NAME);
  const url = embedded.urlFor(EMBEDDED_DATABASE_NAME);
  return { url, apiUrl: localApiUrl(url), embedded };
}
