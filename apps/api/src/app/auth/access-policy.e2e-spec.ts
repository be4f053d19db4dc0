import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';

import { ACCESS_POLICY, type Access, ROLES, type Role, mayCall } from '@licensregistret/domain';

import { closeTestDatabase, createTestAccount, createTestUnit } from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { TestClient, signedIn } from '../../test/test-client';

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Where Nest mounts middleware (the request logger) for every method; no handler answers there. */
const MIDDLEWARE_PATHS = new Set(['/api', '/api/{*path}']);
/** The OpenAPI document and its UI, served by SwaggerModule outside the controllers: public. */
const isApiDocs = (path: string) => path.startsWith('/api/docs');

/** Every route the running app answers, as `METHOD /path`, read from Express's router. */
function registeredRoutes(app: NestExpressApplication): string[] {
  const router = (app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } })
    .router;
  const routes = router.stack.flatMap((layer) =>
    layer.route && !MIDDLEWARE_PATHS.has(layer.route.path) && !isApiDocs(layer.route.path)
      ? Object.keys(layer.route.methods)
          .filter((method) => method !== '_all')
          .map((method) => `${method.toUpperCase()} ${layer.route?.path}`)
      : [],
  );
  return [...new Set(routes)];
}

describe('the route × role access table', () => {
  let app: NestExpressApplication;
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
    expect(registeredRoutes(app).sort()).toEqual(Object.keys(ACCESS_POLICY).sort());
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
