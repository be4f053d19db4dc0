import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';

import { SESSION_COOKIE, XSRF_HEADER } from '@licensregistret/domain';

import {
  type TestAccount,
  type TestUnit,
  closeTestDatabase,
  createTestAccount,
  createTestUnit,
} from '../../test/factories';
import { newToolRequest } from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';
import { TestClient, signedIn } from '../../test/test-client';

/**
 * Two API instances on one database, as behind a load balancer without sticky sessions: a
 * session made by one instance is good on the other, and ending it on one ends it everywhere.
 */
describe('a session across two API instances', () => {
  let first: NestFastifyApplication;
  let second: NestFastifyApplication;
  let unit: TestUnit;
  let requester: TestAccount;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestApp(), createTestApp()]);
    unit = await createTestUnit();
    requester = await createTestAccount(['REQUESTER'], { units: [unit.id] });
  });

  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
    await closeTestDatabase();
  });

  /** The same browser (same cookies) talking to the other instance. */
  function sameBrowserOn(app: NestFastifyApplication, browser: TestClient): TestClient {
    const client = new TestClient(app);
    for (const [name, value] of browser.cookies) client.cookies.set(name, value);
    return client;
  }

  it('signed in on one instance, reads and writes on the other', async () => {
    const onFirst = await signedIn(first, requester);
    const onSecond = sameBrowserOn(second, onFirst);

    const me = await onSecond.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: requester.username });

    const created = await onSecond.post('/api/requests', newToolRequest(unit.id));
    expect(created.status).toBe(201);
    const readBack = await onFirst.get(`/api/requests/${created.body.id}`);
    expect(readBack.status).toBe(200);
    expect(readBack.body).toMatchObject({ id: created.body.id, state: 'DRAFT' });

    // The second instance checks the CSRF token bound to the session the first one made.
    const forged = await request(second.getHttpServer())
      .post('/api/requests')
      .set('Cookie', `${SESSION_COOKIE}=${onFirst.sessionToken}`)
      .set(XSRF_HEADER, 'not-the-token')
      .send(newToolRequest(unit.id));
    expect(forged.status).toBe(403);
  });

  it('signed out on one instance, the session is refused on the other', async () => {
    const onFirst = await signedIn(first, requester);
    const onSecond = sameBrowserOn(second, onFirst);
    expect((await onFirst.get('/api/auth/me')).status).toBe(200);

    expect((await onSecond.post('/api/auth/logout')).status).toBe(204);

    // The first browser still sends the old cookie; the first instance must not honour it.
    expect(onFirst.sessionToken).toBeDefined();
    expect((await onFirst.get('/api/auth/me')).status).toBe(401);
    expect((await onFirst.post('/api/requests', newToolRequest(unit.id))).status).toBe(401);
  });
});
