import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';

import { ROLES, SESSION_COOKIE, XSRF_COOKIE, XSRF_HEADER } from '@licensregistret/domain';

import {
  closeTestDatabase,
  createTestAccount,
  createTestUnit,
  testDatabase,
} from '../../test/factories';
import { type PolicyRoute, policyRoutes } from '../../test/security-kit';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';

/**
 * CSRF on every state-changing route of ACCESS_POLICY, signed in with every role so that only
 * the token stands in the way: refused (403, the csrf problem type) without the header, and with
 * a header that repeats a cookie the attacker planted but is not the session's token. The
 * sign-in's own double-submit check and the restoring of a lost token are in auth/auth.e2e-spec.ts.
 */

const UNSAFE = policyRoutes().filter((route) => route.method !== 'GET');

const pathOf = (route: PolicyRoute) => route.pattern.replace(/:[a-zA-Z]+/g, randomUUID());

describe('CSRF on every state-changing route', () => {
  let app: NestFastifyApplication;
  let accountId: string;
  let client: TestClient;

  beforeAll(async () => {
    app = await createTestApp();
    const unit = await createTestUnit();
    const account = await createTestAccount(['ADMIN'], { units: [unit.id] });
    accountId = account.id;
    // Every role (set here: the factory's username, made of the roles, would be too long).
    await testDatabase().query(`UPDATE account SET roles = $2 WHERE id = $1`, [accountId, ROLES]);
    client = await signedIn(app, account);
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  it('covers the unsafe methods of the table', () => {
    expect(new Set(UNSAFE.map((route) => route.method))).toEqual(
      new Set(['POST', 'PATCH', 'DELETE']),
    );
  });

  it.each(UNSAFE)('$key is refused without the token, or with a planted one', async (route) => {
    const session = `${SESSION_COOKIE}=${client.sessionToken}`;
    const attempts = [
      // A cross-site form or fetch: the browser sends the cookies, not the header.
      { cookie: `${session}; ${XSRF_COOKIE}=${client.csrfToken}`, header: undefined },
      // A cookie planted by a sibling domain, repeated in the header: not the session's token.
      { cookie: `${session}; ${XSRF_COOKIE}=planted`, header: 'planted' },
    ];
    for (const { cookie, header } of attempts) {
      const method = route.method.toLowerCase() as 'post' | 'patch' | 'delete';
      let test = request(app.getHttpServer())[method](pathOf(route)).set('Cookie', cookie);
      test = test.set('X-Forwarded-For', client.address);
      if (header) test = test.set(XSRF_HEADER, header);

      const response = await test.send({});

      expect(response.status).toBe(403);
      expect(response.body.type).toBe('urn:licensregistret:problem:csrf');
    }
  });

  it('left the session and the account as they were', async () => {
    expect((await client.get('/api/auth/me')).status).toBe(200);
    const { rows } = await testDatabase().query(
      `SELECT (SELECT count(*)::int FROM calendar_feed WHERE account_id = $1) AS feeds,
              (SELECT count(*)::int FROM session WHERE account_id = $1) AS sessions`,
      [accountId],
    );
    expect(rows[0]).toEqual({ feeds: 0, sessions: 1 });
  });
});
