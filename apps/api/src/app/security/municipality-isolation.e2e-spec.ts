import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import ExcelJS from 'exceljs';
import { Client } from 'pg';

import { type Access, type RouteKey, mayCall } from '@licensregistret/domain';

import { BYPASS_CHECK, localApiUrl } from '../../database/api-login';
import { download } from '../../test/download';
import {
  type TestMunicipality,
  agreementBody,
  closeTestDatabase,
  createTestMunicipality,
  createTestSupplier,
  inMunicipality,
  testDatabase,
} from '../../test/factories';
import {
  CAST_ROLES,
  type CastRole,
  type RoutineCast,
  createRoutineCast,
} from '../../test/request-fixtures';
import {
  type HttpMethod,
  type PolicyRoute,
  call,
  hasPathParameter,
  policyRoutes,
} from '../../test/security-kit';
import { createTestApp } from '../../test/test-app';
import type { TestClient } from '../../test/test-client';
import { TEST_MUNICIPALITY, createRunDatabase, databaseUrl } from '../../test/test-databases';
import { MULTIPART, type ValidWrite, validWrites } from '../../test/valid-writes';

/**
 * Municipalities are tenants of one registry (docs/tenancy.md). Municipality B has a record of
 * every kind, made through the API by its own users (every write route's valid call, from the
 * mass assignment suite's table); municipality A's users, one per role, then call every route
 * of ACCESS_POLICY they may:
 * - a route with an id, given B's record's: 404, and B's rows as they were (for a write, B's
 *   own user then makes the very same call, which succeeds: the id was real, the call valid);
 * - a write without an id, with the body B's user sent: B's rows as they were, and no row of
 *   A's refers to one of B's;
 * - a list: no id of B's in the answer.
 * Below the API: a statement with no municipality set sees no row of any municipal table, and
 * the API's role cannot bypass row-level security.
 */

/**
 * National tables (docs/tenancy.md): no municipality's own rows. The shared ones (what a
 * municipality published) are read by all and written only by their own municipality: below.
 */
const SHARED_TABLES = ['service_change', 'published_review', 'published_decision'];
const NATIONAL_TABLES = [
  'migrations',
  'municipality',
  'oidc_login',
  'national_service',
  ...SHARED_TABLES,
];

/** The table of the record a route's `:id` names, by the path's first segment. */
const RECORD_TABLE: Record<string, string> = {
  'school-units': 'school_unit',
  accounts: 'account',
  suppliers: 'supplier',
  services: 'digital_service',
  agreements: 'agreement',
  licences: 'licence',
  requests: 'request',
  reviews: 'service_review',
  documents: 'document',
  notifications: 'notification',
};

/** Routes with a path parameter that is no record's id, and why they need no case here. */
const NOT_BY_ID: Partial<Record<RouteKey, string>> = {
  'GET /api/calendar/:token/deadlines.ics':
    'the secret token is the key, found by its hash across municipalities on purpose (calendar.e2e-spec)',
  'POST /api/published-reviews/:id/adopt':
    'a published review is national: adopting another municipality’s is what it is for; the service in the body must be the caller’s own (replayed below)',
};

/** What A's user gets for B's call where it is not 404, and why. */
const NOT_404: Partial<Record<RouteKey, { status: number; field: string }>> = {
  // The published review is found (it is national); B's service in the body is not A's.
  'POST /api/published-reviews/:id/adopt': { status: 400, field: 'serviceId' },
};

/**
 * Bodies that name the caller's own records where B's user names B's: a route that checks them
 * first would otherwise refuse A's user for that, before looking for the record by id.
 */
const AS_ONE_OF_A: Partial<
  Record<RouteKey, (body: Record<string, unknown>, castA: RoutineCast) => Record<string, unknown>>
> = {
  // A unit not the caller's own is refused with 403 whatever the request (request-history).
  'POST /api/requests/:id/join': (body, castA) => ({ ...body, unitId: castA.otherUnit.id }),
};

const recordTableOf = (pattern: string): string | undefined =>
  RECORD_TABLE[pattern.split('/')[2] ?? ''];

/** Every municipal table: those with a municipality_id, from the catalogue. */
async function municipalTables(): Promise<string[]> {
  const { rows } = await testDatabase().query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'municipality_id'
        AND table_name <> ALL ($1) ORDER BY table_name`,
    [NATIONAL_TABLES],
  );
  return rows.map((row) => row.table_name);
}

/** A municipality's rows, every table, as one text: equal before and after means untouched. */
async function rowsOf(municipality: TestMunicipality): Promise<string> {
  const parts: string[] = [];
  for (const table of await municipalTables()) {
    const { rows } = await testDatabase().query(
      `SELECT coalesce(string_agg(to_jsonb(t)::text, ',' ORDER BY to_jsonb(t)::text), '') AS rows
         FROM "${table}" t WHERE municipality_id = $1`,
      [municipality.id],
    );
    parts.push(`${table}: ${rows[0].rows as string}`);
  }
  return parts.join('\n');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * What would give a municipality's rows away in an answer: every id (the uuids: a number would
 * be found in any text), and the unique suffix (`unique()`) of every name the tests gave them.
 */
async function tracesOf(municipality: TestMunicipality): Promise<Set<string>> {
  const traces = new Set<string>();
  for (const table of await municipalTables()) {
    const { rows } = await testDatabase().query<{ id: string; row: string }>(
      `SELECT to_jsonb(t) ->> 'id' AS id, to_jsonb(t)::text AS row
         FROM "${table}" t WHERE municipality_id = $1`,
      [municipality.id],
    );
    for (const { id, row } of rows) {
      if (id && UUID.test(id)) traces.add(id);
      for (const [suffix] of row.matchAll(/-[0-9a-f]{10}\b/g)) traces.add(suffix);
    }
  }
  return traces;
}

/** An answer as text: a spreadsheet's cells, or the body. */
async function answerText(
  app: NestFastifyApplication,
  client: TestClient,
  path: string,
): Promise<string> {
  const answer = await download(app, client, path);
  if (!String(answer.headers['content-type']).includes('spreadsheetml')) {
    return answer.body.toString('utf8');
  }
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(answer.body as unknown as ArrayBuffer);
  const cells: unknown[] = [];
  for (const sheet of book.worksheets) sheet.eachRow((row) => cells.push(row.values));
  expect(cells.length).toBeGreaterThan(0);
  return JSON.stringify(cells);
}

describe('one municipality’s users cannot read or change another’s rows', () => {
  let app: NestFastifyApplication;
  /** Municipality A: TEST_MUNICIPALITY, one user per role. */
  let castA: RoutineCast;
  let b: TestMunicipality;
  let castB: RoutineCast;
  /** B's valid calls, made once in B: its records of every kind. */
  const writesB = validWrites(() => castB);
  let tracesB: Set<string>;

  beforeAll(async () => {
    app = await createTestApp();
    castA = await createRoutineCast(app);
    b = await createTestMunicipality();
    castB = await inMunicipality(b, () => createRoutineCast(app));
    await inMunicipality(b, async () => {
      for (const write of writesB) await madeBy(castB, write);
      const agreement = await castB.as.procurement.post(
        '/api/agreements',
        agreementBody((await createTestSupplier()).id),
      );
      const upload = await castB.as.procurement.postForm(
        `/api/agreements/${agreement.body.id}/documents`,
        { kind: 'OTHER' },
        { name: 'avtal.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') },
      );
      expect(upload.status).toBe(201);
    });
    tracesB = await tracesOf(b);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await closeTestDatabase();
  });

  /** Makes `write`'s valid call as its user of `cast`; returns the call. */
  async function madeBy(cast: RoutineCast, write: ValidWrite) {
    const valid = await write.valid();
    if (write.as === 'SIGNED_OUT') return valid;
    const response = await call(cast.as[write.as], methodOf(write.route), valid.path, valid.body);
    if (response.status !== valid.status) {
      throw new Error(`${write.route} in B: ${response.status} ${response.text}`);
    }
    return valid;
  }

  const methodOf = (route: RouteKey) => route.split(' ')[0] as HttpMethod;

  /** A's users who may call the route. */
  function callersOf(route: PolicyRoute): [CastRole, TestClient][] {
    return (Object.entries(CAST_ROLES) as [CastRole, readonly string[]][])
      .filter(([, roles]) => mayCall(route.access as Access, roles as never))
      .map(([role]) => [role, castA.as[role]]);
  }

  /** One of B's records of `table`. */
  async function recordOfB(table: string): Promise<string> {
    const { rows } = await testDatabase().query(
      `SELECT id FROM "${table}" WHERE municipality_id = $1 ORDER BY id LIMIT 1`,
      [b.id],
    );
    if (!rows[0]) throw new Error(`B has no ${table}`);
    return rows[0].id as string;
  }

  const bodyWrites = new Map(writesB.map((write) => [write.route, write]));
  const idRoutes = policyRoutes().filter(hasPathParameter);

  it('covers every route with a path parameter: by the record it names, or says why not', () => {
    const uncovered = idRoutes
      .filter((route) => !recordTableOf(route.pattern) && !NOT_BY_ID[route.key])
      .map((route) => route.key);
    expect(uncovered).toEqual([]);
    expect(Object.keys(MULTIPART).every((key) => recordTableOf(key.split(' ')[1] ?? ''))).toBe(
      true,
    );
  });

  it.each(idRoutes.filter((route) => !NOT_BY_ID[route.key] && !bodyWrites.has(route.key)))(
    '$key with an id of B’s: 404 for every user of A, B untouched',
    async (route) => {
      const id = await recordOfB(recordTableOf(route.pattern) as string);
      const path = route.pattern.replace(':id', id);
      const before = await rowsOf(b);
      const statuses: Record<string, number> = {};
      for (const [role, client] of callersOf(route)) {
        const response = MULTIPART[route.key]
          ? await client.postForm(
              path,
              { kind: 'OTHER' },
              { name: 'avtal.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') },
            )
          : await call(client, route.method, path, {});
        statuses[role] = response.status;
      }
      expect(Object.keys(statuses).length).toBeGreaterThan(0);
      expect(Object.values(statuses).every((status) => status === 404)).toBe(true);
      expect(await rowsOf(b)).toBe(before);
    },
  );

  it.each(writesB.filter((write) => write.as !== 'SIGNED_OUT'))(
    '$route as A’s $as, with the call B’s user makes: nothing of B’s read or changed',
    async (write) => {
      const valid = await inMunicipality(b, write.valid);
      const before = await rowsOf(b);
      const client = castA.as[write.as as CastRole];
      const body = AS_ONE_OF_A[write.route]?.(valid.body, castA) ?? valid.body;
      const response = await call(client, methodOf(write.route), valid.path, body);
      const byId = write.route.includes('/:');
      const expected = NOT_404[write.route];
      if (expected) {
        expect({ status: response.status, field: response.body.errors?.[0]?.field }).toEqual(
          expected,
        );
      } else if (byId) {
        expect({ status: response.status }).toEqual({ status: 404 });
      }
      // The answer names none of B's records (but for the path it was asked for, in a problem's
      // `instance`).
      const answer = JSON.stringify({ ...response.body, instance: undefined });
      for (const trace of tracesB) expect(answer).not.toContain(trace);
      expect(await rowsOf(b)).toBe(before);
      // No row of A's refers to B's: a write that got through made A's own record only.
      const rowsOfA = await rowsOf(TEST_MUNICIPALITY);
      for (const trace of tracesB) expect(rowsOfA).not.toContain(trace);
      if (byId) {
        // B's own user makes the very same call: the id was real, the call valid.
        const own = await call(
          castB.as[write.as as CastRole],
          methodOf(write.route),
          valid.path,
          valid.body,
        );
        expect({ status: own.status }).toEqual({ status: valid.status });
      }
    },
  );

  it.each(policyRoutes().filter((route) => route.method === 'GET' && !hasPathParameter(route)))(
    '$key lists nothing of B’s to any user of A',
    async (route) => {
      for (const [, client] of callersOf(route)) {
        const answer = await answerText(app, client, route.pattern);
        for (const trace of tracesB) expect(answer).not.toContain(trace);
      }
    },
  );
});

describe('row-level security below the API', () => {
  afterAll(() => closeTestDatabase());

  /** A connection as the API's role to a database whose connections set no municipality. */
  async function asApiRole(work: (api: Client, owner: Client) => Promise<void>): Promise<void> {
    const name = await createRunDatabase('rls', true, false);
    const owner = new Client({ connectionString: databaseUrl(name) });
    const api = new Client({ connectionString: localApiUrl(databaseUrl(name)) });
    await owner.connect();
    await api.connect();
    try {
      // A unit of the template's municipality, so that the tables are not all empty.
      await owner.query(`SELECT set_config('app.municipality_id', id::text, false)
                           FROM municipality LIMIT 1`);
      await owner.query(`INSERT INTO administration (name) VALUES ('Förvaltningen')`);
      await work(api, owner);
    } finally {
      await api.end();
      await owner.end();
    }
  }

  it('has a policy on every table but the national ones, from the catalogue', async () => {
    const { rows } = await testDatabase().query<{ relname: string; municipal: boolean }>(
      `SELECT c.relname, c.relrowsecurity AND EXISTS (
                SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'municipality_id'
              ) AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid) AS municipal
         FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
        ORDER BY c.relname`,
    );
    const unprotected = rows
      .filter((row) => !row.municipal && !NATIONAL_TABLES.includes(row.relname))
      .map((row) => row.relname);
    expect(unprotected).toEqual([]);
    expect(rows.filter((row) => row.municipal).length).toBeGreaterThanOrEqual(20);
  });

  it('sees no row of any municipal table without a municipality set', async () => {
    await asApiRole(async (api, owner) => {
      const { rows: tables } = await api.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.columns
          WHERE table_schema = 'public' AND column_name = 'municipality_id'
            AND table_name <> ALL ($1)`,
        [NATIONAL_TABLES],
      );
      expect(tables.length).toBeGreaterThanOrEqual(20);
      for (const { table_name: table } of tables) {
        const { rows } = await api.query(`SELECT count(*)::int AS n FROM "${table}"`);
        expect({ table, rows: rows[0].n }).toEqual({ table, rows: 0 });
      }
      // The administration is there: the owner sees it.
      const { rows: owners } = await owner.query(`SELECT count(*)::int AS n FROM administration`);
      expect(owners[0].n).toBe(1);
      await expect(
        api.query(`INSERT INTO administration (name) VALUES ('Utan kommun')`),
      ).rejects.toThrow(/row-level security/);
    });
  });

  it('lets every municipality read the shared tables and each write only its own rows', async () => {
    await asApiRole(async (api, owner) => {
      const { rows: municipalities } = await owner.query<{ id: string }>(
        `INSERT INTO municipality (name, slug) VALUES ('Delningsby', 'delningsby') RETURNING id`,
      );
      const { rows: others } = await owner.query<{ id: string }>(`SELECT id FROM municipality`);
      const here = others.find((row) => row.id !== municipalities[0]?.id)?.id as string;
      const there = municipalities[0]?.id as string;
      const actFor = (id: string) =>
        api.query(`SELECT set_config('app.municipality_id', $1, false)`, [id]);
      const {
        rows: [tool],
      } = await api.query(
        `INSERT INTO national_service (organisation_number, name) VALUES ('556000-0000', 'Delat') RETURNING id`,
      );
      await actFor(here);
      for (const table of SHARED_TABLES) {
        expect(await api.query(`SELECT count(*) FROM ${table}`)).toBeTruthy();
      }
      await expect(
        api.query(
          `INSERT INTO service_change (national_service_id, municipality_id, kind, description, version)
           VALUES ($1, $2, 'NEW_VERSION', 'Som en annan kommun', 2)`,
          [tool.id, there],
        ),
      ).rejects.toThrow(/row-level security/);
      await api.query(
        `INSERT INTO service_change (national_service_id, kind, description, version)
         VALUES ($1, 'NEW_VERSION', 'Egen', 2)`,
        [tool.id],
      );
      await actFor(there);
      const { rows: read } = await api.query(`SELECT description FROM service_change`);
      expect(read).toEqual([{ description: 'Egen' }]);
      const changed = await api.query(`UPDATE service_change SET description = 'Ändrad'`);
      expect(changed.rowCount).toBe(0);
      const removed = await api.query(`DELETE FROM service_change`);
      expect(removed.rowCount).toBe(0);
    });
  });

  it('runs the API as a role that cannot bypass row-level security', async () => {
    await asApiRole(async (api) => {
      const { rows } = await api.query(
        `SELECT r.rolsuper, r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user`,
      );
      expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
      const { rows: check } = await api.query(BYPASS_CHECK);
      expect(check[0].reason).toBeNull();
      const { rows: owned } = await api.query(
        `SELECT count(*)::int AS n FROM pg_class
          WHERE relnamespace = 'public'::regnamespace AND pg_has_role(current_user, relowner, 'USAGE')`,
      );
      expect(owned[0].n).toBe(0);
      await expect(
        api.query(`SET row_security = off; SELECT * FROM administration`),
      ).rejects.toThrow(/row-level security/);
      await expect(
        api.query(`ALTER TABLE administration DISABLE ROW LEVEL SECURITY`),
      ).rejects.toThrow(/must be owner/);
      await expect(api.query(`SET ROLE postgres`)).rejects.toThrow(/permission denied/);
    });
  });
});
