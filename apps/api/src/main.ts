import { Logger as NestLogger } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import 'reflect-metadata';

import { createApp } from './app/create-app';
import { ConfigurationError, loadConfig } from './config/app-config';
import { resolveDatabase } from './database/database-url';
import type { EmbeddedNotice } from './database/embedded-postgres';
import { runPendingMigrations } from './database/run-migrations';

async function main(): Promise<void> {
  const config = loadConfig();
  // Nest's logger: the console until the app exists, then the app's JSON logger.
  const databaseLog = new NestLogger('Database');
  const notice: EmbeddedNotice = (level, message) =>
    level === 'info' ? databaseLog.log(message) : databaseLog[level](message);
  const database = await resolveDatabase(config, undefined, notice);
  const applied = await runPendingMigrations(database.url);
  const app = await createApp(config, database.url);
  const logger = app.get(Logger);
  if (applied.length > 0) {
    logger.log(`Applied migrations: ${applied.join(', ')}`, 'Database');
  }
  logger.log(
    database.embedded
      ? `Using the embedded PostgreSQL with data in ${config.dataDir}/postgres`
      : 'Using the PostgreSQL server given by DATABASE_URL',
    'Database',
  );

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

  await app.listen(config.port);
  const url = await app.getUrl();
  logger.log(`Licensregistret is ready at ${url.replace('[::1]', 'localhost')}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
