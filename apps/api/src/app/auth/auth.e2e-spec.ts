import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomInt } from 'node:crypto';
import request from 'supertest';

import {
  type TestAccount,
  closeTestDatabase,
  createTestAccount,
  createTestUnit,
  testDatabase,
  unique,
} from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { TestClient, signedIn } from '../../test/test-client';
import {
  FIRST_DELAY_SECONDS,
  FREE_ADDRESSES_PER_NAME,
  FREE_FAILURES,
  FREE_NAMES_PER_ADDRESS,
} from './login-throttle.service';

const credentials = ({ username, password }: TestAccount) => ({ username, password });

describe('sign-in, sessions and CSRF', () => {
  let app: NestFastifyApplication;

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

    it('GET /api/auth/session answers 200 signedIn false when signed out, and after logout', async () => {
      const signedOut = await new TestClient(app).get('/api/auth/session');
      expect(signedOut.status).toBe(200);
      expect(signedOut.body).toEqual({ signedIn: false, user: null });

      const account = await createTestAccount(['READ_ONLY']);
      const client = await signedIn(app, account);
      const session = await client.get('/api/auth/session');
      expect(session.status).toBe(200);
      expect(session.body).toEqual({
        signedIn: true,
        user: expect.objectContaining({ id: account.id, roles: ['READ_ONLY'] }),
      });

      await client.post('/api/auth/logout');
      expect((await client.get('/api/auth/session')).body).toEqual({
        signedIn: false,
        user: null,
      });
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

  describe('slowing down failed sign-ins', () => {
    /** A browser at `address` (one's own random one unless given) with a CSRF cookie. */
    const browser = async (address?: string) => {
      const client = new TestClient(app, address);
      await client.get('/api/auth/config');
      return client;
    };
    const wrong = (username: string) => ({ username, password: 'wrong password' });
    /** Moves the clock of every failure matching the condition back by `interval`. */
    const ageFailures = (condition: string, parameter: string, interval = '1 hour') =>
      testDatabase().query(
        `UPDATE login_failure SET failed_at = failed_at - $2::interval WHERE ${condition}`,
        [parameter, interval],
      );

    it(`makes a failing (name, address) pair wait after ${FREE_FAILURES} failures, longer each time, right password or not`, async () => {
      const account = await createTestAccount(['READ_ONLY']);
      const client = await browser();
      for (let attempt = 0; attempt <= FREE_FAILURES; attempt += 1) {
        expect((await client.post('/api/auth/login', wrong(account.username))).status).toBe(401);
      }

      const refused = await client.post('/api/auth/login', credentials(account));

      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.detail).toMatch(/Too many failed sign-ins/);
      const firstWait = Number(refused.headers['retry-after']);
      expect(firstWait).toBeGreaterThan(0);
      expect(firstWait).toBeLessThanOrEqual(FIRST_DELAY_SECONDS);

      // Once the wait has passed, one more failure makes the next wait twice as long.
      await ageFailures('username = $1', account.username, `${FIRST_DELAY_SECONDS} seconds`);
      expect((await client.post('/api/auth/login', wrong(account.username))).status).toBe(401);
      const again = await client.post('/api/auth/login', credentials(account));
      expect(again.status).toBe(429);
      expect(Number(again.headers['retry-after'])).toBeGreaterThan(FIRST_DELAY_SECONDS);
      expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(2 * FIRST_DELAY_SECONDS);

      await ageFailures('username = $1', account.username);
      expect((await client.post('/api/auth/login', credentials(account))).status).toBe(200);
    });

    it('lets a parallel burst from one pair have only its free attempts checked', async () => {
      const account = await createTestAccount(['READ_ONLY']);
      const client = await browser();
      const statuses = await Promise.all(
        Array.from({ length: 12 }, () => client.post('/api/auth/login', wrong(account.username))),
      ).then((responses) => responses.map((response) => response.status).sort());
      expect(statuses).toEqual([
        ...new Array<number>(FREE_FAILURES + 1).fill(401),
        ...new Array<number>(12 - FREE_FAILURES - 1).fill(429),
      ]);
    });

    it('cannot be used by an outsider to keep a name locked: the owner signs in from their own address meanwhile', async () => {
      const owner = await createTestAccount(['ADMIN']);
      const outsider = await browser();
      const outsiderStatuses: number[] = [];
      for (let attempt = 0; attempt < 10; attempt += 1) {
        outsiderStatuses.push(
          (await outsider.post('/api/auth/login', wrong(owner.username))).status,
        );
      }
      expect(outsiderStatuses).toContain(429);

      // The owner, on a browser that never signed in before, from their own address:
      const ownBrowser = await browser();
      expect((await ownBrowser.post('/api/auth/login', credentials(owner))).status).toBe(200);

      // The owner's success forgives nothing of the outsider's, who keeps waiting and failing.
      expect((await outsider.post('/api/auth/login', wrong(owner.username))).status).toBe(429);
      await ageFailures('username = $1', owner.username);
      expect((await outsider.post('/api/auth/login', wrong(owner.username))).status).toBe(401);
      expect((await outsider.post('/api/auth/login', credentials(owner))).status).toBe(429);
      expect((await (await browser()).post('/api/auth/login', credentials(owner))).status).toBe(
        200,
      );
    });

    it('slows a name failing from many addresses for new browsers, but not for the owner’s own browser', async () => {
      const owner = await createTestAccount(['ADMIN']);
      const ownBrowser = await browser();
      await ownBrowser.signIn(owner);
      const device = (
        (await ownBrowser.post('/api/auth/login', credentials(owner))).headers[
          'set-cookie'
        ] as unknown as string[]
      ).find((cookie) => cookie.startsWith('lr_device='));
      expect(device).toMatch(/HttpOnly/);
      expect(device).toMatch(/SameSite=Strict/);
      expect(device).toMatch(/Path=\/api\/auth\/login/);
      expect((await ownBrowser.post('/api/auth/logout')).status).toBe(204);

      // "5 wrong passwords for admin from anywhere", and one more:
      for (let address = 0; address <= FREE_ADDRESSES_PER_NAME; address += 1) {
        const attacker = await browser();
        expect((await attacker.post('/api/auth/login', wrong(owner.username))).status).toBe(401);
      }

      // A browser that never signed in as the name waits, right password or not …
      const newBrowser = await browser();
      const refused = await newBrowser.post('/api/auth/login', credentials(owner));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // … while the owner's own browser signs in, and an attacker's next try still waits.
      expect((await ownBrowser.post('/api/auth/login', credentials(owner))).status).toBe(200);
      expect((await (await browser()).post('/api/auth/login', wrong(owner.username))).status).toBe(
        429,
      );
    });

    it('forgets the browsers trusted for an account when its password is set', async () => {
      const owner = await createTestAccount(['READ_ONLY']);
      const ownBrowser = await signedIn(app, owner);
      const trusted = () =>
        testDatabase().query(`SELECT 1 FROM trusted_device WHERE account_id = $1`, [owner.id]);
      expect((await trusted()).rows).toHaveLength(1);
      const admin = await signedIn(app, await createTestAccount(['ADMIN']));
      const { body: current } = await admin.get(`/api/accounts/${owner.id}`);
      const newPassword = 'Ett-nytt-lösenord-2026';
      expect(
        (
          await admin.patch(`/api/accounts/${owner.id}`, {
            version: current.version,
            password: newPassword,
          })
        ).status,
      ).toBe(200);
      expect((await trusted()).rows).toHaveLength(0);

      // The old browser is now one like any other: a name attacked from many addresses makes it wait.
      for (let address = 0; address <= FREE_ADDRESSES_PER_NAME; address += 1) {
        expect(
          (await (await browser()).post('/api/auth/login', wrong(owner.username))).status,
        ).toBe(401);
      }
      const again = await ownBrowser.post('/api/auth/login', {
        username: owner.username,
        password: newPassword,
      });
      expect(again.status).toBe(429);
    });

    it('slows a trusted browser that keeps failing, by its own failures', async () => {
      const owner = await createTestAccount(['READ_ONLY']);
      const ownBrowser = await signedIn(app, owner);
      for (let attempt = 0; attempt <= FREE_FAILURES; attempt += 1) {
        expect((await ownBrowser.post('/api/auth/login', wrong(owner.username))).status).toBe(401);
      }
      expect((await ownBrowser.post('/api/auth/login', credentials(owner))).status).toBe(429);
      // Its failures are its own: the name is not slowed for another browser.
      expect((await signedIn(app, owner)).sessionToken).toBeDefined();
    });

    it('lets a colleague sign in from the school’s address after 40 wrong sign-ins from it with made-up names', async () => {
      const school = '10.200.0.1';
      const colleague = await createTestAccount(['REQUESTER'], {
        units: [(await createTestUnit()).id],
      });
      const colleaguesBrowser = await browser(school);
      await colleaguesBrowser.signIn(colleague);
      expect((await colleaguesBrowser.post('/api/auth/logout')).status).toBe(204);

      // A pupil sprays made-up names from the same address; every one of the 40 is checked and
      // fails (a wait is sat out by moving the failures back in time).
      const pupil = await browser(school);
      let waits = 0;
      for (let guess = 0; guess < 40; guess += 1) {
        let response = await pupil.post('/api/auth/login', wrong(`made-up-${guess}`));
        if (response.status === 429) {
          waits += 1;
          await ageFailures('address = $1', school, '20 minutes');
          response = await pupil.post('/api/auth/login', wrong(`made-up-${guess}`));
        }
        expect(response.status).toBe(401);
      }
      expect(waits).toBeGreaterThan(0);
      const { rows } = await testDatabase().query(
        `SELECT count(DISTINCT username)::int AS names FROM login_failure WHERE address = $1`,
        [school],
      );
      expect(rows).toEqual([{ names: 40 }]);

      expect((await colleaguesBrowser.post('/api/auth/login', credentials(colleague))).status).toBe(
        200,
      );
      // The spraying itself stays slowed.
      expect((await pupil.post('/api/auth/login', wrong('made-up-41'))).status).toBe(429);
    });

    it(`slows every browser at an address that sprays more than ${FREE_NAMES_PER_ADDRESS} names, unless it signed in as the name before`, async () => {
      const client = await browser();
      for (let guess = 0; guess <= FREE_NAMES_PER_ADDRESS; guess += 1) {
        expect((await client.post('/api/auth/login', wrong(unique('guess')))).status).toBe(401);
      }
      const account = await createTestAccount(['READ_ONLY']);
      expect((await client.post('/api/auth/login', credentials(account))).status).toBe(429);
      // Another address is not affected.
      expect((await signedIn(app, account)).sessionToken).toBeDefined();
    });

    it('counts an IPv6 client by its /64', async () => {
      const prefix = `2001:db8:${randomInt(0x10000).toString(16)}:1`;
      for (let guess = 0; guess <= FREE_NAMES_PER_ADDRESS; guess += 1) {
        const client = await browser(`${prefix}::${(guess + 1).toString(16)}`);
        expect((await client.post('/api/auth/login', wrong(unique('guess')))).status).toBe(401);
      }
      const sameNetwork = await browser(`${prefix}:ffff:ffff:ffff:fffe`);
      expect((await sameNetwork.post('/api/auth/login', wrong(unique('guess')))).status).toBe(429);
      const nextNetwork = await browser(`${prefix.replace(/:1$/, ':2')}::1`);
      expect((await nextNetwork.post('/api/auth/login', wrong(unique('guess')))).status).toBe(401);
    });

    it('takes the address the proxy saw (one hop), not an X-Forwarded-For entry the client wrote', async () => {
      // TRUST_PROXY=1, as the test app runs: the proxy appends the address it saw to whatever
      // X-Forwarded-For the client sent, and only that last entry is believed.
      const real = '10.201.0.9';
      const account = await createTestAccount(['READ_ONLY']);
      for (let guess = 0; guess <= FREE_NAMES_PER_ADDRESS; guess += 1) {
        const spoofing = await browser(`192.0.2.${guess + 1}, ${real}`);
        expect((await spoofing.post('/api/auth/login', wrong(unique('guess')))).status).toBe(401);
      }
      const { rows } = await testDatabase().query(
        `SELECT DISTINCT address FROM login_failure WHERE address = $1 OR address LIKE '192.0.2.%'`,
        [real],
      );
      expect(rows).toEqual([{ address: real }]);
      const spoofingAgain = await browser(`192.0.2.200, ${real}`);
      expect((await spoofingAgain.post('/api/auth/login', credentials(account))).status).toBe(429);
      // Whoever really is at a spoofed address is not slowed by it.
      expect(
        (await (await browser('192.0.2.1')).post('/api/auth/login', credentials(account))).status,
      ).toBe(200);
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
