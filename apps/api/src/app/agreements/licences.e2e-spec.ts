import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';

import { addMonths, todayInSweden } from '@licensregistret/domain';

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

describe('/api/licences and what they cover', () => {
  let app: NestFastifyApplication;
  let procurement: TestClient;
  const today = todayInSweden();
  const period = { startsOn: addMonths(today, -6), endsOn: addMonths(today, 18) };

  beforeAll(async () => {
    app = await createTestApp();
    procurement = await signedIn(app, await createTestAccount(['PROCUREMENT']));
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  async function agreementFor(overrides: Record<string, unknown> = {}) {
    const supplier = await createTestSupplier();
    const service = await createTestService(supplier.id);
    const { body } = await procurement.post(
      '/api/agreements',
      agreementBody(supplier.id, { signedOn: period.startsOn, ...period, ...overrides }),
    );
    return { agreementId: body.id as string, serviceId: service.id, serviceName: service.name };
  }

  async function licenceCount(): Promise<number> {
    const { rows } = await testDatabase().query(`SELECT count(*)::int AS n FROM licence`);
    return rows[0].n as number;
  }

  it('answers which services a unit has, under which agreement, until when, and which units lack one', async () => {
    const { agreementId, serviceId, serviceName } = await agreementFor();
    const gr = await createTestUnit({ schoolForms: ['GR'], compulsoryStages: ['4-6'] });
    const gy = await createTestUnit({ schoolForms: ['GY'], compulsoryStages: [] });
    const created = await procurement.post('/api/licences', {
      agreementId,
      serviceId,
      scope: 'SCHOOL_FORMS',
      schoolForms: ['GR'],
      ...period,
    });
    expect(created.status).toBe(201);

    // Other tests of this file license other services to every unit; this one asks about its own.
    const ofThisService = (body: { serviceId: string }[]) =>
      body.filter((licence) => licence.serviceId === serviceId);
    const ofUnit = await procurement.get(`/api/school-units/${gr.id}/licences`);
    expect(ofThisService(ofUnit.body)).toEqual([
      expect.objectContaining({
        serviceId,
        serviceName,
        agreementId,
        scope: 'SCHOOL_FORMS',
        endsOn: period.endsOn,
      }),
    ]);
    const ofOtherUnit = await procurement.get(`/api/school-units/${gy.id}/licences`);
    expect(ofOtherUnit.status).toBe(200);
    expect(ofThisService(ofOtherUnit.body)).toEqual([]);

    const lacking = await procurement.get(`/api/services/${serviceId}/units-without-licence`);
    const lackingIds = lacking.body.map((unit: { id: string }) => unit.id);
    expect(lackingIds).toContain(gy.id);
    expect(lackingIds).not.toContain(gr.id);
  });

  it('shows a requester the catalogue with "your unit has this" for its own unit only', async () => {
    const { agreementId, serviceId, serviceName } = await agreementFor();
    const own = await createTestUnit();
    await procurement.post('/api/licences', {
      agreementId,
      serviceId,
      scope: 'UNITS',
      unitIds: [own.id],
      ...period,
    });
    const requester = await signedIn(
      app,
      await createTestAccount(['REQUESTER'], { units: [own.id] }),
    );

    const response = await requester.get(`/api/catalogue?q=${encodeURIComponent(serviceName)}`);

    expect(response.body.rows).toEqual([
      expect.objectContaining({
        id: serviceId,
        licensedUnits: [expect.objectContaining({ unitId: own.id, agreementId })],
      }),
    ]);
    const other = await createTestUnit();
    expect((await requester.get(`/api/catalogue?unitId=${other.id}`)).status).toBe(404);
    expect((await requester.get(`/api/school-units/${other.id}/licences`)).status).toBe(404);
  });

  describe('bad input: a 4xx naming the field, nothing written', () => {
    it('refuses units outside the agreement’s scope', async () => {
      const { agreementId, serviceId } = await agreementFor({ scopeSchoolForms: ['GY'] });
      const gr = await createTestUnit({ schoolForms: ['GR'], compulsoryStages: ['7-9'] });
      const before = await licenceCount();
      const response = await procurement.post('/api/licences', {
        agreementId,
        serviceId,
        scope: 'UNITS',
        unitIds: [gr.id],
        ...period,
      });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['unitIds']);
      expect(response.body.errors[0].messages[0]).toMatch(/outside the agreement's scope/);
      expect(await licenceCount()).toBe(before);
    });

    it('refuses school forms outside the agreement’s scope, and the whole municipality for a limited one', async () => {
      const { agreementId, serviceId } = await agreementFor({ scopeSchoolForms: ['GY'] });
      const forms = await procurement.post('/api/licences', {
        agreementId,
        serviceId,
        scope: 'SCHOOL_FORMS',
        schoolForms: ['GY', 'GR'],
        ...period,
      });
      expect(fields(forms.body)).toEqual(['schoolForms']);
      const municipality = await procurement.post('/api/licences', {
        agreementId,
        serviceId,
        scope: 'MUNICIPALITY',
        ...period,
      });
      expect(fields(municipality.body)).toEqual(['scope']);
    });

    it('refuses a seat count below the seats in use with 409, on create and on update', async () => {
      const { agreementId, serviceId } = await agreementFor();
      const before = await licenceCount();
      const refused = await procurement.post('/api/licences', {
        agreementId,
        serviceId,
        scope: 'MUNICIPALITY',
        seatCount: 10,
        seatsInUse: 11,
        ...period,
      });
      expect(refused.status).toBe(409);
      expect(fields(refused.body)).toEqual(['seatCount']);
      expect(await licenceCount()).toBe(before);

      const { body: licence } = await procurement.post('/api/licences', {
        agreementId,
        serviceId,
        scope: 'MUNICIPALITY',
        seatCount: 50,
        seatsInUse: 40,
        ...period,
      });
      const lowered = await procurement.patch(`/api/licences/${licence.id}`, {
        version: 1,
        seatCount: 39,
      });
      expect(lowered.status).toBe(409);
      expect((await procurement.get(`/api/licences/${licence.id}`)).body.seatCount).toBe(50);
    });

    it.each([
      ['a period past the agreement', { endsOn: '2099-12-31' }, ['endsOn']],
      ['an end before the start', { startsOn: '2027-06-01', endsOn: '2027-05-01' }, ['endsOn']],
      ['an unknown unit', { scope: 'UNITS', unitIds: [randomUUID()] }, ['unitIds']],
      ['named units without any', { scope: 'UNITS', unitIds: [] }, ['unitIds']],
      ['an unknown service', { serviceId: randomUUID() }, ['serviceId']],
      ['an unknown agreement', { agreementId: randomUUID() }, ['agreementId']],
      ['a negative seat count', { seatCount: -1 }, ['seatCount']],
    ])('refuses %s', async (_name, change, expected) => {
      const { agreementId, serviceId } = await agreementFor();
      const before = await licenceCount();
      const response = await procurement.post('/api/licences', {
        agreementId,
        serviceId,
        scope: 'MUNICIPALITY',
        startsOn: addMonths(today, -1),
        endsOn: addMonths(today, 1),
        ...change,
      });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(expected);
      expect(await licenceCount()).toBe(before);
    });
  });

  it('records every change to a licence in its history', async () => {
    const { agreementId, serviceId } = await agreementFor();
    const { body: licence } = await procurement.post('/api/licences', {
      agreementId,
      serviceId,
      scope: 'MUNICIPALITY',
      seatCount: 5,
      ...period,
    });
    await procurement.patch(`/api/licences/${licence.id}`, { version: 1, seatCount: 8 });
    const history = await procurement.get(`/api/licences/${licence.id}/history`);
    expect(history.body.map((entry: { kind: string }) => entry.kind)).toEqual([
      'created',
      'updated',
    ]);
    expect(history.body[1].changes).toEqual({ seatCount: { old: 5, new: 8 } });
  });

  it('takes any UUID as an id, in a filter and a body as in a path (not only version 4)', async () => {
    const { agreementId, serviceId } = await agreementFor();
    // As an import or another system may have made it: version digit 0, as the benchmark's are.
    const id = '000d7047-52da-a424-cdb8-3042aac187a0';
    await testDatabase().query('UPDATE agreement SET id = $2 WHERE id = $1', [agreementId, id]);
    expect((await procurement.get(`/api/agreements/${id}`)).status).toBe(200);
    const created = await procurement.post('/api/licences', {
      agreementId: id,
      serviceId,
      scope: 'MUNICIPALITY',
      ...period,
    });
    expect(created.status).toBe(201);
    const listed = await procurement.get(`/api/licences?agreementId=${id}`);
    expect(listed.status).toBe(200);
    expect(listed.body.rows.map((row: { id: string }) => row.id)).toEqual([created.body.id]);
    const junk = await procurement.get('/api/licences?agreementId=000d7047-52da-a424-cdb8');
    expect(junk.status).toBe(400);
    expect(fields(junk.body)).toEqual(['agreementId']);
  });

  it('gives the coverage of units × municipality-wide services', async () => {
    const { agreementId, serviceId } = await agreementFor();
    await procurement.post('/api/licences', {
      agreementId,
      serviceId,
      scope: 'MUNICIPALITY',
      ...period,
    });
    const unit = await createTestUnit();
    const response = await procurement.get('/api/coverage');
    expect(response.body.services).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: serviceId })]),
    );
    const row = response.body.units.find((candidate: { id: string }) => candidate.id === unit.id);
    expect(row.coveredServiceIds).toContain(serviceId);
  });
});
