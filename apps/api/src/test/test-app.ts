import type { NestExpressApplication } from '@nestjs/platform-express';

import { createApp } from '../app/create-app';
import { type AppConfig, loadConfig } from '../config/app-config';

/**
 * The whole API on the run's throwaway database (see global-setup.ts), built exactly as main.ts
 * builds it, for supertest. Call `app.close()` in afterAll.
 */
export async function createTestApp(
  overrides: Partial<AppConfig> = {},
): Promise<NestExpressApplication> {
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) {
    throw new Error('DATABASE_URL is not set: the API tests need jest globalSetup to run.');
  }
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), ...overrides };
  const app = await createApp(config, databaseUrl);
  await app.init();
  return app;
}
