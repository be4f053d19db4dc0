import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { hash } from '@node-rs/argon2';
import { Client } from 'pg';

import {
  TEST_PASSWORD,
  closeTestDatabase,
  createTestAccount,
  createTestMunicipality,
  createTestService,
  createTestSupplier,
  inMunicipality,
  testDatabase,
} from '../../test/factories';
import { createScratchDatabase } from '../../test/scratch-database';
import { createTestApp } from '../../test/test-app';
import { TestClient } from '../../test/test-client';
import { TEST_MUNICIPALITY } from '../../test/test-databases';

describe('municipalities of one registry', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  async function signInAnswer(body: Record<string, unknown>) {
    const client = new TestClient(app);
    await client.get('/api/auth/config');
    return { client, response: await client.post('/api/auth/login', body) };
  }

  it('signs in without naming the municipality while the registry serves one', async () => {
    // A registry of its own: this file's has several municipalities by now.
    const single = await createScratchDatabase('one_municipality');
    const db = new Client({ connectionString: single.url });
    const singleApp = await createTestApp({}, single.url);
    try {
      await db.connect();
      await db.query(
        `INSERT INTO account (username, display_name, email, roles, password_hash)
         VALUES ('ensam', 'Ensam Användare', 'ensam@test.example', '{REQUESTER}', $1)`,
        [await hash(TEST_PASSWORD)],
      );
      const client = new TestClient(singleApp);
      await client.get('/api/auth/config');
      const response = await client.post('/api/auth/login', {
        username: 'ensam',
        password: TEST_PASSWORD,
      });
      expect(response.status).toBe(200);
    } finally {
      await singleApp.close();
      await db.end();
      await single.drop();
    }
  });

  it('lists the municipalities by name, without signing in', async () => {
    const other = await createTestMunicipality('Östra Testkommun');
    const response = await new TestClient(app).get('/api/municipalities');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(
      expect.arrayContaining([
        { slug: TEST_MUNICIPALITY.slug, name: TEST_MUNICIPALITY.name },
        { slug: other.slug, name: other.name },
      ]),
    );
    const names = (response.body as { name: string }[]).map((row) => row.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'sv')));
  });

  it('signs in to the municipality named: the same user name is another account in each', async () => {
    const other = await createTestMunicipality();
    const here = await createTestAccount(['REQUESTER']);
    const there = await inMunicipality(other, () => createTestAccount(['ADMIN']));
    await testDatabase().query(`UPDATE account SET username = $1 WHERE id = $2`, [
      here.username,
      there.id,
    ]);

    const { response: inOther } = await signInAnswer({
      municipality: other.slug,
      username: here.username,
      password: there.password,
    });
    expect(inOther.status).toBe(200);
    expect(inOther.body).toMatchObject({ id: there.id, roles: ['ADMIN'] });

    const { response: inOwn } = await signInAnswer({
      municipality: TEST_MUNICIPALITY.slug,
      username: here.username,
      password: here.password,
    });
    expect(inOwn.body).toMatchObject({ id: here.id, roles: ['REQUESTER'] });
  });

  it('asks which municipality once there are several, and refuses an unknown one (400)', async () => {
    await createTestMunicipality();
    const account = await createTestAccount(['REQUESTER']);
    const { response: unnamed } = await signInAnswer({
      username: account.username,
      password: account.password,
    });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors).toEqual([
      { field: 'municipality', messages: [expect.stringMatching(/several/)] },
    ]);
    const { response: unknown } = await signInAnswer({
      municipality: 'ingen-sadan-kommun',
      username: account.username,
      password: account.password,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('municipality');
  });

  it('shows each municipality’s decided services on its own public list', async () => {
    const other = await createTestMunicipality();
    const approvedHere = await createTestService((await createTestSupplier()).id);
    const approvedThere = await inMunicipality(other, async () =>
      createTestService((await createTestSupplier()).id),
    );
    const names = async (slug: string) =>
      (
        (await new TestClient(app).get(`/api/public/services?municipality=${slug}`)).body as {
          name: string;
        }[]
      ).map((row) => row.name);

    expect(await names(TEST_MUNICIPALITY.slug)).toContain(approvedHere.name);
    expect(await names(TEST_MUNICIPALITY.slug)).not.toContain(approvedThere.name);
    expect(await names(other.slug)).toEqual([approvedThere.name]);
  });
});
