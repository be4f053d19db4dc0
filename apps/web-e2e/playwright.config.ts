import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '..', '..');
const port = Number(process.env['E2E_PORT'] ?? 3310);
// Demo mode (below) listens on 127.0.0.1 only; `localhost` may resolve to ::1 first.
const baseURL = process.env['E2E_BASE_URL'] ?? `http://127.0.0.1:${port}`;

/**
 * Browser tests against the built app served by the API, as `npm start` serves it, in Debian's
 * Chromium (Playwright's own browser download cannot work here). Without DATABASE_URL the API
 * starts its own embedded PostgreSQL with data in .data/e2e, apart from `npm start`'s.
 */
export default defineConfig({
  testDir: './src',
  outputDir: join(workspaceRoot, 'dist', '.playwright', 'web-e2e'),
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  reporter: [
    ['list'],
    ['json', { outputFile: join(workspaceRoot, '.test-results', 'playwright.json') }],
  ],
  use: {
    baseURL,
    locale: 'sv-SE',
    // A control that never appears fails in seconds, not at the end of a long test's time.
    actionTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: process.env['E2E_BASE_URL']
    ? undefined
    : {
        command: 'node dist/apps/api/main.js',
        cwd: workspaceRoot,
        url: `${baseURL}/api/health`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: 'ignore',
        stderr: 'pipe',
        env: {
          PORT: String(port),
          DATA_DIR: process.env['DATA_DIR'] ?? '.data/e2e',
          LOG_LEVEL: 'warn',
          // The tests sign in as the demo accounts, also against a DATABASE_URL server.
          DEMO_DATA: 'true',
        },
      },
});
