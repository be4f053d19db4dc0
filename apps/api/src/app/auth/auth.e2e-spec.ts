import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import {
  type TestAccount,
  closeTestDatabase,
  createTestAccount,
  createTestUnit,
  testDatabase,
} from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { TestClient, signedIn } from '../../test/test-client';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from './login-throttle.service';

const credentials = ({ username, password }: TestAccount) => ({ username, password });

describe('sign-in, sessions and CSRF', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  describe('POST /api/auth/login', () => {
    it('signs in, sets an httpOnly SameSite=Lax session cookie and a readable CSRF cookie', async () => {
      const unit = await createTestUnit();
      const account = await createTestAccount(['REQUESTER'], { units: [unit.id] });
      const client = new TestClient(app);
      await client.get('/api/auth/config');

      const response = await client.post('/api/auth/login', {
        username: account.username.toUpperCase(),
        password: account.password,
      });

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: account.id,
        username: account.username,
        displayName: `Test ${account.username}`,
        email: `${account.username}@test.example`,
        roles: ['REQUESTER'],
        schoolUnits: [{ id: unit.id, name: unit.name }],
      });
      const cookies = response.headers['set-cookie'] as unknown as string[];
      const session = cookies.find((cookie) => cookie.startsWith('lr_session='));
      const xsrf = cookies.find((cookie) => cookie.startsWith('XSRF-TOKEN='));
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/SameSite=Lax/);
      expect(session).not.toMatch(/Secure/);
      expect(xsrf).not.toMatch(/HttpOnly/);

      const me = await client.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.username).toBe(account.username);
    });

    it('marks the cookies Secure when served over https (behind a TLS proxy)', async () => {
      const account = await createTestAccount(['READ_ONLY']);
      const anonymous = await request(app.getHttpServer())
        .get('/api/auth/config')
        .set('X-Forwarded-Proto', 'https');
      const xsrf = (anonymous.headers['set-cookie'] as unknown as string[])[0] as string;
      const token = xsrf.split(';')[0]?.split('=')[1] as string;
      const response = await request(app.getHttpServer())
        .post('/api/auth/login')
        .set('X-Forwarded-Proto', 'https')
        .set('Cookie', `XSRF-TOKEN=${token}`)
        .set('X-XSRF-TOKEN', token)
        .send({ username: account.username, password: account.password })
        .expect(200);
      for (const cookie of response.headers['set-cookie'] as unknown as string[]) {
        expect(cookie).toMatch(/; Secure/);
      }
    });

    it('answers a wrong password, an unknown user and a deactivated account alike with 401', async () => {
      const account = await createTestAccount(['READ_ONLY']);
      const inactive = await createTestAccount(['READ_ONLY'], { active: false });
      for (const attempt of [
        { username: account.username, password: 'wrong password' },
        { username: 'nobody-here', password: 'whatever' },
        { username: inactive.username, password: inactive.password },
      ]) {
        const client = new TestClient(app);
        await client.get('/api/auth/config');
        const response = await client.post('/api/auth/login', attempt);
        expect(response.status).toBe(401);
        expect(response.body).toMatchObject({ status: 401, detail: 'Wrong username or password.' });
        expect(client.sessionToken).toBeUndefined();
      }
    });

    it('names the refused fields of a malformed body', async () => {
      const client = new TestClient(app);
      await client.get('/api/auth/config');
      const response = await client.post('/api/auth/login', { username: 42, admin: true });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'admin',
        'password',
        'username',
      ]);
    });

    it('stores only a hash of the session token and an argon2id hash of the password', async () => {
      const account = await createTestAccount(['READ_ONLY']);
      const client = await signedIn(app, account);
      const { rows } = await testDatabase().query(
        `SELECT s.token_hash, a.password_hash FROM session s JOIN account a ON a.id = s.account_id
          WHERE a.id = $1`,
        [account.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).not.toBe(client.sessionToken);
      expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    });
  });

  describe('sessions', () => {
    it('GET /api/auth/me is 401 when signed out', async () => {
      const response = await new TestClient(app).get('/api/auth/me');
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('logout ends the session on the server, so the old cookie no longer works', async () => {
      const account = await createTestAccount(['READ_ONLY']);
      const client = await signedIn(app, account);
      const stolenCookie = `lr_session=${client.sessionToken}`;

      expect((await client.post('/api/auth/logout')).status).toBe(204);

      expect((await client.get('/api/auth/me')).status).toBe(401);
      await request(app.getHttpServer())
        .get('/api/auth/me')
        .set('Cookie', stolenCookie)
        .expect(401);
    });

    it('expires after the idle time', async () => {
      const account = await createTestAccount(['READ_ONLY']);
      const client = await signedIn(app, account);
      await testDatabase().query(
        `UPDATE session SET last_seen_at = now() - interval '31 minutes' WHERE account_id = $1`,
        [account.id],
      );
      expect((await client.get('/api/auth/me')).status).toBe(401);
    });

    it('stays alive while used, and refreshes the idle timer', async () => {
      const account = await createTestAccount(['READ_ONLY']);
      const client = await signedIn(app, account);
      await testDatabase().query(
        `UPDATE session SET last_seen_at = now() - interval '29 minutes' WHERE account_id = $1`,
        [account.id],
      );
      expect((await client.get('/api/auth/me')).status).toBe(200);
      const { rows } = await testDatabase().query(
        `SELECT last_seen_at > now() - interval '1 minute' AS fresh FROM session WHERE account_id = $1`,
        [account.id],
      );
      expect(rows).toEqual([{ fresh: true }]);
    });

    it('expires at the absolute limit even while in use', async () => {
      const account = await createTestAccount(['READ_ONLY']);
      const client = await signedIn(app, account);
      await testDatabase().query(
        `UPDATE session SET expires_at = now() - interval '1 second' WHERE account_id = $1`,
        [account.id],
      );
      expect((await client.get('/api/auth/me')).status).toBe(401);
    });

    it('deactivating an account ends its sessions at once', async () => {
      const admin = await signedIn(app, await createTestAccount(['ADMIN']));
      const account = await createTestAccount(['READ_ONLY']);
      const [first, second] = [await signedIn(app, account), await signedIn(app, account)];
      const { body: current } = await admin.get(`/api/accounts/${account.id}`);

      const response = await admin.patch(`/api/accounts/${account.id}`, {
        version: current.version,
        active: false,
      });

      expect(response.status).toBe(200);
      expect(response.body.active).toBe(false);
      expect((await first.get('/api/auth/me')).status).toBe(401);
      expect((await second.get('/api/auth/me')).status).toBe(401);
      const { rows } = await testDatabase().query(`SELECT 1 FROM session WHERE account_id = $1`, [
        account.id,
      ]);
      expect(rows).toHaveLength(0);
      const again = new TestClient(app);
      await again.get('/api/auth/config');
      expect((await again.post('/api/auth/login', credentials(account))).status).toBe(401);
    });
  });

  describe('rate limiting of failed sign-ins', () => {
    it(`refuses an account with 429 after ${MAX_FAILURES_PER_ACCOUNT} failures, even with the right password`, async () => {
      const account = await createTestAccount(['READ_ONLY']);
      // Each attempt from a different address: the account's own limit is what trips.
      for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT; attempt += 1) {
        const client = new TestClient(app);
        await client.get('/api/auth/config');
        const response = await client.post('/api/auth/login', {
          username: account.username,
          password: 'wrong',
        });
        expect(response.status).toBe(401);
      }
      const client = new TestClient(app);
      await client.get('/api/auth/config');

      const response = await client.post('/api/auth/login', credentials(account));

      expect(response.status).toBe(429);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(14 * 60);
      expect(response.body.detail).toMatch(/Too many failed sign-ins/);
    });

    it('lets the account in again once the window has passed', async () => {
      const account = await createTestAccount(['READ_ONLY']);
      await testDatabase().query(
        `INSERT INTO login_failure (username, address, failed_at)
         SELECT $1, '10.9.9.9', now() - interval '16 minutes' FROM generate_series(1, $2)`,
        [account.username, MAX_FAILURES_PER_ACCOUNT],
      );
      expect((await signedIn(app, account)).sessionToken).toBeDefined();
    });

    it(`refuses an address with 429 after ${MAX_FAILURES_PER_ADDRESS} failures across accounts`, async () => {
      const client = new TestClient(app);
      await client.get('/api/auth/config');
      for (let attempt = 0; attempt < MAX_FAILURES_PER_ADDRESS; attempt += 1) {
        const response = await client.post('/api/auth/login', {
          username: `guess-${attempt}`,
          password: 'wrong',
        });
        expect(response.status).toBe(401);
      }
      const account = await createTestAccount(['READ_ONLY']);
      expect((await client.post('/api/auth/login', credentials(account))).status).toBe(429);
      // Another address is not affected.
      expect((await signedIn(app, account)).sessionToken).toBeDefined();
    });
  });

  describe('CSRF', () => {
    it('refuses a sign-in without the CSRF header, or with one that differs from the cookie', async () => {
      const account = await createTestAccount(['READ_ONLY']);
      await request(app.getHttpServer())
        .post('/api/auth/login')
        .send({ username: account.username, password: account.password })
        .expect(403);
      await request(app.getHttpServer())
        .post('/api/auth/login')
        .set('Cookie', 'XSRF-TOKEN=abc')
        .set('X-XSRF-TOKEN', 'abd')
        .send({ username: account.username, password: account.password })
        .expect(403);
    });

    it('refuses a signed-in state-changing request whose token is not the session’s', async () => {
      const admin = await signedIn(app, await createTestAccount(['ADMIN']));
      const unit = await createTestUnit();
      const forged = await request(app.getHttpServer())
        .delete(`/api/school-units/${unit.id}`)
        .set('Cookie', `lr_session=${admin.sessionToken}; XSRF-TOKEN=attacker`)
        .set('X-XSRF-TOKEN', 'attacker');
      expect(forged.status).toBe(403);
      expect(forged.body.type).toBe('urn:licensregistret:problem:csrf');
      const { rows } = await testDatabase().query(`SELECT 1 FROM school_unit WHERE id = $1`, [
        unit.id,
      ]);
      expect(rows).toHaveLength(1);

      expect((await admin.delete(`/api/school-units/${unit.id}`)).status).toBe(204);
    });

    it('keeps the CSRF cookie as long as the session, and restores it from /me when lost', async () => {
      const account = await createTestAccount(['ADMIN']);
      const client = new TestClient(app);
      await client.get('/api/auth/config');
      const login = await client.post('/api/auth/login', credentials(account));
      const xsrf = (login.headers['set-cookie'] as unknown as string[]).find((c) =>
        c.startsWith('XSRF-TOKEN='),
      );
      expect(xsrf).toMatch(/Max-Age=36000/);

      // A browser restart that dropped the token but kept the session:
      const sessionToken = client.sessionToken;
      client.cookies.delete('XSRF-TOKEN');
      expect((await client.post('/api/auth/logout')).status).toBe(403);
      const me = await client.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(client.csrfToken).toBeDefined();
      expect(client.sessionToken).toBe(sessionToken);
      expect((await client.post('/api/auth/logout')).status).toBe(204);
    });

    it('lets safe requests through without a token', async () => {
      const account = await createTestAccount(['READ_ONLY']);
      const client = await signedIn(app, account);
      await request(app.getHttpServer())
        .get('/api/auth/me')
        .set('Cookie', `lr_session=${client.sessionToken}`)
        .expect(200);
    });
  });
});
