import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { randomUUID } from 'node:crypto';

import { ACCESS_POLICY, type Access, type Role, mayCall } from '@licensregistret/domain';

import { createTestApp } from '../../test/test-app';
import { TestClient, demoAccount } from '../../test/test-client';
import { DEMO_MUNICIPALITY } from '../demo/demo-data';
import { operationsOf } from './document-checks';

type Schema = Record<string, unknown>;

/**
 * An OpenAPI 3.0 schema as JSON Schema for Ajv: `nullable` becomes a union with null, and an
 * object that lists its properties admits no others, so a field the API sends but the document
 * does not name fails as surely as a missing or mistyped one.
 */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const { nullable, ...rest } = schema as Schema;
  const converted: Schema = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      key === 'properties'
        ? Object.fromEntries(
            Object.entries(value as Schema).map(([name, property]) => [
              name,
              toJsonSchema(property),
            ]),
          )
        : ['items', 'additionalProperties', 'allOf', 'oneOf', 'anyOf'].includes(key)
          ? toJsonSchema(value)
          : value,
    ]),
  );
  if (converted['properties'] && converted['additionalProperties'] === undefined) {
    converted['additionalProperties'] = false;
  }
  return nullable ? { anyOf: [converted, { type: 'null' }] } : converted;
}

/** Demo accounts by role, for calling each route as someone it is open to. */
const CALLERS: { username: string; roles: Role[] }[] = [
  { username: 'specialist', roles: ['OBJECT_SPECIALIST'] },
  { username: 'admin', roles: ['ADMIN'] },
];

describe('live answers of the demo municipality against the OpenAPI document', () => {
  let app: NestFastifyApplication;
  let document: OpenAPIObject;
  let ajv: Ajv;
  const clients = new Map<string, TestClient>();

  beforeAll(async () => {
    app = await createTestApp({ demoData: true });
    const anonymous = new TestClient(app);
    document = (await anonymous.get('/api/docs-json')).body as OpenAPIObject;
    ajv = new Ajv({ strict: false, allErrors: true, discriminator: false });
    addFormats(ajv);
    const schemas = Object.entries(document.components?.schemas ?? {}).map(
      ([name, schema]) => [name, toJsonSchema(schema)] as const,
    );
    ajv.addSchema({ $id: 'openapi', components: { schemas: Object.fromEntries(schemas) } });
    clients.set('anonymous', anonymous);
    for (const { username } of CALLERS) {
      clients.set(username, await new TestClient(app).signIn(demoAccount(username)));
    }
  });

  afterAll(() => app.close());

  function validatorFor(
    path: string,
    method: 'get',
    status: string,
    type: string,
  ): ValidateFunction {
    const response = document.paths[path]?.[method]?.responses[status] as
      { content?: Record<string, { schema: Schema }> } | undefined;
    const schema = response?.content?.[type]?.schema;
    if (!schema) throw new Error(`${method} ${path} ${status} has no ${type} schema`);
    return ajv.compile(
      JSON.parse(
        JSON.stringify(toJsonSchema(schema)).replaceAll('"#/components/', '"openapi#/components/'),
      ) as Schema,
    );
  }

  function callerOf(path: string): TestClient {
    const access = (ACCESS_POLICY as Record<string, Access>)[
      `GET ${path.replace(/\{(\w+)\}/g, ':$1')}`
    ];
    if (!access) throw new Error(`GET ${path} is not in the access policy`);
    if (access === 'PUBLIC') return clients.get('anonymous') as TestClient;
    const caller = CALLERS.find(({ roles }) => mayCall(access, roles));
    if (!caller) throw new Error(`no demo caller may GET ${path}`);
    return clients.get(caller.username) as TestClient;
  }

  /**
   * Routes that answer only a question, or name their municipality (the test database has
   * its own besides the demo's): what they are asked here.
   */
  const REQUIRED_QUERY: Record<string, string> = {
    '/api/catalogue/tools': '?q=ne',
    '/api/public/services': `?municipality=${DEMO_MUNICIPALITY.slug}`,
  };

  /** The JSON GET routes: every list and detail (exports and the calendar file are files). */
  function jsonGetRoutes(): string[] {
    return operationsOf(document)
      .filter(
        ({ method, responses }) =>
          method === 'get' && responses['200']?.content?.['application/json'],
      )
      .map(({ path }) => path);
  }

  it('answers every JSON GET route as its schema says, on every row and a few records each', async () => {
    const routes = jsonGetRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(30);
    const idsOf = new Map<string, string[]>();
    const checked: string[] = [];
    const failures: unknown[] = [];
    const check = async (template: string, url: string) => {
      const response = await callerOf(template).get(url);
      const validate = validatorFor(template, 'get', '200', 'application/json');
      if (response.status !== 200 || !validate(response.body)) {
        failures.push({ url, status: response.status, errors: validate.errors?.slice(0, 5) });
      }
      checked.push(url);
      return response.body as unknown;
    };
    // Lists and other routes without a parameter first; their rows give the details' ids.
    for (const template of routes.filter((path) => !path.includes('{'))) {
      const paged = /Page/.test(JSON.stringify(document.paths[template]?.get?.responses['200']));
      const body = await check(
        template,
        `${template}${REQUIRED_QUERY[template] ?? (paged ? '?limit=200' : '')}`,
      );
      const rows = (body as { rows?: { id?: string }[] }).rows;
      if (rows)
        idsOf.set(
          template,
          rows.flatMap((row) => (row.id ? [row.id] : [])),
        );
    }
    // Reviews have no list of their own: their ids come from each service's reviews, read first.
    const detailRoutes = routes
      .filter((path) => path.includes('{'))
      .sort(
        (a, b) => Number(a.startsWith('/api/reviews/')) - Number(b.startsWith('/api/reviews/')),
      );
    for (const template of detailRoutes) {
      const collection = template.slice(0, template.indexOf('/{'));
      const ids = idsOf.get(collection) ?? [];
      if (ids.length === 0) throw new Error(`no ${collection} to open ${template} with`);
      const sample = template.startsWith('/api/requests/') ? ids : ids.slice(0, 5);
      for (const id of sample) {
        const body = await check(template, template.replace(/\{\w+\}/, id));
        if (template === '/api/services/{id}/reviews') {
          const reviews = (body as { all?: { id: string }[] }).all ?? [];
          idsOf.set('/api/reviews', [
            ...(idsOf.get('/api/reviews') ?? []),
            ...reviews.map((review) => review.id),
          ]);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked.length).toBeGreaterThan(routes.length);
  });

  it('answers errors as the problem schema says', async () => {
    const specialist = clients.get('specialist') as TestClient;
    const notFound = await specialist.get(`/api/requests/${randomUUID()}`);
    expect(notFound.status).toBe(404);
    const problem404 = validatorFor('/api/requests/{id}', 'get', '404', 'application/problem+json');
    expect([problem404(notFound.body), problem404.errors]).toEqual([true, null]);
    const invalid = await specialist.get('/api/agreements?endsFrom=2026-02-30&limit=0');
    expect(invalid.status).toBe(400);
    const problem400 = validatorFor('/api/agreements', 'get', '400', 'application/problem+json');
    expect([problem400(invalid.body), problem400.errors]).toEqual([true, null]);
    expect(invalid.body.errors).toHaveLength(2);
  });
});
