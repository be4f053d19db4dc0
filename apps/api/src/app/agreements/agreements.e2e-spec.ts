import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

import {
  type Agreement,
  type CostSplit,
  addDays,
  addMonths,
  todayInSweden,
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

const fields = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((error) => error.field).sort();

describe('/api/agreements', () => {
  let app: NestFastifyApplication;
  let procurement: TestClient;
  let supplierId: string;

  beforeAll(async () => {
    app = await createTestApp();
    procurement = await signedIn(app, await createTestAccount(['PROCUREMENT']));
    supplierId = (await createTestSupplier()).id;
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  async function agreementCount(): Promise<number> {
    const { rows } = await testDatabase().query(`SELECT count(*)::int AS n FROM agreement`);
    return rows[0].n as number;
  }

  it('creates an agreement and derives its status and deadlines, never stored as typed', async () => {
    const today = todayInSweden();
    const endsOn = addMonths(addDays(today, 20), 6);
    const response = await procurement.post(
      '/api/agreements',
      agreementBody(supplierId, {
        startsOn: addMonths(today, -12),
        signedOn: addMonths(today, -12),
        endsOn,
        renewsAutomatically: true,
      }),
    );
    expect(response.status).toBe(201);
    const agreement = response.body as Agreement;
    expect(agreement).toMatchObject({
      status: 'ACTION_NEEDED',
      lastDayToGiveNotice: addDays(today, 20),
      nextDeadline: { kind: 'NOTICE', date: addDays(today, 20), actionFrom: addDays(today, -40) },
      extensionOptionsLeft: 2,
      annualCost: 120000.5,
      version: 1,
    });
    const readBack = await procurement.get(`/api/agreements/${agreement.id}`);
    expect(readBack.body).toEqual(agreement);
  });

  describe('bad input: a 4xx naming the field, nothing written', () => {
    it.each([
      [
        'an end before the start',
        { startsOn: '2026-02-01', endsOn: '2026-01-31' },
        400,
        ['endsOn'],
      ],
      [
        'a notice period longer than the agreement',
        { endsOn: '2026-07-31', noticePeriodMonths: 6 },
        400,
        ['noticePeriodMonths'],
      ],
      ['a negative cost', { annualCost: -1 }, 400, ['annualCost']],
      ['a non-numeric cost', { annualCost: '12 000 kr' }, 400, ['annualCost']],
      ['a cost with fractions of an öre', { annualCost: 10.555 }, 400, ['annualCost']],
      ['a date that does not exist', { endsOn: '2027-02-29' }, 400, ['endsOn']],
      [
        'more options used than there are',
        { extensionOptionsUsed: 3 },
        400,
        ['extensionOptionsUsed'],
      ],
      ['an unknown supplier', { supplierId: randomUUID() }, 400, ['supplierId']],
      ['an owner who is not an object manager', { ownerId: 'REQUESTER' }, 400, ['ownerId']],
      ['an unknown field', { discount: 10 }, 400, ['discount']],
      [
        'a malformed document link',
        { documents: [{ title: 'Avtal', url: 'not a url' }] },
        400,
        ['documents.0.url'],
      ],
    ])('refuses %s', async (_name, change, status, expected) => {
      const body = agreementBody(supplierId, change);
      if (body['ownerId'] === 'REQUESTER')
        body['ownerId'] = (await createTestAccount(['REQUESTER'])).id;
      const before = await agreementCount();
      const response = await procurement.post('/api/agreements', body);
      expect(response.status).toBe(status);
      expect(fields(response.body)).toEqual(expected);
      expect(await agreementCount()).toBe(before);
    });

    it('refuses a duplicate agreement number for the same supplier with 409', async () => {
      const first = await procurement.post('/api/agreements', agreementBody(supplierId));
      const response = await procurement.post(
        '/api/agreements',
        agreementBody(supplierId, { agreementNumber: first.body.agreementNumber }),
      );
      expect(response.status).toBe(409);
      expect(fields(response.body)).toEqual(['agreementNumber']);
    });
  });

  it('updates with the version read, records old and new values with who, and refuses a stale version', async () => {
    const account = await createTestAccount(['OBJECT_MANAGER']);
    const manager = await signedIn(app, account);
    const { body: created } = await procurement.post('/api/agreements', agreementBody(supplierId));

    const updated = await manager.patch(`/api/agreements/${created.id}`, {
      version: 1,
      annualCost: 99000,
      extensionOptionsUsed: 1,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      annualCost: 99000,
      extensionOptionsUsed: 1,
      extensionOptionsLeft: 1,
      version: 2,
    });

    const stale = await procurement.patch(`/api/agreements/${created.id}`, {
      version: 1,
      annualCost: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ annualCost: 99000, version: 2 });

    const history = await procurement.get(`/api/agreements/${created.id}/history`);
    expect(history.body).toHaveLength(2);
    expect(history.body[0]).toMatchObject({ kind: 'created' });
    expect(history.body[1]).toMatchObject({
      kind: 'updated',
      actorName: `Test ${account.username}`,
      changes: {
        annualCost: { old: 120000.5, new: 99000 },
        extensionOptionsUsed: { old: 0, new: 1 },
      },
    });
  });

  it('keeps the reason given for a change with the change in the history, and refuses a too long one', async () => {
    const { body: created } = await procurement.post('/api/agreements', agreementBody(supplierId));
    const tooLong = await procurement.patch(`/api/agreements/${created.id}`, {
      version: 1,
      caseNumber: 'Bou 2025/1',
      reason: 'x'.repeat(1001),
    });
    expect(tooLong.status).toBe(400);
    expect(fields(tooLong.body)).toEqual(['reason']);

    const response = await procurement.patch(`/api/agreements/${created.id}`, {
      version: 1,
      caseNumber: 'Bou 2025/1',
      reason: '  Fel diarienummer vid registreringen  ',
    });
    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty('reason');
    const { rows } = await testDatabase().query(
      `SELECT kind, message, changes FROM event
        WHERE subject_type = 'agreement' AND subject_id = $1 ORDER BY id`,
      [created.id],
    );
    expect(rows.map((row) => [row.kind, row.message])).toEqual([
      ['created', null],
      ['updated', 'Fel diarienummer vid registreringen'],
    ]);
    expect(Object.keys(rows[1].changes)).toEqual(['caseNumber']);
  });

  it('refuses an update that breaks a rule across fields, leaving the agreement as it was', async () => {
    const { body: created } = await procurement.post('/api/agreements', agreementBody(supplierId));
    const response = await procurement.patch(`/api/agreements/${created.id}`, {
      version: 1,
      noticePeriodMonths: 48,
    });
    expect(response.status).toBe(400);
    expect(fields(response.body)).toEqual(['noticePeriodMonths']);
    const { body } = await procurement.get(`/api/agreements/${created.id}`);
    expect(body).toMatchObject({ noticePeriodMonths: 6, version: 1 });
    expect((await procurement.get(`/api/agreements/${created.id}/history`)).body).toHaveLength(1);
  });

  it('lets procurement and object managers write, everyone signed in read', async () => {
    const specialist = await signedIn(app, await createTestAccount(['OBJECT_SPECIALIST']));
    expect((await specialist.post('/api/agreements', agreementBody(supplierId))).status).toBe(403);
    expect((await specialist.get('/api/agreements')).status).toBe(200);
  });

  describe('the list', () => {
    let tagSupplier: string;
    const today = todayInSweden();
    beforeAll(async () => {
      tagSupplier = (await createTestSupplier()).id;
      const make = (overrides: Record<string, unknown>) =>
        procurement.post(
          '/api/agreements',
          agreementBody(tagSupplier, {
            startsOn: addMonths(today, -24),
            signedOn: addMonths(today, -24),
            ...overrides,
          }),
        );
      await make({ agreementNumber: 'L-ACTIVE', endsOn: addMonths(today, 20), annualCost: 300 });
      await make({ agreementNumber: 'L-EXPIRED', endsOn: addDays(today, -1), annualCost: 100 });
      await make({
        agreementNumber: 'L-EXPIRING',
        endsOn: addDays(today, 30),
        noticePeriodMonths: 1,
        annualCost: 200,
      });
      await make({
        agreementNumber: 'L-DRAFT',
        signedOn: null,
        endsOn: addMonths(today, 20),
        annualCost: 400,
      });
      await make({
        agreementNumber: 'L-PASSED',
        endsOn: addDays(addMonths(today, 6), 10),
        noticePeriodMonths: 7,
        renewsAutomatically: true,
        annualCost: 500,
      });
    });

    const numbers = (body: { rows: Agreement[] }) => body.rows.map((row) => row.agreementNumber);

    it('filters by status in SQL, agreeing with each row’s derived status', async () => {
      for (const [status, expected] of [
        ['ACTIVE', ['L-ACTIVE']],
        ['EXPIRED', ['L-EXPIRED']],
        ['EXPIRING', ['L-EXPIRING']],
        ['DRAFT', ['L-DRAFT']],
        ['NOTICE_WINDOW_PASSED', ['L-PASSED']],
        ['EXPIRED,DRAFT', ['L-EXPIRED', 'L-DRAFT']],
      ] as const) {
        const response = await procurement.get(
          `/api/agreements?supplierId=${tagSupplier}&status=${status}&sort=endsOn:asc`,
        );
        expect(response.status).toBe(200);
        expect(numbers(response.body).sort()).toEqual([...expected].sort());
        expect(
          response.body.rows.every((row: Agreement) => status.split(',').includes(row.status)),
        ).toBe(true);
        expect(response.body.total).toBe(expected.length);
      }
    });

    it('sorts by cost and by end date, and pages with a total', async () => {
      const byCost = await procurement.get(
        `/api/agreements?supplierId=${tagSupplier}&sort=annualCost:desc&limit=2`,
      );
      expect(numbers(byCost.body)).toEqual(['L-PASSED', 'L-DRAFT']);
      expect(byCost.body.total).toBe(5);
      const byEnd = await procurement.get(
        `/api/agreements?supplierId=${tagSupplier}&sort=endsOn:asc&limit=1&offset=1`,
      );
      expect(numbers(byEnd.body)).toEqual(['L-EXPIRING']);
    });

    it('filters by the last day to give notice', async () => {
      const response = await procurement.get(
        `/api/agreements?supplierId=${tagSupplier}&noticeFrom=${addMonths(today, 12)}&noticeTo=${addMonths(today, 15)}`,
      );
      expect(numbers(response.body).sort()).toEqual(['L-ACTIVE', 'L-DRAFT']);
    });

    it('refuses a free-text search, which no index could serve', async () => {
      expect((await procurement.get('/api/agreements?q=poly')).status).toBe(400);
    });

    it('filters by cost and end date ranges', async () => {
      const response = await procurement.get(
        `/api/agreements?supplierId=${tagSupplier}&minCost=150&maxCost=450&endsFrom=${today}`,
      );
      expect(numbers(response.body).sort()).toEqual(['L-ACTIVE', 'L-DRAFT', 'L-EXPIRING']);
    });

    it.each([
      ['an unknown status', 'status=LATE', 'status'],
      ['an unknown sort column', 'sort=caseNumber:asc', 'sort'],
      ['a malformed date', 'endsFrom=2026-13-01', 'endsFrom'],
      ['a non-numeric cost', 'minCost=lots', 'minCost'],
    ])('refuses %s with 400 naming it', async (_name, query, field) => {
      const response = await procurement.get(`/api/agreements?${query}`);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it('reads a page in the same number of queries whatever its size (no query per row)', async () => {
      const dataSource = app.get(DataSource);
      const spy = jest.spyOn(dataSource, 'query');
      try {
        await procurement.get(`/api/agreements?supplierId=${tagSupplier}&limit=1`);
        const small = spy.mock.calls.length;
        spy.mockClear();
        await procurement.get(
          `/api/agreements?supplierId=${tagSupplier}&limit=50&status=ACTIVE,EXPIRED,DRAFT,EXPIRING,NOTICE_WINDOW_PASSED`,
        );
        expect(spy.mock.calls.length).toBe(small);
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('cost split', () => {
    it('splits a per-pupil agreement over the units its licences reach, adding up to the öre', async () => {
      const supplier = await createTestSupplier();
      const service = await createTestService(supplier.id);
      const units = [
        await createTestUnit({ pupilCount: 101 }),
        await createTestUnit({ pupilCount: 203 }),
        await createTestUnit({ pupilCount: 307 }),
      ];
      const { body: agreement } = await procurement.post(
        '/api/agreements',
        agreementBody(supplier.id, { annualCost: 100000.01, costModel: 'PER_PUPIL' }),
      );
      const licence = await procurement.post('/api/licences', {
        agreementId: agreement.id,
        serviceId: service.id,
        scope: 'UNITS',
        unitIds: units.map((unit) => unit.id),
        startsOn: '2026-02-01',
        endsOn: '2028-01-31',
      });
      expect(licence.status).toBe(201);

      const response = await procurement.get(`/api/agreements/${agreement.id}/cost-split`);
      const split = response.body as CostSplit;
      expect(split.rows.map((row) => row.pupils).sort()).toEqual([101, 203, 307]);
      const totalOre = split.rows.reduce((sum, row) => sum + Math.round(row.amount * 100), 0);
      expect(totalOre).toBe(10_000_001);
      const byPupils = Object.fromEntries(split.rows.map((row) => [row.pupils, row.amount]));
      expect(byPupils[101]).toBeCloseTo((100000.01 * 101) / 611, 1);
    });
  });
});
