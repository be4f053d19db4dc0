import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import type { RouteKey } from '@licensregistret/domain';

import {
  agreementBody,
  closeTestDatabase,
  createTestAccount,
  createTestSupplier,
  testDatabase,
} from '../../test/factories';
import {
  type RoutineCast,
  createApprovedService,
  createRoutineCast,
  passingReview,
} from '../../test/request-fixtures';
import { call, databaseState, errorFields, methodOf, policyRoutes } from '../../test/security-kit';
import { createTestApp } from '../../test/test-app';
import { TestClient, signedIn } from '../../test/test-client';
import { MULTIPART, NO_BODY, SOMEONE, type ValidWrite, validWrites } from '../../test/valid-writes';

/**
 * Mass assignment. For every write route of ACCESS_POLICY, a valid body plus fields the server
 * owns (ids, versions where not an input, states, timestamps, who did it, decisions, roles and
 * password hashes): a 400 naming each of them (`errors[].field`, dotted when nested), and the
 * database as it was. Then the same body without them is accepted and changes the database, so
 * the body was valid and the comparison would have seen a write.
 *
 * The global ValidationPipe refuses unknown fields (whitelist + forbidNonWhitelisted), and the
 * review findings are checked the same way against their kind's class. The fuzz suite
 * (app/fuzz) sends extra keys at random; this is the explicit, per-route version.
 */

/** Sets `value` at a dotted path (`documents.0.uploadedBy`) of a JSON body. */
function withField(body: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = body as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1] as string] = value;
}

describe('fields outside the DTO cannot be written (mass assignment)', () => {
  let app: NestFastifyApplication;
  let cast: RoutineCast;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await createRoutineCast(app);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await closeTestDatabase();
  });

  async function clientFor(who: ValidWrite['as']): Promise<TestClient> {
    if (who !== 'SIGNED_OUT') return cast.as[who];
    const client = new TestClient(app);
    await client.get('/api/auth/config');
    return client;
  }

  const ROWS = validWrites(() => cast);

  it('has a row for every write route of ACCESS_POLICY, or says why not', () => {
    const writes = policyRoutes()
      .filter((route) => ['POST', 'PUT', 'PATCH'].includes(route.method))
      .map((route) => route.key)
      .sort();
    const rows = ROWS.map((row) => row.route);
    const excluded = [...Object.keys(NO_BODY), ...Object.keys(MULTIPART)] as RouteKey[];

    expect(new Set(rows).size).toBe(rows.length);
    expect(rows.filter((route) => excluded.includes(route))).toEqual([]);
    expect([...rows, ...excluded].sort()).toEqual(writes);
  });

  const cases = ROWS.map((row) => ({ ...row, fields: Object.keys(row.serverOwned).join(', ') }));

  it.each(cases)('$route refuses $fields (400), writing nothing', async (row) => {
    const client = await clientFor(row.as);
    const valid = await row.valid();
    const method = methodOf(row.route);
    const body = structuredClone(valid.body);
    for (const [field, value] of Object.entries(row.serverOwned)) withField(body, field, value);
    const before = await databaseState();

    const response = await call(client, method, valid.path, body);

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(errorFields(response.body)).toEqual(Object.keys(row.serverOwned).sort());
    expect(await databaseState()).toBe(before);

    // Without them the same call is accepted and writes: the rest of the body was valid.
    const accepted = await call(client, method, valid.path, valid.body);
    expect({ status: accepted.status, body: accepted.body }).toMatchObject({
      status: valid.status,
    });
    expect(await databaseState()).not.toBe(before);
  });

  it('POST /api/services/:id/reviews refuses findings outside the kind’s (400), writing nothing', async () => {
    const path = `/api/services/${(await createApprovedService()).id}/reviews`;
    const valid = passingReview('PROCUREMENT');
    const before = await databaseState();

    const response = await cast.as.procurement.post(
      path,
      passingReview('PROCUREMENT', { approvedBy: SOMEONE, processesPersonalData: false }),
    );

    expect(response.status).toBe(400);
    expect(errorFields(response.body)).toEqual([
      'findings.approvedBy',
      'findings.processesPersonalData',
    ]);
    expect(await databaseState()).toBe(before);
    expect((await cast.as.procurement.post(path, valid)).status).toBe(201);
    expect(await databaseState()).not.toBe(before);
  });

  it('the upload routes refuse server-owned form fields (400), writing nothing', async () => {
    const supplier = await createTestSupplier();
    const agreement = await cast.as.procurement.post('/api/agreements', agreementBody(supplier.id));
    const service = await createApprovedService();
    const review = await cast.as.dataProtection.post(
      `/api/services/${service.id}/reviews`,
      passingReview('DATA_PROTECTION'),
    );
    const uploads: [RouteKey, TestClient, string][] = [
      [
        'POST /api/agreements/:id/documents',
        cast.as.procurement,
        `/api/agreements/${agreement.body.id}/documents`,
      ],
      [
        'POST /api/services/:id/documents',
        cast.as.specialist,
        `/api/services/${service.id}/documents`,
      ],
      [
        'POST /api/reviews/:id/documents',
        cast.as.dataProtection,
        `/api/reviews/${review.body.id}/documents`,
      ],
    ];
    expect(uploads.map(([route]) => route).sort()).toEqual(Object.keys(MULTIPART).sort());
    const file = { name: 'avtal.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') };
    for (const [route, client, path] of uploads) {
      const before = await databaseState();
      const response = await client.postForm(
        path,
        { kind: 'OTHER', ownerId: SOMEONE, uploadedBy: SOMEONE, storage: 's3', sha256: '0' },
        file,
      );
      expect({ route, status: response.status }).toEqual({ route, status: 400 });
      expect(errorFields(response.body)).toEqual(['ownerId', 'sha256', 'storage', 'uploadedBy']);
      expect(await databaseState()).toBe(before);
      expect((await client.postForm(path, { kind: 'OTHER' }, file)).status).toBe(201);
      expect(await databaseState()).not.toBe(before);
    }
  });

  it('the routes without a body ignore one rather than read it', async () => {
    const account = await createTestAccount(['REQUESTER'], { units: [cast.unit.id] });
    const client = await signedIn(app, account);
    const { rows } = await testDatabase().query(
      `INSERT INTO notification (recipient_id, kind, subject, body, email_state)
       VALUES ($1, 'INFO_REQUESTED', 'Fråga', 'Svara gärna', 'NONE') RETURNING id`,
      [account.id],
    );
    const service = await createApprovedService();
    const review = await cast.as.dataProtection.post(
      `/api/services/${service.id}/reviews`,
      passingReview('DATA_PROTECTION'),
    );
    await testDatabase().query(
      `UPDATE digital_service SET catalogue_status = 'APPROVED', status_decided_on = '2026-11-01' WHERE id = $1`,
      [service.id],
    );
    const asPublisher: Partial<Record<RouteKey, TestClient>> = {
      'POST /api/reviews/:id/publish': cast.as.dataProtection,
      'POST /api/services/:id/decision/publish': cast.as.specialist,
    };
    const paths: Partial<Record<RouteKey, string>> = {
      'POST /api/reviews/:id/publish': `/api/reviews/${review.body.id}/publish`,
      'POST /api/services/:id/decision/publish': `/api/services/${service.id}/decision/publish`,
      'POST /api/notifications/:id/read': `/api/notifications/${rows[0].id}/read`,
      'POST /api/notifications/read-all': '/api/notifications/read-all',
      'POST /api/calendar/feed': '/api/calendar/feed',
      // Last: it ends the session.
      'POST /api/auth/logout': '/api/auth/logout',
    };
    expect(Object.keys(paths).sort()).toEqual(Object.keys(NO_BODY).sort());
    for (const [route, path] of Object.entries(paths)) {
      const response = await (asPublisher[route as RouteKey] ?? client).post(path, {
        accountId: SOMEONE,
        recipientId: SOMEONE,
      });
      // A DTO added later would refuse these fields (400): then the route needs a row above.
      expect({ route, status: response.status }).toEqual({
        route,
        status: route.endsWith('logout')
          ? 204
          : route.endsWith('feed') || route.endsWith('publish')
            ? 201
            : 200,
      });
    }
  });
});
