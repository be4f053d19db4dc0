import { Logger as NestLogger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import 'reflect-metadata';

import { createApp } from './app/create-app';
import { ConfigurationError, loadConfig } from './config/app-config';
import { ensureApiLogin } from './database/api-login';
import { resolveDatabase } from './database/database-url';
import type { EmbeddedNotice } from './database/embedded-postgres';
import { runPendingMigrations } from './database/run-migrations';

/**
 * `--demo` (what `npm start` and `npm run dev` pass): an evaluation on the embedded database is
 * demo mode unless DEMO_DATA says otherwise. Plain `node dist/apps/api/main.js` never is.
 */
function environment(argv: readonly string[], env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return argv.includes('--demo') && !env['DEMO_DATA'] && !env['DATABASE_URL']
    ? { ...env, DEMO_DATA: 'true' }
    : env;
}

async function main(): Promise<void> {
  const config = loadConfig(environment(process.argv.slice(2), process.env));
  // Nest's logger: the console until the app exists, then the app's JSON logger.
  const databaseLog = new NestLogger('Database');
  const notice: EmbeddedNotice = (level, message) =>
    level === 'info' ? databaseLog.log(message) : databaseLog[level](message);
  const database = await resolveDatabase(config, undefined, notice);
  if (!database.apiUrl) {
    throw new ConfigurationError([
      'DATABASE_APP_URL must be set with DATABASE_URL: the API connects as a login role of ' +
        'licensregistret_api, which row-level security holds (see the README)',
    ]);
  }
  const applied = await runPendingMigrations(database.url);
  await ensureApiLogin(database.url, database.apiUrl);
  const app = await createApp(config, database.apiUrl);
  // The app's JSON logger now (createApp made it Nest's).
  const logger = new NestLogger();
  if (applied.length > 0) {
    logger.log(`Applied migrations: ${applied.join(', ')}`, 'Database');
  }
  logger.log(
    database.embedded
      ? `Using the embedded PostgreSQL with data in ${config.dataDir}/postgres`
      : 'Using the PostgreSQL server given by DATABASE_URL',
    'Database',
  );
  if (config.demoData) {
    logger.warn(
      `Demo mode: demo accounts with a published password` +
        (config.host === '127.0.0.1' ? ', reachable from this machine only' : ''),
      'Bootstrap',
    );
  }

  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received, closing`, 'Shutdown');
    await app.close();
    // With an embedded server, its own exit hook stops PostgreSQL and then ends the process.
    if (!database.embedded) process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  await listen(app, config.port, config.host);
  const url = await app.getUrl();
  logger.log(`Licensregistret is ready at ${url.replace('[::1]', 'localhost')}`, 'Bootstrap');
}

/**
 * Listens on `host`, or on every interface as Node does by default: IPv6 and IPv4 where the
 * machine has IPv6, else IPv4 (Fastify itself would listen on localhost only).
 */
async function listen(
  app: NestFastifyApplication,
  port: number,
  host: string | null,
): Promise<void> {
  if (host) {
    await app.listen(port, host);
    return;
  }
  try {
    await app.listen(port, '::');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAFNOSUPPORT') throw error;
    await app.listen(port, '0.0.0.0');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
