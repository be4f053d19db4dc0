import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The API tests' databases. Jest's global set-up migrates one template database per run; every
 * test file then works in a copy of it of its own (per-file-database.ts), so no test can see what
 * another file wrote, whatever the order or the number of workers. PostgreSQL copies a template
 * at file level, which takes milliseconds for an empty schema.
 */

/** The server's maintenance database, for CREATE and DROP DATABASE. Set by global-setup.ts. */
export const SERVER_URL_VARIABLE = 'LR_TEST_SERVER_URL';
/** The migrated template's name; every database of the run starts with it. */
export const TEMPLATE_VARIABLE = 'LR_TEST_TEMPLATE';

function required(variable: string): string {
  const value = process.env[variable];
  if (!value) {
    throw new Error(`${variable} is not set: the API tests need jest's globalSetup to run.`);
  }
  return value;
}

/**
 * The municipality every test database has (made in the template), and the one its connections
 * act for unless they say otherwise: fixtures insert rows without naming it, as the API does.
 */
export const TEST_MUNICIPALITY = {
  id: '00000000-0000-4000-8000-00000000c0de',
  name: 'Provkommun',
  slug: 'provkommun',
};

/** The URL of the server's maintenance database. */
export function serverUrl(): string {
  return required(SERVER_URL_VARIABLE);
}

/** The URL of a database on the test server. */
export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** A name of this run's, unique across workers; PostgreSQL keeps 63 bytes of a name. */
export function runDatabaseName(prefix: string): string {
  return `${required(TEMPLATE_VARIABLE)}_${prefix}_${randomBytes(4).toString('hex')}`.slice(0, 63);
}

/** Runs one statement on the server's maintenance database. */
export async function onServer<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * A new database with the template's schema (migrated) or none at all; returns its name. A
 * migrated one's connections act for TEST_MUNICIPALITY by default (`actForTestMunicipality`).
 */
export async function createRunDatabase(
  prefix: string,
  migrated = true,
  actForTestMunicipality = migrated,
): Promise<string> {
  const name = runDatabaseName(prefix);
  const template = migrated ? `TEMPLATE "${required(TEMPLATE_VARIABLE)}"` : '';
  await onServer(async (admin) => {
    await admin.query(`CREATE DATABASE "${name}" ${template}`);
    if (actForTestMunicipality) {
      await admin.query(
        `ALTER DATABASE "${name}" SET app.municipality_id = '${TEST_MUNICIPALITY.id}'`,
      );
    }
  });
  return name;
}

/** Drops every database of the run, the template last. */
export async function dropRunDatabases(serverUrl: string, template: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname = $1, datname`,
      [template],
    );
    for (const { datname } of rows) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}
