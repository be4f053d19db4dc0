import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';

import type { Account } from '@licensregistret/domain';

import {
  closeTestDatabase,
  createTestAccount,
  createTestUnit,
  testDatabase,
  unique,
} from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { TestClient, signedIn } from '../../test/test-client';

const fields = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((error) => error.field).sort();

describe('/api/accounts', () => {
  let app: NestFastifyApplication;
  let admin: TestClient;
  let adminId: string;

  beforeAll(async () => {
    app = await createTestApp();
    const account = await createTestAccount(['ADMIN']);
    adminId = account.id;
    admin = await signedIn(app, account);
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  async function accountCount(): Promise<number> {
    const { rows } = await testDatabase().query(`SELECT count(*)::int AS n FROM account`);
    return rows[0].n as number;
  }

  it('creates a requester for a unit, who can then sign in and sees the unit', async () => {
    const unit = await createTestUnit();
    const username = unique('Anna.Larsson').toLowerCase();
    const response = await admin.post('/api/accounts', {
      username: username.toUpperCase(),
      displayName: 'Anna Larsson',
      email: 'anna.larsson@skola.example',
      roles: ['REQUESTER'],
      schoolUnitIds: [unit.id],
      password: 'ett långt lösenord',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject<Partial<Account>>({
      username,
      roles: ['REQUESTER'],
      schoolUnits: [{ id: unit.id, name: unit.name }],
      active: true,
      version: 1,
    });
    expect(JSON.stringify(response.body)).not.toMatch(/password|argon/i);

    const requester = await new TestClient(app).signIn({
      username,
      password: 'ett långt lösenord',
    });
    expect((await requester.get('/api/auth/me')).body.schoolUnits).toEqual([
      { id: unit.id, name: unit.name },
    ]);
  });

  it.each([
    ['a duplicate username', 409, 'DUPLICATE', ['username']],
    ['a role that does not exist', 400, { roles: ['REQUESTER', 'SUPERUSER'] }, ['roles']],
    ['no role', 400, { roles: [] }, ['roles']],
    ['a unit id that does not exist', 400, { schoolUnitIds: [randomUUID()] }, ['schoolUnitIds']],
    ['a requester without a unit', 400, { schoolUnitIds: [] }, ['schoolUnitIds']],
    ['a malformed e-mail', 400, { email: 'not-an-address' }, ['email']],
    ['a short password', 400, { password: 'kort' }, ['password']],
    ['a username with spaces', 400, { username: 'anna larsson' }, ['username']],
    ['an unknown field', 400, { isAdmin: true }, ['isAdmin']],
  ])(
    'refuses %s with %i naming the field, writing nothing',
    async (_name, status, change, expected) => {
      const unit = await createTestUnit();
      const body: Record<string, unknown> = {
        username: unique('ny'),
        displayName: 'Ny Person',
        email: 'ny@skola.example',
        roles: ['REQUESTER'],
        schoolUnitIds: [unit.id],
      };
      if (change === 'DUPLICATE')
        body['username'] = (await createTestAccount(['READ_ONLY'])).username;
      else Object.assign(body, change);
      const before = await accountCount();

      const response = await admin.post('/api/accounts', body);

      expect(response.status).toBe(status);
      expect(fields(response.body)).toEqual(expected);
      expect(await accountCount()).toBe(before);
    },
  );

  it('changes roles and units in one go, and refuses a stale version', async () => {
    const [first, second] = [await createTestUnit(), await createTestUnit()];
    const account = await createTestAccount(['REQUESTER'], { units: [first.id] });

    const updated = await admin.patch(`/api/accounts/${account.id}`, {
      version: 1,
      roles: ['PRINCIPAL'],
      schoolUnitIds: [second.id],
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      roles: ['PRINCIPAL'],
      schoolUnits: [{ id: second.id }],
      version: 2,
    });

    const stale = await admin.patch(`/api/accounts/${account.id}`, {
      version: 1,
      displayName: 'X',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 2, roles: ['PRINCIPAL'] });
  });

  it('leaves an account unchanged when one unit id of several is unknown', async () => {
    const unit = await createTestUnit();
    const account = await createTestAccount(['REQUESTER'], { units: [unit.id] });
    const response = await admin.patch(`/api/accounts/${account.id}`, {
      version: 1,
      roles: ['REQUESTER', 'PRINCIPAL'],
      schoolUnitIds: [unit.id, randomUUID()],
    });
    expect(response.status).toBe(400);
    expect(fields(response.body)).toEqual(['schoolUnitIds']);
    const { body } = await admin.get(`/api/accounts/${account.id}`);
    expect(body).toMatchObject({
      roles: ['REQUESTER'],
      version: 1,
      schoolUnits: [{ id: unit.id }],
    });
  });

  it('does not let an admin lock themselves out', async () => {
    const { body } = await admin.get(`/api/accounts/${adminId}`);
    const response = await admin.patch(`/api/accounts/${adminId}`, {
      version: body.version,
      active: false,
    });
    expect(response.status).toBe(409);
    expect(fields(response.body)).toEqual(['active']);
  });

  it('lists with a filter by role and text, sorted', async () => {
    const tag = unique('listperson');
    await createTestAccount(['DATA_PROTECTION'], { email: `${tag}-b@x.example` });
    await createTestAccount(['DATA_PROTECTION'], { email: `${tag}-a@x.example` });
    await createTestAccount(['PROCUREMENT'], { email: `${tag}-c@x.example` });

    const response = await admin.get(`/api/accounts?q=${tag}&role=DATA_PROTECTION&sort=email:desc`);

    expect(response.status).toBe(200);
    expect(response.body.total).toBe(2);
    expect(response.body.rows.map((row: Account) => row.email)).toEqual([
      `${tag}-b@x.example`,
      `${tag}-a@x.example`,
    ]);
  });
});
