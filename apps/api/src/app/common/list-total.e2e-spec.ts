import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import {
  closeTestDatabase,
  createTestAccount,
  createTestService,
  createTestSupplier,
  createTestUnit,
} from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';

/** Every server-paged list: a grid counts with its first page and asks later ones without. */
const LISTS = [
  '/api/school-units',
  '/api/accounts',
  '/api/suppliers',
  '/api/services',
  '/api/catalogue',
  '/api/agreements',
  '/api/licences',
  '/api/requests',
  '/api/notifications',
];

describe('the total of a list page', () => {
  let app: NestFastifyApplication;
  let client: TestClient;

  beforeAll(async () => {
    app = await createTestApp();
    const unit = await createTestUnit();
    await createTestService((await createTestSupplier()).id);
    client = await signedIn(
      app,
      await createTestAccount(['ADMIN', 'OBJECT_SPECIALIST'], { units: [unit.id] }),
    );
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  it.each(LISTS)('%s counts unless asked withTotal=false', async (path) => {
    const counted = await client.get(`${path}?limit=1`);
    expect(counted.status).toBe(200);
    expect(counted.body.total).toEqual(expect.any(Number));

    const uncounted = await client.get(`${path}?limit=1&withTotal=false`);
    expect(uncounted.status).toBe(200);
    expect(uncounted.body.total).toBeNull();
    expect(uncounted.body.rows).toHaveLength(counted.body.rows.length);

    const refused = await client.get(`${path}?withTotal=yes`);
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual([
      'withTotal',
    ]);
  });
});
