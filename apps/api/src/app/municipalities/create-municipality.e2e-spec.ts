import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { hash } from '@node-rs/argon2';
import { DataSource } from 'typeorm';

import { closeTestDatabase, testDatabase } from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { TestClient } from '../../test/test-client';
import { createMunicipality } from './create-municipality';

describe('the national administrator adds a municipality', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  it('with its first administrator, who signs in to it and sees only it', async () => {
    // As the API's own role (row-level security holds): nothing of another municipality is read.
    const created = await app.get(DataSource).transaction((manager) =>
      createMunicipality(
        manager,
        {
          name: 'Hallsbergs kommun',
          administrationName: 'Bildningsförvaltningen',
          admin: { username: 'Anna.A', displayName: 'Anna Admin', email: 'anna@hallsberg.example' },
        },
        (password) => hash(password),
      ),
    );
    expect(created.slug).toBe('hallsbergs-kommun');

    const admin = await new TestClient(app).signIn({
      municipality: 'hallsbergs-kommun',
      username: 'anna.a',
      password: created.adminPassword,
    });
    const me = await admin.get('/api/auth/me');
    expect(me.body).toMatchObject({ id: created.adminId, roles: ['ADMIN'] });
    expect((await admin.get('/api/accounts')).body.total).toBe(1);
    const administrations = await admin.get('/api/administrations');
    expect(administrations.body.map((row: { name: string }) => row.name)).toEqual([
      'Bildningsförvaltningen',
    ]);
    expect((await admin.get('/api/school-units')).body.total).toBe(0);
    const { rows } = await testDatabase().query(
      `SELECT count(*)::int AS n FROM account WHERE municipality_id = $1`,
      [created.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses a second municipality of the same name or slug, writing nothing', async () => {
    const make = () =>
      app.get(DataSource).transaction((manager) =>
        createMunicipality(
          manager,
          {
            name: 'Askersunds kommun',
            slug: 'askersund',
            administrationName: 'Förvaltningen',
            admin: { username: 'admin', displayName: 'Admin', email: 'admin@askersund.example' },
          },
          (password) => hash(password),
        ),
      );
    await make();
    await expect(make()).rejects.toThrow(/municipality_(name|slug)_key/);
    const { rows } = await testDatabase().query(
      `SELECT count(*)::int AS n FROM municipality WHERE slug = 'askersund'`,
    );
    expect(rows[0].n).toBe(1);
  });
});
