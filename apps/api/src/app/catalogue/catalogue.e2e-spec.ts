import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import {
  closeTestDatabase,
  createTestAccount,
  createTestSupplier,
  testDatabase,
  unique,
  uniqueOrganisationNumber,
} from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';

const fields = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((error) => error.field).sort();

describe('/api/suppliers and /api/services', () => {
  let app: NestFastifyApplication;
  let procurement: TestClient;
  let specialist: TestClient;

  beforeAll(async () => {
    app = await createTestApp();
    procurement = await signedIn(app, await createTestAccount(['PROCUREMENT']));
    specialist = await signedIn(app, await createTestAccount(['OBJECT_SPECIALIST']));
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  it('creates a supplier with a valid organisation number, and refuses a wrong check digit naming it', async () => {
    const number = uniqueOrganisationNumber();
    const created = await procurement.post('/api/suppliers', {
      name: unique('Läromedel AB'),
      organisationNumber: number,
    });
    expect(created.status).toBe(201);

    const wrong = `${number.slice(0, 10)}${(Number(number[10]) + 1) % 10}`;
    const { rows: before } = await testDatabase().query(`SELECT count(*)::int AS n FROM supplier`);
    const refused = await procurement.post('/api/suppliers', {
      name: unique('Fel AB'),
      organisationNumber: wrong,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { field: 'organisationNumber', messages: ['organisationNumber has a wrong check digit'] },
    ]);
    const { rows: after } = await testDatabase().query(`SELECT count(*)::int AS n FROM supplier`);
    expect(after[0].n).toBe(before[0].n);

    const duplicate = await procurement.post('/api/suppliers', {
      name: unique('Kopia AB'),
      organisationNumber: number,
    });
    expect(duplicate.status).toBe(409);
    expect(fields(duplicate.body)).toEqual(['organisationNumber']);
  });

  it('lets specialists write services; the catalogue lists only approved ones', async () => {
    const supplier = await createTestSupplier();
    const name = unique('Mattespelet');
    const body = {
      name,
      supplierId: supplier.id,
      category: 'SKILLS_TRAINING',
      description: 'Färdighetsträning i matematik.',
      schoolForms: ['GR'],
      languages: ['svenska'],
      webAddress: 'https://matte.example',
      signInMethod: 'FEDERATION',
      personalData: 'PUPILS_ORDINARY',
      dataLocation: 'EU_EEA',
      catalogueStatus: 'UNDER_REVIEW',
    };
    expect((await procurement.post('/api/services', body)).status).toBe(403);
    const created = await specialist.post('/api/services', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name, supplierName: supplier.name, version: 1 });

    expect((await specialist.get(`/api/catalogue?q=${name}`)).body.total).toBe(0);
    const approved = await specialist.patch(`/api/services/${created.body.id}`, {
      version: 1,
      catalogueStatus: 'APPROVED',
    });
    expect(approved.status).toBe(200);
    expect((await specialist.get(`/api/catalogue?q=${name}`)).body.rows).toEqual([
      expect.objectContaining({ id: created.body.id, licensedUnits: [] }),
    ]);

    const history = await specialist.get(`/api/services/${created.body.id}/history`);
    expect(history.body[1].changes).toEqual({
      catalogueStatus: { old: 'UNDER_REVIEW', new: 'APPROVED' },
    });
  });

  it.each([
    ['an unknown category', { category: 'GAMES' }, ['category']],
    ['an unknown sign-in method', { signInMethod: 'PASSWORD' }, ['signInMethod']],
    ['an unknown supplier', { supplierId: '00000000-0000-4000-8000-000000000000' }, ['supplierId']],
    ['a malformed web address', { webAddress: 'matte.example' }, ['webAddress']],
  ])('refuses a service with %s', async (_name, change, expected) => {
    const supplier = await createTestSupplier();
    const response = await specialist.post('/api/services', {
      name: unique('Tjänst'),
      supplierId: supplier.id,
      category: 'SKILLS_TRAINING',
      description: '',
      schoolForms: [],
      signInMethod: 'FEDERATION',
      personalData: 'NONE',
      dataLocation: 'SWEDEN',
      catalogueStatus: 'APPROVED',
      ...change,
    });
    expect(response.status).toBe(400);
    expect(fields(response.body)).toEqual(expected);
  });
});
