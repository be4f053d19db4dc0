import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { hash } from '@node-rs/argon2';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

import {
  type HealthResponse,
  type ProblemDetails,
  XSRF_COOKIE,
  XSRF_HEADER,
} from '@licensregistret/domain';

import { ensureApiLogin, localApiUrl } from '../../database/api-login';
import { ensureDatabase } from '../../database/embedded-postgres';
import { runPendingMigrations } from '../../database/run-migrations';
import { TEST_PASSWORD, unique, uniqueUnitCode } from '../../test/factories';
import { type PostgresProcess, startPostgresProcess } from '../../test/postgres-process';
import { newToolRequest } from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';
import { TEST_MUNICIPALITY } from '../../test/test-databases';

/**
 * The database stops in the middle of real HTTP load and comes back: the API must say so on
 * /api/health, answer every call with a quick 503 meanwhile (no hang, no 500), serve again by
 * itself within 10 s of the database's return, and have lost no write it acknowledged.
 *
 * The spec runs its own embedded PostgreSQL, in `.data/fault-<pid>`, so that stopping it never
 * disturbs the server the other tests share. FAULT_REPORT=1 prints the figures it observed.
 */

const workspaceRoot = join(__dirname, '..', '..', '..', '..', '..');
const DATABASE = 'licensregistret_fault';
/** Generous bound for a 503: a call must not wait on a database that is gone. */
const FAIL_FAST_MS = 3000;
/** The API must serve again this soon after the database is back. */
const RECOVERY_MS = 10_000;
/** A call still unanswered after this long has hung. */
const HANG_MS = 15_000;
const WRITERS = 4;
const READERS = 3;
const PROBLEM_TYPE = 'urn:licensregistret:problem:database-unavailable';

type Status = number | 'hung' | 'network-error';

interface Answer {
  status: Status;
  ms: number;
  contentType: string | null;
  retryAfter: string | null;
  body: unknown;
}

interface Outcome extends Answer {
  kind: 'write' | 'read';
  startedAt: number;
  endedAt: number;
}

/** A browser-like client over real HTTP: keeps its cookies and repeats the CSRF cookie. */
class HttpSession {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async call(method: string, path: string, body?: object): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) {
      headers['Cookie'] = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const csrf = this.cookies.get(XSRF_COOKIE);
    if (csrf) headers[XSRF_HEADER] = csrf;
    if (body) headers['Content-Type'] = 'application/json';
    const started = performance.now();
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(HANG_MS),
      });
      for (const header of response.headers.getSetCookie()) {
        const [pair = ''] = header.split(';');
        const separator = pair.indexOf('=');
        const value = decodeURIComponent(pair.slice(separator + 1));
        if (value === '') this.cookies.delete(pair.slice(0, separator));
        else this.cookies.set(pair.slice(0, separator), value);
      }
      const text = await response.text();
      const contentType = response.headers.get('content-type');
      return {
        status: response.status,
        ms: performance.now() - started,
        contentType,
        retryAfter: response.headers.get('retry-after'),
        body: text && contentType?.includes('json') ? JSON.parse(text) : text,
      };
    } catch (error) {
      const hung = error instanceof Error && error.name === 'TimeoutError';
      return {
        status: hung ? 'hung' : 'network-error',
        ms: performance.now() - started,
        contentType: null,
        retryAfter: null,
        body: String(error),
      };
    }
  }
}

/** A school unit and a requester at it, written straight to the fault database. */
async function seedRequester(url: string): Promise<{ username: string; unitId: string }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const one = async (sql: string, values: unknown[]) =>
      (await client.query(sql, values)).rows[0].id as string;
    await client.query(`INSERT INTO municipality (id, name, slug) VALUES ($1, $2, $3)`, [
      TEST_MUNICIPALITY.id,
      TEST_MUNICIPALITY.name,
      TEST_MUNICIPALITY.slug,
    ]);
    // The rows below are its (their columns' default).
    await client.query(`SELECT set_config('app.municipality_id', $1, false)`, [
      TEST_MUNICIPALITY.id,
    ]);
    const administrationId = await one(
      `INSERT INTO administration (name) VALUES ($1) RETURNING id`,
      ['Förvaltning förskola och skola'],
    );
    const unitId = await one(
      `INSERT INTO school_unit (administration_id, name, code, school_forms, compulsory_stages, pupil_count, network_group)
       VALUES ($1, $2, $3, '{GR}', '{7-9}', 300, 'Norr') RETURNING id`,
      [administrationId, unique('Testskolan'), uniqueUnitCode()],
    );
    const username = unique('requester');
    const accountId = await one(
      `INSERT INTO account (username, display_name, email, roles, password_hash, active)
       VALUES ($1, $2, $3, '{REQUESTER}', $4, true) RETURNING id`,
      [username, `Test ${username}`, `${username}@test.example`, await hash(TEST_PASSWORD)],
    );
    await client.query(
      `INSERT INTO account_school_unit (account_id, school_unit_id) VALUES ($1, $2)`,
      [accountId, unitId],
    );
    return { username, unitId };
  } finally {
    await client.end();
  }
}

describe('the database stopping under load', () => {
  const dataDir = join(workspaceRoot, '.data', `fault-${process.pid}`);
  let server: PostgresProcess | undefined;
  let port: number;
  let url: string;
  let app: NestFastifyApplication | undefined;
  let session: HttpSession;
  let unitId: string;

  beforeAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    server = await startPostgresProcess(dataDir);
    port = server.port;
    await ensureDatabase(server.adminUrl, DATABASE);
    url = server.urlFor(DATABASE);
    await runPendingMigrations(url);
    await ensureApiLogin(url, localApiUrl(url));
    const requester = await seedRequester(url);
    unitId = requester.unitId;

    app = await createTestApp({}, url);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    if (!address || typeof address === 'string') throw new Error('The API is not listening.');
    session = new HttpSession(`http://127.0.0.1:${address.port}`);
    await session.call('GET', '/api/auth/config');
    const signIn = await session.call('POST', '/api/auth/login', {
      username: requester.username,
      password: TEST_PASSWORD,
    });
    expect(signIn.status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  function expectDatabaseUnavailable(answer: Answer): void {
    expect(answer.status).toBe(503);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ type: PROBLEM_TYPE, status: 503 });
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    expect(answer.ms).toBeLessThan(FAIL_FAST_MS);
  }

  it('fails fast with 503 while it is down, serves again soon after, and loses no acknowledged write', async () => {
    const outcomes: Outcome[] = [];
    const acknowledged: string[] = [];
    let loading = true;

    const record = async (kind: Outcome['kind'], call: Promise<Answer>): Promise<Answer> => {
      const startedAt = performance.now();
      const answer = await call;
      outcomes.push({ ...answer, kind, startedAt, endedAt: performance.now() });
      return answer;
    };
    const writer = async () => {
      while (loading) {
        const answer = await record(
          'write',
          session.call('POST', '/api/requests', newToolRequest(unitId)),
        );
        if (answer.status === 201) acknowledged.push((answer.body as { id: string }).id);
        await sleep(10);
      }
    };
    const reader = async (index: number) => {
      const paths = ['/api/requests?limit=20', '/api/auth/me', '/api/school-units'];
      for (let turn = index; loading; turn += 1) {
        await record('read', session.call('GET', paths[turn % paths.length]));
        await sleep(10);
      }
    };
    const load = Promise.all([
      ...Array.from({ length: WRITERS }, () => writer()),
      ...Array.from({ length: READERS }, (_, index) => reader(index)),
    ]);

    let beforeOutage = 0;
    let downAt = 0;
    let restartAt = 0;
    let upAt = 0;
    let servingAt: number | undefined;
    try {
      // Up: the load is served.
      await sleep(1500);
      beforeOutage = acknowledged.length;
      expect(beforeOutage).toBeGreaterThan(0);

      // Down: PostgreSQL stops (fast shutdown, as on SIGINT) under the running load.
      await server?.stop();
      server = undefined;
      downAt = performance.now();

      // The health check reports it, also to a signed-in browser (the session is not looked up).
      const health = await session.call('GET', '/api/health');
      expect(health.status).toBe(503);
      expect(health.ms).toBeLessThan(FAIL_FAST_MS);
      expect(health.body).toMatchObject({
        status: 'degraded',
        database: { status: 'down', latencyMs: null },
      } satisfies Partial<HealthResponse>);
      // The session is looked up in the database: its absence is a 503, not a 401.
      expectDatabaseUnavailable(await session.call('GET', '/api/auth/me'));
      expectDatabaseUnavailable(
        await session.call('POST', '/api/requests', newToolRequest(unitId)),
      );
      await sleep(3000);

      // Back: the same data on the same port; the API is not restarted.
      restartAt = performance.now();
      server = await startPostgresProcess(dataDir, port);
      upAt = performance.now();
      while (servingAt === undefined && performance.now() - upAt < RECOVERY_MS) {
        const probe = await session.call('GET', '/api/health');
        if (probe.status === 200) {
          const write = await session.call('POST', '/api/requests', newToolRequest(unitId));
          if (write.status === 201) {
            acknowledged.push((write.body as { id: string }).id);
            servingAt = performance.now();
          }
        }
        if (servingAt === undefined) await sleep(100);
      }
      expect(servingAt).toBeDefined();
      await sleep(1000);
    } finally {
      loading = false;
      await load;
    }
    const recoveryMs = (servingAt as number) - upAt;
    expect(recoveryMs).toBeLessThan(RECOVERY_MS);

    // Nothing hung, nothing broke: every answer was a success or a quick, explained 503.
    const unexpected = outcomes.filter(
      (outcome) =>
        typeof outcome.status !== 'number' ||
        !(outcome.status === 503 || (outcome.status >= 200 && outcome.status < 300)),
    );
    expect(unexpected.map(({ kind, status, body }) => ({ kind, status, body }))).toEqual([]);
    const unavailable = outcomes.filter((outcome) => outcome.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const outcome of unavailable) {
      expect(outcome.contentType).toMatch(/^application\/problem\+json/);
      expect((outcome.body as ProblemDetails).type).toBe(PROBLEM_TYPE);
      expect(Number(outcome.retryAfter)).toBeGreaterThan(0);
    }
    const slowest503 = Math.max(...unavailable.map((outcome) => outcome.ms));
    expect(slowest503).toBeLessThan(FAIL_FAST_MS);
    // While the server was gone, every call was refused (and it was called).
    const whileDown = outcomes.filter(
      (outcome) => outcome.startedAt >= downAt && outcome.endedAt < restartAt,
    );
    expect(whileDown.length).toBeGreaterThan(0);
    expect(whileDown.filter((outcome) => outcome.status !== 503)).toEqual([]);
    // Once serving again, the load was served throughout.
    const afterRecovery = outcomes.filter((outcome) => outcome.startedAt > (servingAt as number));
    expect(afterRecovery.filter((outcome) => outcome.kind === 'write').length).toBeGreaterThan(0);
    expect(afterRecovery.filter((outcome) => outcome.status === 503)).toEqual([]);

    // Every write the API acknowledged is in the database.
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM request WHERE id = ANY($1::uuid[])`,
        [acknowledged],
      );
      expect(rows[0].n).toBe(acknowledged.length);
    } finally {
      await client.end();
    }

    if (process.env['FAULT_REPORT'] === '1') {
      const count = (kind: Outcome['kind'], status: number) =>
        outcomes.filter((outcome) => outcome.kind === kind && outcome.status === status).length;
      process.stdout.write(
        `${JSON.stringify(
          {
            acknowledgedWrites: acknowledged.length,
            acknowledgedBeforeOutage: beforeOutage,
            writes201: count('write', 201),
            writes503: count('write', 503),
            reads200: count('read', 200),
            reads503: count('read', 503),
            slowest503Ms: Math.round(slowest503),
            outageMs: Math.round(restartAt - downAt),
            postgresStartMs: Math.round(upAt - restartAt),
            recoveryMs: Math.round(recoveryMs),
          },
          null,
          2,
        )}\n`,
      );
    }
  }, 60_000);
});
