import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type ClientRequest, get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { OPEN_REQUEST_STATES, PROBLEM_TYPES, todayInSweden } from '@licensregistret/domain';

import { pgPoolOf } from '../../database/pg-pool';
import {
  type TestAccount,
  closeTestDatabase,
  createTestAccount,
  createTestService,
  createTestSupplier,
  createTestUnit,
  testDatabase,
} from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';
import { requestRowsSql } from '../requests/request-sql';

/**
 * One read-only account must not be able to take the service down (issue 13, item 3): every
 * call's work is bounded (an offset cap, the demand count after the page is chosen, a statement
 * timeout, cancelling what an absent client asked for, a limit on one account's heavy calls), and
 * the health check has a connection of its own.
 *
 * Slow queries are made deterministically: the test holds an exclusive lock on `request` from a
 * connection of its own, so every query of the request list waits until it lets go.
 */

const APP_NAME = 'licensregistret-api';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls until `probe` gives something truthy; gives up (failing the test) after about 15 s, a
 * bound for a shared, loaded machine rather than a measure of anything.
 */
async function eventually<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
): Promise<T> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const value = await probe();
    if (value) return value;
    await sleep(25);
  }
  throw new Error(`Gave up waiting until ${what}`);
}

/** The API's backends in this file's database that wait on a lock, with what they run. */
async function waitingOnLock(): Promise<{ pid: number; query: string }[]> {
  const { rows } = await testDatabase().query<{ pid: number; query: string }>(
    `SELECT pid, query FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = $1 AND wait_event_type = 'Lock'`,
    [APP_NAME],
  );
  return rows;
}

/** The API's backends in this file's database that are doing anything but waiting for work. */
async function busyBackends(): Promise<{ pid: number; state: string; query: string }[]> {
  const { rows } = await testDatabase().query<{ pid: number; state: string; query: string }>(
    `SELECT pid, state, query FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = $1 AND state <> 'idle'`,
    [APP_NAME],
  );
  return rows;
}

/** Holds `LOCK TABLE request` from a connection of the test's own until `release()`. */
async function lockRequests(): Promise<{ release: () => Promise<void> }> {
  const holder = new Client({ connectionString: process.env['DATABASE_URL'] });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('LOCK TABLE request IN ACCESS EXCLUSIVE MODE');
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      await holder.query('ROLLBACK');
      await holder.end();
    },
  };
}

function cookieOf(client: TestClient): string {
  return [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

/**
 * `count` requests of the unit for three services (a sixth, a sixth and two thirds of them), in
 * the open states, every tenth a draft.
 */
async function insertRequests(
  unitId: string,
  requester: TestAccount,
  serviceIds: string[],
  count: number,
): Promise<void> {
  await testDatabase().query(
    `INSERT INTO request (unit_id, requester_id, service_id, need, school_forms, pupil_count,
                          staff_count, personal_data, state, submitted_at)
     SELECT $1, $2,
            ($3::uuid[])[CASE WHEN n % 6 = 0 THEN 1 WHEN n % 3 = 0 THEN 2 ELSE 3 END], 'Ett behov', '{GR}',
            n, 1, 'NONE', s.state,
            CASE WHEN s.state = 'DRAFT' THEN NULL ELSE now() - n * interval '1 hour' END
       FROM generate_series(1, $4) AS n,
            LATERAL (SELECT CASE WHEN n % 10 = 0 THEN 'DRAFT'
                                 ELSE ($5::text[])[1 + n % 3] END AS state) s`,
    [unitId, requester.id, serviceIds, count, OPEN_REQUEST_STATES.slice(0, 3)],
  );
}

/** How often the plan scans `request o`, the open requests of a tool that a demand count reads. */
function demandScanLoops(plan: unknown): number {
  let loops = 0;
  const visit = (node: Record<string, unknown>) => {
    if (node['Relation Name'] === 'request' && node['Alias'] === 'o') {
      loops += Number(node['Actual Loops']);
    }
    for (const child of (node['Plans'] as Record<string, unknown>[] | undefined) ?? []) {
      visit(child);
    }
  };
  visit((plan as { Plan: Record<string, unknown> }[])[0].Plan);
  return loops;
}

async function explain(text: string, parameters: unknown[]): Promise<unknown> {
  const { rows } = await testDatabase().query<{ 'QUERY PLAN': unknown }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${text}`,
    parameters,
  );
  return rows[0]?.['QUERY PLAN'];
}

describe('bounded work per call', () => {
  let app: NestFastifyApplication;
  let reader: TestClient;
  let readerAccount: TestAccount;
  let procurement: TestClient;
  let specialist: TestClient;
  let serviceIds: string[];

  beforeAll(async () => {
    app = await createTestApp();
    const unit = await createTestUnit();
    const requester = await createTestAccount(['REQUESTER'], { units: [unit.id] });
    const supplier = await createTestSupplier();
    serviceIds = [];
    for (let index = 0; index < 3; index++) {
      serviceIds.push((await createTestService(supplier.id)).id);
    }
    await insertRequests(unit.id, requester, serviceIds, 60);
    readerAccount = await createTestAccount(['READ_ONLY']);
    reader = await signedIn(app, readerAccount);
    procurement = await signedIn(app, await createTestAccount(['PROCUREMENT']));
    specialist = await signedIn(app, await createTestAccount(['OBJECT_SPECIALIST']));
  });

  afterAll(async () => {
    await app?.close();
    await closeTestDatabase();
  });

  it('refuses an offset above the cap with a 400 naming offset, on every list', async () => {
    for (const list of ['/api/requests', '/api/agreements', '/api/licences', '/api/school-units']) {
      const response = await reader.get(`${list}?offset=10001`);
      expect({ list, status: response.status }).toEqual({ list, status: 400 });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.type).toBe(PROBLEM_TYPES.INVALID);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
        expect.stringMatching(/(^|\.)offset$/),
      ]);
    }
    const atTheCap = await reader.get('/api/requests?offset=10000&withTotal=false');
    expect(atTheCap.status).toBe(200);
  });

  it('keeps /api/health and another user’s page answering while ten deep pages wait', async () => {
    const lock = await lockRequests();
    let heavy: Promise<request.Response>[] = [];
    try {
      heavy = Array.from({ length: 10 }, (_, index) =>
        request(app.getHttpServer())
          .get(`/api/requests?offset=${5000 + index * 100}&limit=100`)
          .set('Cookie', cookieOf(reader))
          .set('X-Forwarded-For', reader.address)
          .then((response) => response),
      );
      const answered = new Set<number>();
      heavy.forEach((call, index) => void call.then(() => answered.add(index)));
      // Every one of the ten is either answered already or has its queries waiting on the lock
      // (two each, the page and its count; on the code before this change, as many as the pool
      // has connections).
      await eventually('each deep page is answered or waiting on the lock', async () => {
        const waiting = await waitingOnLock();
        return answered.size + waiting.length >= 10;
      });

      const health = await request(app.getHttpServer()).get('/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok', database: { status: 'up' } });

      const othersPage = await procurement.get('/api/agreements?limit=10');
      expect(othersPage.status).toBe(200);
    } finally {
      await lock.release();
    }
    const answers = await Promise.all(heavy);
    for (const answer of answers) {
      if (answer.status === 200) continue;
      expect(answer.status).toBe(429);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.body.type).toBe(PROBLEM_TYPES.RATE_LIMITED);
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(answers.filter((answer) => answer.status === 429).length).toBeGreaterThan(0);
    // A refusal lasts only while the account's own heavy calls run.
    const afterwards = await reader.get('/api/requests?offset=5000&withTotal=false');
    expect(afterwards.status).toBe(200);
  });

  it('counts demand for the chosen page’s rows only, not for every row before the offset', async () => {
    const spy = jest.spyOn(pgPoolOf(app.get(DataSource)), 'query');
    try {
      const response = await specialist.get(
        '/api/requests?sort=number:asc&limit=5&offset=40&withTotal=false',
      );
      expect(response.status).toBe(200);
      expect(response.body.rows).toHaveLength(5);
      // The hot reads pass a query config ({ text, values, types }), not a text and values.
      const statements = spy.mock.calls.map(([query, values]) =>
        typeof query === 'string'
          ? { text: query, values: values as unknown[] }
          : (query as unknown as { text: string; values: unknown[] }),
      );
      const page = statements.find(
        ({ text }) => /\bdemand_count\b/.test(text) && /\bLIMIT\b/.test(text),
      );
      expect(page).toBeDefined();
      const { text, values: parameters } = page as { text: string; values: unknown[] };
      // Five probes of the open requests by tool, one per row shown; not the 45 rows read.
      expect(demandScanLoops(await explain(text, parameters))).toBeLessThanOrEqual(5);
    } finally {
      spy.mockRestore();
    }

    // The whole list (the export's statement) and a count filtered by demand count once.
    const viewer = { roles: ['OBJECT_SPECIALIST' as const], schoolUnits: [] };
    const whole = requestRowsSql(viewer, { states: null }, todayInSweden());
    expect(demandScanLoops(await explain(...whole.rows))).toBeLessThanOrEqual(1);
    const inDemand = requestRowsSql(viewer, { states: null, minDemand: 2 }, todayInSweden());
    expect(demandScanLoops(await explain(...inDemand.count))).toBeLessThanOrEqual(1);
  });

  it('gives every row its demand count under every sort, filter and page', async () => {
    // What the specialist sees: every request but the drafts (8, 10 and 36 open per service).
    const { rows: expected } = await testDatabase().query<{ id: string; demand: number }>(
      `SELECT r.id, (SELECT count(*) FROM request o
                      WHERE o.tool_key = r.tool_key AND o.state = ANY ($1::text[]))::int AS demand
         FROM request r WHERE r.state <> 'DRAFT'`,
      [OPEN_REQUEST_STATES],
    );
    const demandOf = new Map(expected.map((row) => [row.id, row.demand]));
    for (const sort of ['number:asc', 'demandCount:desc', 'toolName:asc', 'submittedAt:asc']) {
      for (const filter of ['', '&minDemand=9', '&minDemand=11', '&minDemand=37']) {
        const path = `/api/requests?sort=${sort}${filter}&limit=7&offset=3`;
        const response = await specialist.get(path);
        expect({ path, status: response.status }).toEqual({ path, status: 200 });
        const rows = response.body.rows as { id: string; demandCount: number; number: number }[];
        for (const row of rows) {
          expect({ path, id: row.id, demand: row.demandCount }).toEqual({
            path,
            id: row.id,
            demand: demandOf.get(row.id),
          });
        }
        const minDemand = Number(/minDemand=(\d+)/.exec(filter)?.[1] ?? 0);
        const matching = [...demandOf.values()].filter((demand) => demand >= minDemand);
        if (minDemand > 0) expect(rows.every((row) => row.demandCount >= minDemand)).toBe(true);
        expect(rows.length).toBe(Math.max(0, Math.min(7, matching.length - 3)));
        if (sort === 'demandCount:desc') {
          const counts = rows.map((row) => row.demandCount);
          expect(counts).toEqual([...counts].sort((a, b) => b - a));
        }
        if (sort === 'number:asc') {
          const numbers = rows.map((row) => row.number);
          expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
        }
      }
    }
  });
});

describe('a statement past the timeout', () => {
  let app: NestFastifyApplication;
  let reader: TestClient;

  beforeAll(async () => {
    // Short, but long enough that the sign-in's own statements never reach it on a loaded machine.
    app = await createTestApp({ statementTimeoutMs: 1000 });
    reader = await signedIn(app, await createTestAccount(['READ_ONLY']));
  });

  afterAll(async () => {
    await app?.close();
    await closeTestDatabase();
  });

  it('answers a busy problem (not 500) and frees its connection', async () => {
    const lock = await lockRequests();
    try {
      const call = reader.get('/api/requests?limit=5');
      // Not a timing assertion: the lock is held for good, so without a timeout no answer comes.
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        call,
        new Promise<'still waiting'>((resolve) => {
          timer = setTimeout(() => resolve('still waiting'), 10_000);
        }),
      ]);
      clearTimeout(timer);
      expect(outcome).not.toBe('still waiting');
      const response = await call;
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.type).toBe(PROBLEM_TYPES.BUSY);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      // The lock is still held, and no connection of the API still waits on it.
      await eventually('the API has no statement running', async () => {
        return (await busyBackends()).length === 0;
      });
    } finally {
      await lock.release();
    }
    expect((await reader.get('/api/requests?limit=5')).status).toBe(200);
  });
});

describe('a client that goes away', () => {
  let app: NestFastifyApplication;
  let reader: TestClient;

  beforeAll(async () => {
    // No statement timeout here: only the cancel can end the query while the lock is held.
    app = await createTestApp({ statementTimeoutMs: 0 });
    reader = await signedIn(app, await createTestAccount(['READ_ONLY']));
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await closeTestDatabase();
  });

  it('has its query cancelled: the backend no longer runs it', async () => {
    const { port } = app.getHttpServer().address() as AddressInfo;
    const lock = await lockRequests();
    let call: ClientRequest | undefined;
    try {
      call = httpGet({
        host: '127.0.0.1',
        port,
        path: '/api/requests?limit=5',
        headers: { cookie: cookieOf(reader), 'x-forwarded-for': reader.address },
      });
      call.on('error', () => undefined);
      const waiting = await eventually('the list’s queries wait on the lock', async () => {
        const rows = await waitingOnLock();
        return rows.length > 0 ? rows : null;
      });
      expect(waiting.every((row) => /FROM request r/.test(row.query))).toBe(true);

      call.destroy();
      const pids = waiting.map((row) => row.pid);
      await eventually('the cancelled queries are gone', async () => {
        const still = (await busyBackends()).filter((row) => pids.includes(row.pid));
        return still.length === 0;
      });
    } finally {
      call?.destroy();
      await lock.release();
    }
    // The cancelled connections serve again.
    for (let index = 0; index < 12; index++) {
      expect((await reader.get('/api/requests?limit=5')).status).toBe(200);
    }
  });
});
