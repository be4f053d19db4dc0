// Runs before each API test file (jest setupFilesAfterEnv): the file gets a fresh copy of the
// migrated template as DATABASE_URL before any of its own hooks run. The copies are dropped with
// the template in global-teardown.ts, after every file has closed its connections.
import { createRunDatabase, databaseUrl } from './test-databases';

beforeAll(async () => {
  process.env['DATABASE_URL'] = databaseUrl(await createRunDatabase('f'));
});
