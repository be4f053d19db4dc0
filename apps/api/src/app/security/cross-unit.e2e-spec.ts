import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import {
  ACCESS_POLICY,
  type Access,
  type Role,
  type RouteKey,
  UNIT_SCOPED_ROLES,
  mayCall,
} from '@licensregistret/domain';

import { closeTestDatabase, createTestAccount, testDatabase } from '../../test/factories';
import { type RoutineCast, createRoutineCast, requestInState } from '../../test/request-fixtures';
import {
  call,
  databaseState,
  errorFields,
  hasPathParameter,
  methodOf,
  policyRoutes,
  rowState,
} from '../../test/security-kit';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';

/**
 * Guessed ids. A school's roles (UNIT_SCOPED_ROLES) act for their own units only: for every route
 * with a path parameter that such a role may call, a user of unit A calls it with the real id of
 * a record of unit B (or of another person), and must get 404 with the database as it was.
 *
 * Every route answers 404, never 403, so that ids cannot be probed (docs/architecture.md). The one
 * 403 on purpose is a unit the caller names in a body: creating a request for another unit
 * (requests.e2e-spec.ts) or moving one's own request there (below).
 *
 * Each case builds a fresh record, makes the intruder's calls, compares the record's row and the
 * whole database (own database, so nothing else writes to it), and then lets the record's owner
 * make the very same call: it succeeds, so the id was real and the call well formed, and for a
 * write it changes the row, so the comparison would have seen the intruder's.
 */

/** Routes with a path parameter that a school role may call, but whose data is no unit's own. */
const NOT_UNIT_SCOPED: Partial<Record<RouteKey, string>> = {
  'GET /api/suppliers/:id': 'the supplier register is the municipality’s, shown to every role',
  'GET /api/suppliers/:id/history': 'the history of a supplier of the shared register',
  'GET /api/services/:id': 'the catalogue is shared: schools browse it to ask for a tool',
  'GET /api/services/:id/history': 'the history of a service of the shared catalogue',
  'GET /api/services/:id/reviews': 'reviews are of a service, not of a unit; schools read them',
  'GET /api/services/:id/shared':
    'what other municipalities published about the tool: of a service, not of a unit',
  'GET /api/services/:id/units-without-licence':
    'municipality-wide coverage, as GET /api/coverage shows every signed-in role',
  'GET /api/agreements/:id': 'agreements are the municipality’s; GET /api/agreements lists all',
  'GET /api/agreements/:id/history': 'the history of an agreement (as above)',
  'GET /api/agreements/:id/cost-split': 'the split of an agreement’s cost (as above)',
  'GET /api/licences/:id': 'licences are the municipality’s; GET /api/licences lists all',
  'GET /api/licences/:id/history': 'the history of a licence (as above)',
  'GET /api/agreements/:id/documents': 'an agreement’s documents are read as the agreement is',
  'GET /api/services/:id/documents': 'a service’s documents are read as the shared catalogue is',
  'GET /api/reviews/:id/documents': 'a review’s documents are read as the service’s reviews are',
  'GET /api/documents/:id/content':
    'a document of an agreement, a service or a review (as above), never of a unit',
  'POST /api/requests/:id/join':
    'joining another unit’s open request is its purpose; the body’s unit must be the caller’s own (403 naming unitId, request-history.e2e-spec)',
};

/** What a case's record is and how it is called. */
interface Target {
  /** The intruder's calls: paths with the real id of the other unit's or person's record. */
  paths: string[];
  body?: Record<string, unknown>;
  /** The record's row, which must stay as it was. */
  table: string;
  id: string;
  idColumn?: string;
  /** Text of the record that must not appear in an answer to the intruder. */
  secret: string;
  /** The owner, whose very same call succeeds (on `ownerPath` when the path is a secret). */
  owner: TestClient;
  ownerPath?: string;
  ownerStatus: number;
}

interface Row {
  route: RouteKey;
  /** Whose the record is. */
  of: 'another unit' | 'another person';
  build: () => Promise<Target>;
}

describe('a school’s user cannot read or change another unit’s (or person’s) records by id', () => {
  let app: NestFastifyApplication;
  /** The records' side: unit B (cast.unit), its requester and principal. */
  let cast: RoutineCast;
  /** The intruders: one account per school role, acting for unit A (cast.otherUnit). */
  const intruders = new Map<Role, TestClient>();
  /** A colleague of the intruders in unit A: another person, same unit. */
  let colleague: { id: string; client: TestClient };

  beforeAll(async () => {
    app = await createTestApp();
    cast = await createRoutineCast(app);
    for (const role of UNIT_SCOPED_ROLES) {
      const account = await createTestAccount([role], { units: [cast.otherUnit.id] });
      intruders.set(role, await signedIn(app, account));
    }
    const account = await createTestAccount(['REQUESTER'], { units: [cast.otherUnit.id] });
    colleague = { id: account.id, client: await signedIn(app, account) };
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await closeTestDatabase();
  });

  async function versionOf(table: string, id: string): Promise<number> {
    const { rows } = await testDatabase().query(`SELECT version FROM "${table}" WHERE id = $1`, [
      id,
    ]);
    return rows[0].version as number;
  }

  /** A request of unit B. Submitted: governance sees it, so the unit is all that stands between. */
  async function requestOfUnitB(): Promise<string> {
    return requestInState(cast, 'SUBMITTED');
  }

  const ROWS: Row[] = [
    {
      route: 'GET /api/school-units/:id',
      of: 'another unit',
      build: async () => ({
        paths: [`/api/school-units/${cast.unit.id}`],
        table: 'school_unit',
        id: cast.unit.id,
        secret: cast.unit.name,
        owner: cast.as.principal,
        ownerStatus: 200,
      }),
    },
    {
      route: 'GET /api/school-units/:id/licences',
      of: 'another unit',
      build: async () => ({
        paths: [`/api/school-units/${cast.unit.id}/licences`],
        table: 'school_unit',
        id: cast.unit.id,
        secret: cast.unit.name,
        owner: cast.as.principal,
        ownerStatus: 200,
      }),
    },
    {
      route: 'GET /api/requests/:id',
      of: 'another unit',
      build: async () => {
        const id = await requestOfUnitB();
        return {
          paths: [`/api/requests/${id}`],
          table: 'request',
          id,
          secret: cast.unit.name,
          owner: cast.as.requester,
          ownerStatus: 200,
        };
      },
    },
    {
      route: 'GET /api/requests/:id/events',
      of: 'another unit',
      build: async () => {
        const id = await requestOfUnitB();
        await cast.as.requester.post(`/api/requests/${id}/comments`, { text: 'Hemligt ärende' });
        return {
          paths: [`/api/requests/${id}/events`],
          table: 'request',
          id,
          secret: 'Hemligt ärende',
          owner: cast.as.requester,
          ownerStatus: 200,
        };
      },
    },
    {
      route: 'PATCH /api/requests/:id',
      of: 'another unit',
      build: async () => {
        const id = await requestOfUnitB();
        return {
          paths: [`/api/requests/${id}`],
          body: { version: await versionOf('request', id), pupilCount: 7 },
          table: 'request',
          id,
          secret: cast.unit.name,
          owner: cast.as.requester,
          ownerStatus: 200,
        };
      },
    },
    {
      route: 'POST /api/requests/:id/moves',
      of: 'another unit',
      build: async () => {
        const id = await requestOfUnitB();
        return {
          paths: [`/api/requests/${id}/moves`],
          body: { move: 'WITHDRAW', version: await versionOf('request', id) },
          table: 'request',
          id,
          secret: cast.unit.name,
          owner: cast.as.requester,
          ownerStatus: 200,
        };
      },
    },
    {
      route: 'POST /api/requests/:id/comments',
      of: 'another unit',
      build: async () => {
        const id = await requestOfUnitB();
        return {
          paths: [`/api/requests/${id}/comments`],
          body: { text: 'Ett inlägg' },
          table: 'request',
          id,
          secret: cast.unit.name,
          owner: cast.as.requester,
          ownerStatus: 201,
        };
      },
    },
    {
      route: 'POST /api/notifications/:id/read',
      of: 'another person',
      // A colleague's, in the intruder's own unit: notifications are a person's, not a unit's.
      build: async () => {
        const subject = 'Till kollegan';
        const { rows } = await testDatabase().query(
          `INSERT INTO notification (recipient_id, kind, subject, body, email_state)
           VALUES ($1, 'INFO_REQUESTED', $2, 'Bara för kollegan', 'NONE') RETURNING id`,
          [colleague.id, subject],
        );
        const id = rows[0].id as string;
        return {
          paths: [`/api/notifications/${id}/read`],
          table: 'notification',
          id,
          secret: subject,
          owner: colleague.client,
          ownerStatus: 200,
        };
      },
    },
    {
      route: 'GET /api/calendar/:token/deadlines.ics',
      of: 'another person',
      // The token is the key. What an intruder can know of another's feed: the account's id,
      // or an address of theirs that has since been replaced.
      build: async () => {
        const owner = cast.as.requester;
        const replaced = await owner.post('/api/calendar/feed');
        const current = await owner.post('/api/calendar/feed');
        expect([replaced.status, current.status]).toEqual([201, 201]);
        return {
          paths: [
            replaced.body.path as string,
            `/api/calendar/${cast.accounts.requester.id}/deadlines.ics`,
          ],
          table: 'calendar_feed',
          id: cast.accounts.requester.id,
          idColumn: 'account_id',
          secret: 'BEGIN:VCALENDAR',
          owner,
          ownerPath: current.body.path as string,
          ownerStatus: 200,
        };
      },
    },
  ];

  it('has a row for every route a school role may call with an id, or says why not', () => {
    const derived = policyRoutes()
      .filter(
        (route) =>
          hasPathParameter(route) &&
          UNIT_SCOPED_ROLES.some((role) => mayCall(route.access, [role])),
      )
      .map((route) => route.key)
      .sort();
    const rows = ROWS.map((row) => row.route);
    const excluded = Object.keys(NOT_UNIT_SCOPED) as RouteKey[];

    expect(new Set(rows).size).toBe(rows.length);
    expect(rows.filter((route) => excluded.includes(route))).toEqual([]);
    expect([...rows, ...excluded].sort()).toEqual(derived);
  });

  const cases = ROWS.flatMap((row) =>
    UNIT_SCOPED_ROLES.filter((role) =>
      mayCall((ACCESS_POLICY as Record<string, Access>)[row.route] as Access, [role]),
    ).map((role) => ({ ...row, role })),
  );

  it.each(cases)('$route: 404 to a $role of unit A for a record of $of', async (row) => {
    const target = await row.build();
    const method = methodOf(row.route);
    const intruder = intruders.get(row.role) as TestClient;
    const state = async () => ({
      record: await rowState(target.table, target.id, target.idColumn),
      database: await databaseState(),
    });
    const before = await state();
    expect(before.record).not.toBeNull();

    for (const path of target.paths) {
      const response = await call(intruder, method, path, target.body);

      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.text).not.toContain(target.secret);
    }
    expect(await state()).toEqual(before);

    // The owner's same call: the id is real, the call well formed, and a write would show.
    const own = await call(target.owner, method, target.ownerPath ?? target.paths[0], target.body);
    expect(own.status).toBe(target.ownerStatus);
    if (method !== 'GET') expect(await state()).not.toEqual(before);
  });

  it('a school cannot move its own request into another unit by its body (403 naming unitId)', async () => {
    const id = await requestInState(cast, 'DRAFT');
    const before = await rowState('request', id);

    const response = await cast.as.requester.patch(`/api/requests/${id}`, {
      version: await versionOf('request', id),
      unitId: cast.otherUnit.id,
    });

    expect(response.status).toBe(403);
    expect(errorFields(response.body)).toEqual(['unitId']);
    expect(await rowState('request', id)).toBe(before);
  });
});
