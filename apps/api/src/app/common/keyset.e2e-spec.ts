import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import {
  AGREEMENT_SORT_COLUMNS,
  OPEN_REQUEST_STATES,
  REQUEST_SORTS,
} from '@licensregistret/domain';

import {
  agreementBody,
  closeTestDatabase,
  createTestAccount,
  createTestService,
  createTestSupplier,
  createTestUnit,
  testDatabase,
} from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';
import { encodeCursor } from './keyset';

const PAGE = 7;

interface Answer {
  rows: { id: string }[];
  total: number | null;
  nextCursor: string | null;
}

/**
 * Keyset pages against OFFSET pages on PostgreSQL, for every sort the two grids offer, both ways:
 * the rows are made to tie on every sort value (the id must break them), to differ by a
 * microsecond only, and to be NULL (a draft's submission time) where the list can hold NULLs.
 */
describe('keyset pages (after=nextCursor) equal OFFSET pages', () => {
  let app: NestFastifyApplication;
  let specialist: TestClient;
  let procurement: TestClient;

  beforeAll(async () => {
    app = await createTestApp();
    const [unitA, unitB, unitC] = await Promise.all([
      createTestUnit({ name: 'Tvillingskolan' }),
      createTestUnit({ name: 'Tvillingskolan' }),
      createTestUnit({ name: 'Annan skola' }),
    ]);
    const [supplierA, supplierB] = await Promise.all([
      createTestSupplier('Samma Leverantör AB'),
      createTestSupplier('Samma Leverantör AB'),
    ]);
    const services = [
      await createTestService(supplierA.id, { name: 'Samma tjänst' }),
      await createTestService(supplierB.id, { name: 'Samma tjänst' }),
      await createTestService(supplierA.id, { name: 'Ensam tjänst' }),
    ];
    const requester = await createTestAccount(['REQUESTER'], { units: [unitA.id] });
    // Own unit A, so the drafts (no submission time) of unit A are in its list too.
    specialist = await signedIn(
      app,
      await createTestAccount(['OBJECT_SPECIALIST'], { units: [unitA.id] }),
    );
    procurement = await signedIn(app, await createTestAccount(['PROCUREMENT']));
    await testDatabase().query(
      `INSERT INTO request (unit_id, requester_id, service_id, need, school_forms, pupil_count,
                            staff_count, personal_data, state, submitted_at, created_at)
       SELECT ($1::uuid[])[1 + n % 3], $2, ($3::uuid[])[1 + n % 3], 'Ett behov', '{GR}', n, 1,
              'NONE', s.state,
              CASE WHEN s.state = 'DRAFT' THEN NULL
                   ELSE timestamptz '2026-03-02 08:00:00+01' + (n % 4) * interval '1 hour'
                        + (n % 2) * interval '1 microsecond' END,
              timestamptz '2026-03-01 08:00:00+01' + (n % 3) * interval '1 day'
         FROM generate_series(1, 40) AS n,
              LATERAL (SELECT CASE WHEN n % 6 = 0 THEN 'DRAFT'
                                   ELSE ($4::text[])[1 + n % 5] END AS state) s`,
      [
        [unitA.id, unitB.id, unitC.id],
        requester.id,
        services.map((s) => s.id),
        OPEN_REQUEST_STATES,
      ],
    );
    for (let n = 0; n < 15; n += 1) {
      const response = await procurement.post(
        '/api/agreements',
        agreementBody(n % 2 === 0 ? supplierA.id : supplierB.id, {
          // The same number at the two suppliers: a tie.
          agreementNumber: `AV-${Math.floor(n / 2)}`,
          endsOn: `2028-0${1 + (n % 3)}-28`,
          noticePeriodMonths: 3 + (n % 2) * 3,
          annualCost: 1000 + (n % 4) * 0.5,
          nextExtensionDecisionBy: n % 5 === 0 ? '2027-06-30' : null,
        }),
      );
      expect(response.status).toBe(201);
    }
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  async function page(client: TestClient, path: string): Promise<Answer> {
    const response = await client.get(path);
    expect(response.status).toBe(200);
    return response.body as Answer;
  }

  /** The whole list by OFFSET pages, and by keyset pages following each nextCursor. */
  async function bothWays(client: TestClient, list: string): Promise<[string[], string[]]> {
    const byOffset: string[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const { rows } = await page(client, `${list}&limit=${PAGE}&offset=${offset}`);
      byOffset.push(...rows.map((row) => row.id));
      if (rows.length < PAGE) break;
    }
    const byKey: string[] = [];
    let answer = await page(client, `${list}&limit=${PAGE}`);
    for (;;) {
      byKey.push(...answer.rows.map((row) => row.id));
      if (answer.nextCursor === null) break;
      expect(answer.rows).toHaveLength(PAGE);
      answer = await page(
        client,
        `${list}&limit=${PAGE}&withTotal=false&after=${answer.nextCursor}`,
      );
    }
    return [byOffset, byKey];
  }

  const requestLists = REQUEST_SORTS.flatMap((column) =>
    ['asc', 'desc'].flatMap((direction) => [
      `/api/requests?sort=${column}:${direction}`,
      `/api/requests?sort=${column}:${direction}&state=${OPEN_REQUEST_STATES.join(',')}`,
    ]),
  );

  it.each(requestLists)('%s', async (list) => {
    const [byOffset, byKey] = await bothWays(specialist, list);
    expect(byOffset.length).toBeGreaterThan(3 * PAGE);
    expect(new Set(byKey).size).toBe(byKey.length);
    expect(byKey).toEqual(byOffset);
  });

  it('the list without a sort pages by key in its default order, drafts (no submission) included', async () => {
    const [byOffset, byKey] = await bothWays(specialist, '/api/requests?mine=true');
    expect(byKey).toEqual(byOffset);
    const [bySubmission] = await bothWays(specialist, '/api/requests?sort=submittedAt:asc');
    const { rows } = await page(specialist, '/api/requests?sort=submittedAt:asc&limit=200');
    expect(
      rows.filter((row) => (row as { submittedAt?: null }).submittedAt === null).length,
    ).toBeGreaterThan(1);
    expect(bySubmission).toEqual(rows.map((row) => row.id));
  });

  const agreementLists = AGREEMENT_SORT_COLUMNS.flatMap((column) =>
    ['asc', 'desc'].map((direction) => `/api/agreements?sort=${column}:${direction}`),
  );

  it.each(agreementLists)('%s', async (list) => {
    const [byOffset, byKey] = await bothWays(procurement, list);
    expect(byOffset.length).toBeGreaterThan(2 * PAGE);
    expect(byKey).toEqual(byOffset);
  });

  it('an offset counts from the cursor', async () => {
    const first = await page(specialist, `/api/requests?sort=unitName:asc&limit=${PAGE}`);
    const skipped = await page(
      specialist,
      `/api/requests?sort=unitName:asc&limit=3&offset=2&after=${first.nextCursor}`,
    );
    const plain = await page(
      specialist,
      `/api/requests?sort=unitName:asc&limit=3&offset=${PAGE + 2}`,
    );
    expect(skipped.rows).toEqual(plain.rows);
  });

  it('the last page says no next cursor', async () => {
    const all = await page(procurement, '/api/agreements?limit=200');
    expect(all.rows.length).toBeLessThan(200);
    expect(all.nextCursor).toBeNull();
  });

  const ID = '00000000-0000-4000-8000-000000000000';
  it.each([
    ['/api/requests', 'number:asc', '2147483647'],
    ['/api/requests', 'number:desc', '-2147483647'],
    ['/api/requests', 'submittedAt:asc', '9999-12-31T23:59:59.999999Z'],
    ['/api/requests', 'createdAt:desc', '0100-01-01T00:00:00.000000Z'],
    ['/api/requests', 'toolName:asc', 'Ünïcødé 🚀 \ud800 \' "%_'],
    ['/api/requests', 'demandCount:desc', null],
    ['/api/agreements', 'annualCost:asc', '-99999999999999999999.99999999999999999999'],
    ['/api/agreements', 'endsOn:desc', '9999-12-31'],
    ['/api/agreements', 'nextDeadline:desc', null],
    ['/api/agreements', 'supplierName:desc', ''],
  ])('%s in %s after a cursor of value %j is answered', async (list, sort, key) => {
    const client = list === '/api/agreements' ? procurement : specialist;
    const after = encodeCursor({ sort, key, id: ID });
    const response = await client.get(`${list}?sort=${sort}&after=${after}`);
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body.rows)).toBe(true);
  });

  it.each([
    ['not base64url', '/api/requests?after=!!!'],
    ['not JSON', `/api/requests?after=${Buffer.from('{nej').toString('base64url')}`],
    [
      'made in another sort',
      `/api/requests?sort=number:asc&after=${encodeCursor({ sort: 'number:desc', key: '1', id: '00000000-0000-4000-8000-000000000000' })}`,
    ],
    [
      'in the default sort named otherwise',
      `/api/agreements?sort=endsOn:desc&after=${encodeCursor({ sort: 'endsOn:asc', key: '2028-01-28', id: '00000000-0000-4000-8000-000000000000' })}`,
    ],
    [
      'a value that is not of the sort’s kind',
      `/api/requests?sort=createdAt:asc&after=${encodeCursor({ sort: 'createdAt:asc', key: '2026-02-30T00:00:00.000000Z', id: '00000000-0000-4000-8000-000000000000' })}`,
    ],
    [
      'a date that is no date',
      `/api/agreements?after=${encodeCursor({ sort: 'endsOn:asc', key: '2028-13-01', id: '00000000-0000-4000-8000-000000000000' })}`,
    ],
    [
      'a number too large',
      `/api/requests?sort=number:asc&after=${encodeCursor({ sort: 'number:asc', key: '99999999999', id: '00000000-0000-4000-8000-000000000000' })}`,
    ],
    [
      'a text with a NUL',
      `/api/agreements?sort=supplierName:asc&after=${encodeCursor({ sort: 'supplierName:asc', key: 'a\u0000', id: '00000000-0000-4000-8000-000000000000' })}`,
    ],
    [
      'no id',
      `/api/requests?after=${Buffer.from(JSON.stringify(['createdAt:desc', null, 'x'])).toString('base64url')}`,
    ],
  ])('a cursor %s is refused with 400 naming after', async (_, path) => {
    const client = path.startsWith('/api/agreements') ? procurement : specialist;
    const response = await client.get(path);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['after']);
  });
});
