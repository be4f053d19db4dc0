import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { createApp } from '../app/create-app';
import { type AppConfig, loadConfig } from '../config/app-config';
import { localApiUrl } from '../database/api-login';

/**
 * The whole API on the run's throwaway database (see global-setup.ts), built exactly as main.ts
 * builds it, for supertest: connected as a login of the API's role, so row-level security holds. Call `app.close()` in afterAll.
 */
export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  databaseUrl = process.env['DATABASE_URL'],
): Promise<NestFastifyApplication> {
  if (!databaseUrl) {
    throw new Error('DATABASE_URL is not set: the API tests need jest globalSetup to run.');
  }
  const config: AppConfig = {
    ...loadConfig({
      // TEST_LOG_LEVEL=error shows what went wrong behind a 500 while debugging a test.
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      // Tests write their own data; the demo seeder has its own test on a database of its own.
      // Given as the variable, so what demo mode implies (its contact address) follows it.
      DEMO_DATA: String(overrides.demoData ?? false),
      // Reminders are scanned when a test asks, for the day it names.
      REMINDER_SCAN_MINUTES: '0',
    }),
    // Each TestClient speaks from its own address through X-Forwarded-For, as if through one
    // proxy in front (supertest's loopback connection).
    trustProxy: 1,
    // An answer field its OpenAPI schema lacks fails the test instead of being left out.
    checkAnswers: true,
    ...overrides,
  };
  // As the API's own role, which row-level security holds, like `npm start`.
  const app = await createApp(config, localApiUrl(databaseUrl));
  await app.init();
  // supertest speaks to the Node server: Fastify must have its routes and plugins ready.
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
