import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';

import type { Page, SchoolUnit } from '@licensregistret/domain';

import {
  closeTestDatabase,
  createTestAccount,
  createTestAdministration,
  createTestUnit,
  testDatabase,
  unique,
  uniqueUnitCode,
} from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';

const fields = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((error) => error.field).sort();

describe('/api/school-units', () => {
  let app: NestFastifyApplication;
  let admin: TestClient;
  let administrationId: string;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await signedIn(app, await createTestAccount(['ADMIN']));
    administrationId = await createTestAdministration();
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  const validUnit = () => ({
    administrationId,
    name: unique('Nya skolan F-6'),
    code: uniqueUnitCode(),
    schoolForms: ['GR'],
    compulsoryStages: ['F-3', '4-6'],
    pupilCount: 320,
    networkGroup: 'Söder',
  });

  async function unitCount(): Promise<number> {
    const { rows } = await testDatabase().query(`SELECT count(*)::int AS n FROM school_unit`);
    return rows[0].n as number;
  }

  describe('create, read, update, delete', () => {
    it('creates a unit and reads it back', async () => {
      const principal = await createTestAccount(['PRINCIPAL']);
      const body = { ...validUnit(), principalId: principal.id };

      const created = await admin.post('/api/school-units', body);

      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        ...body,
        principalName: `Test ${principal.username}`,
        version: 1,
      });
      const read = await admin.get(`/api/school-units/${created.body.id}`);
      expect(read.body).toEqual(created.body);
    });

    it('updates with the version read, then refuses a stale version with 409 and the current state', async () => {
      const unit = await createTestUnit({ administrationId });
      const { body: before } = await admin.get(`/api/school-units/${unit.id}`);

      const updated = await admin.patch(`/api/school-units/${unit.id}`, {
        version: before.version,
        pupilCount: 999,
        schoolForms: ['GY'],
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        pupilCount: 999,
        schoolForms: ['GY'],
        compulsoryStages: [],
        version: 2,
      });

      const stale = await admin.patch(`/api/school-units/${unit.id}`, {
        version: before.version,
        pupilCount: 1,
      });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({
        type: 'urn:licensregistret:problem:stale-version',
        current: { pupilCount: 999, version: 2 },
      });
      const { body: after } = await admin.get(`/api/school-units/${unit.id}`);
      expect(after.pupilCount).toBe(999);
    });

    it('deletes a unit, and 404s a unit that does not exist', async () => {
      const unit = await createTestUnit({ administrationId });
      expect((await admin.delete(`/api/school-units/${unit.id}`)).status).toBe(204);
      expect((await admin.get(`/api/school-units/${unit.id}`)).status).toBe(404);
      expect((await admin.delete(`/api/school-units/${unit.id}`)).status).toBe(404);
    });
  });

  describe('bad input: a 4xx naming the field, and nothing written', () => {
    it.each([
      ['an unknown field', { isAdmin: true }, ['isAdmin']],
      ['a malformed school unit code', { code: '1234' }, ['code']],
      ['a code with letters', { code: '1234567X' }, ['code']],
      ['a wrong type', { pupilCount: 'many' }, ['pupilCount']],
      ['a negative pupil count', { pupilCount: -1 }, ['pupilCount']],
      ['an unknown school form', { schoolForms: ['SFI'] }, ['schoolForms']],
      ['no school form', { schoolForms: [] }, ['schoolForms']],
      ['GR without its stages', { compulsoryStages: [] }, ['compulsoryStages']],
      ['stages without GR', { schoolForms: ['GY'] }, ['compulsoryStages']],
      ['an unknown network group', { networkGroup: 'Mitten' }, ['networkGroup']],
      [
        'an administration that does not exist',
        { administrationId: randomUUID() },
        ['administrationId'],
      ],
      ['a principal who is not a principal', { principalId: 'REQUESTER' }, ['principalId']],
      ['a principal id that is not a UUID', { principalId: 'x' }, ['principalId']],
    ])('refuses %s', async (_name, change, expected) => {
      const body: Record<string, unknown> = { ...validUnit(), ...change };
      if (body['principalId'] === 'REQUESTER') {
        body['principalId'] = (await createTestAccount(['REQUESTER'])).id;
      }
      const before = await unitCount();

      const response = await admin.post('/api/school-units', body);

      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fields(response.body)).toEqual(expected);
      expect(await unitCount()).toBe(before);
    });

    it('refuses a duplicate code with 409 naming code', async () => {
      const existing = await createTestUnit({ administrationId });
      const before = await unitCount();

      const response = await admin.post('/api/school-units', {
        ...validUnit(),
        code: existing.code,
      });

      expect(response.status).toBe(409);
      expect(fields(response.body)).toEqual(['code']);
      expect(await unitCount()).toBe(before);
    });

    it('refuses a unit id that is not a UUID with 400 naming id', async () => {
      const response = await admin.get('/api/school-units/not-a-uuid');
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['id']);
    });

    it('refuses an update that breaks the forms rule, leaving the unit as it was', async () => {
      const unit = await createTestUnit({ administrationId });
      const response = await admin.patch(`/api/school-units/${unit.id}`, {
        version: 1,
        compulsoryStages: [],
      });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['compulsoryStages']);
      const { body } = await admin.get(`/api/school-units/${unit.id}`);
      expect(body).toMatchObject({ compulsoryStages: ['7-9'], version: 1 });
    });
  });

  describe('listing', () => {
    const tag = unique('Listskolan');
    beforeAll(async () => {
      const listAdministration = await createTestAdministration();
      await createTestUnit({
        administrationId: listAdministration,
        name: `${tag} C`,
        pupilCount: 100,
        networkGroup: 'Norr',
      });
      await createTestUnit({
        administrationId: listAdministration,
        name: `${tag} A`,
        pupilCount: 300,
        networkGroup: 'Öster',
      });
      await createTestUnit({
        administrationId: listAdministration,
        name: `${tag} B`,
        pupilCount: 200,
        networkGroup: 'Norr',
        schoolForms: ['FS'],
        compulsoryStages: [],
        code: null,
      });
    });

    it('filters by text and pages with the total over all pages', async () => {
      const first = await admin.get(`/api/school-units?q=${tag}&limit=2&offset=0&sort=name:asc`);
      expect(first.status).toBe(200);
      const page = first.body as Page<SchoolUnit>;
      expect(page.total).toBe(3);
      expect(page.rows.map((unit) => unit.name)).toEqual([`${tag} A`, `${tag} B`]);
      const second = await admin.get(`/api/school-units?q=${tag}&limit=2&offset=2&sort=name:asc`);
      expect((second.body as Page<SchoolUnit>).rows.map((unit) => unit.name)).toEqual([`${tag} C`]);
    });

    it('sorts by pupil count descending and filters by network group and school form', async () => {
      const sorted = await admin.get(`/api/school-units?q=${tag}&sort=pupilCount:desc`);
      expect(sorted.body.rows.map((unit: SchoolUnit) => unit.pupilCount)).toEqual([300, 200, 100]);

      const norr = await admin.get(`/api/school-units?q=${tag}&networkGroup=Norr`);
      expect(norr.body.rows.map((unit: SchoolUnit) => unit.name).sort()).toEqual([
        `${tag} B`,
        `${tag} C`,
      ]);

      const preschools = await admin.get(`/api/school-units?q=${tag}&schoolForm=FS`);
      expect(preschools.body.rows.map((unit: SchoolUnit) => unit.name)).toEqual([`${tag} B`]);
    });

    it('treats % and _ in the search text literally', async () => {
      const response = await admin.get(`/api/school-units?q=${encodeURIComponent('%')}`);
      expect(response.status).toBe(200);
      expect(response.body.rows.every((unit: SchoolUnit) => unit.name.includes('%'))).toBe(true);
    });

    it.each([
      ['an unknown sort column', 'sort=password:asc', 'sort'],
      ['a sort without direction', 'sort=name', 'sort'],
      ['a limit over the cap', 'limit=1000', 'limit'],
      ['a negative offset', 'offset=-1', 'offset'],
      ['an unknown filter', 'colour=red', 'colour'],
      ['an unknown school form', 'schoolForm=SFI', 'schoolForm'],
    ])('refuses %s with 400 naming it', async (_name, query, field) => {
      const response = await admin.get(`/api/school-units?${query}`);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });
  });

  describe('unit scoping', () => {
    it('shows requesters and principals their own units only', async () => {
      const own = await createTestUnit({ administrationId });
      const other = await createTestUnit({ administrationId });
      for (const role of ['REQUESTER', 'PRINCIPAL'] as const) {
        const client = await signedIn(app, await createTestAccount([role], { units: [own.id] }));

        const list = await client.get('/api/school-units?limit=200');
        expect(list.body).toEqual({ rows: [expect.objectContaining({ id: own.id })], total: 1 });
        expect((await client.get(`/api/school-units/${own.id}`)).status).toBe(200);
        expect((await client.get(`/api/school-units/${other.id}`)).status).toBe(404);
      }
    });

    it('shows other signed-in roles every unit', async () => {
      const unit = await createTestUnit({ administrationId });
      const specialist = await signedIn(app, await createTestAccount(['OBJECT_SPECIALIST']));
      expect((await specialist.get(`/api/school-units/${unit.id}`)).status).toBe(200);
    });

    it('keeps writes to admins', async () => {
      const unit = await createTestUnit({ administrationId });
      const principal = await signedIn(
        app,
        await createTestAccount(['PRINCIPAL'], { units: [unit.id] }),
      );
      const response = await principal.patch(`/api/school-units/${unit.id}`, {
        version: 1,
        pupilCount: 1,
      });
      expect(response.status).toBe(403);
    });
  });
});
