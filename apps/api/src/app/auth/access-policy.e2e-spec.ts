import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';

import { ACCESS_POLICY, type Access, ROLES, type Role, mayCall } from '@licensregistret/domain';

import { closeTestDatabase, createTestAccount, createTestUnit } from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { TestClient, signedIn } from '../../test/test-client';
import { registeredRoutes } from '../create-app';

/** The OpenAPI document and its UI, served by SwaggerModule outside the controllers: public. */
const isApiDocs = (path: string) => path.startsWith('/api/docs');
/** The web app's files (any GET or HEAD outside the API that no route answers). */
const WEB_APP_FILES = '/*';

/** Every route the running app answers, as `METHOD /path` (HEAD being GET's twin). */
function apiRoutes(app: NestFastifyApplication): string[] {
  const routes = registeredRoutes(app).filter((route) => {
    const [method, path = ''] = route.split(' ');
    return method !== 'HEAD' && path !== WEB_APP_FILES && !isApiDocs(path);
  });
  return [...new Set(routes)];
}

describe('the route × role access table', () => {
  let app: NestFastifyApplication;
  const clients = new Map<Role | 'SIGNED_OUT', TestClient>();

  beforeAll(async () => {
    app = await createTestApp();
    const unit = await createTestUnit();
    clients.set('SIGNED_OUT', new TestClient(app));
    await clients.get('SIGNED_OUT')?.get('/api/auth/config');
    for (const role of ROLES) {
      const account = await createTestAccount([role], { units: [unit.id] });
      clients.set(role, await signedIn(app, account));
    }
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  it('lists exactly the routes the API has: none unguarded, none stale', () => {
    expect(apiRoutes(app).sort()).toEqual(Object.keys(ACCESS_POLICY).sort());
  });

  const cases = Object.entries(ACCESS_POLICY as Record<string, Access>).flatMap(([route, access]) =>
    (['SIGNED_OUT', ...ROLES] as const).map((who) => ({ route, access, who })),
  );

  it.each(cases)('$route as $who', async ({ route, access, who }) => {
    const [method, pattern] = route.split(' ') as [string, string];
    const path = pattern.replace(/:[a-zA-Z]+/g, randomUUID());
    const client = clients.get(who) as TestClient;
    // Steps that would end the shared session are checked for access only, on a fresh one.
    const caller =
      route === 'POST /api/auth/logout' && who !== 'SIGNED_OUT'
        ? await signedIn(app, await createTestAccount([who]))
        : client;

    const response =
      method === 'GET'
        ? await caller.get(path)
        : method === 'POST'
          ? await caller.post(path, {})
          : method === 'PATCH'
            ? await caller.patch(path, {})
            : await caller.delete(path);

    const allowed = mayCall(access, who === 'SIGNED_OUT' ? null : [who]);
    if (allowed) {
      expect([401, 403]).not.toContain(response.status);
    } else {
      expect(response.status).toBe(who === 'SIGNED_OUT' ? 401 : 403);
    }
  });
});
