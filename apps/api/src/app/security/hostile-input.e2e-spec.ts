import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request, { type Response } from 'supertest';

import { MAX_LIST_OFFSET, PROBLEM_CONTENT_TYPE, XSRF_HEADER } from '@licensregistret/domain';

import {
  closeTestDatabase,
  createTestAccount,
  createTestSupplier,
  testDatabase,
  unique,
  uniqueOrganisationNumber,
  uniqueUnitCode,
} from '../../test/factories';
import { type RoutineCast, createRoutineCast, newToolRequest } from '../../test/request-fixtures';
import { createTestApp } from '../../test/test-app';
import { TestClient, signedIn } from '../../test/test-client';

/**
 * Input that made 500s of an attack on a running instance (issue 13, items 5 and 9): deeply
 * nested JSON, integers past PostgreSQL's `integer` and `bigint`, control and bidi characters
 * in names, `__proto__` keys, and a URL past Node's header limit. Each is a 4xx problem now,
 * naming what was refused, and writes nothing.
 */
describe('hostile input is a 4xx problem, never a 500', () => {
  let app: NestFastifyApplication;
  let cast: RoutineCast;
  let admin: TestClient;

  beforeAll(async () => {
    app = await createTestApp();
    cast = await createRoutineCast(app);
    admin = await signedIn(app, await createTestAccount(['ADMIN']));
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  /** Sends `text` as the JSON body, as the client would (cookies, CSRF header, its address). */
  function sendRaw(client: TestClient, method: 'post' | 'patch', path: string, text: string) {
    const test = request(app.getHttpServer())[method](path);
    const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (cookie) test.set('Cookie', cookie);
    if (client.csrfToken) test.set(XSRF_HEADER, client.csrfToken);
    return test
      .set('X-Forwarded-For', client.address)
      .set('Content-Type', 'application/json')
      .send(text);
  }

  function expectProblem(response: Response, status: number, fields?: string[]): void {
    expect({ status: response.status, text: response.text.slice(0, 300) }).toEqual({
      status,
      text: expect.any(String),
    });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.status).toBe(status);
    if (fields) {
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(fields);
    }
  }

  async function counts(): Promise<string> {
    const { rows } = await testDatabase().query(
      `SELECT (SELECT count(*) FROM request) || '/' || (SELECT count(*) FROM school_unit) || '/' ||
              (SELECT count(*) FROM supplier) || '/' || (SELECT count(*) FROM account) || '/' ||
              (SELECT count(*) FROM event) AS n`,
    );
    return rows[0].n;
  }

  const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const nestedObjects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

  describe('JSON nested deeper than the bound', () => {
    it.each([5_000, 100_000])(
      'at %i levels is a 400 naming the body, signed out at sign-in',
      async (depth) => {
        const visitor = new TestClient(app);
        await visitor.get('/api/auth/config');
        for (const nested of [nestedArrays(depth), nestedObjects(depth)]) {
          const response = await sendRaw(
            visitor,
            'post',
            '/api/auth/login',
            `{"username":"skola","password":${nested}}`,
          );
          expectProblem(response, 400, ['body']);
        }
      },
    );

    it('is a 400 naming the body on a write route, and writes nothing', async () => {
      const before = await counts();
      const body = JSON.stringify(newToolRequest(cast.unit.id, { subjects: 'NESTED' })).replace(
        '"NESTED"',
        nestedArrays(20_000),
      );
      expectProblem(await sendRaw(cast.as.requester, 'post', '/api/requests', body), 400, ['body']);
      const whole = nestedObjects(5_000);
      expectProblem(await sendRaw(admin, 'post', '/api/school-units', whole), 400, ['body']);
      expect(await counts()).toBe(before);
    });

    it('a body as deep as the app’s own still passes the bound and meets the validation', async () => {
      const response = await sendRaw(
        cast.as.requester,
        'post',
        '/api/requests',
        JSON.stringify({ ...newToolRequest(cast.unit.id), subjects: [[[['Matematik']]]] }),
      );
      expectProblem(response, 400, ['subjects']);
    });
  });

  describe('integers past what PostgreSQL stores', () => {
    it.each([
      ['pupilCount', 2 ** 31],
      ['staffCount', 2 ** 31],
      ['pupilCount', 2 ** 63],
    ])('%s %d in a request is a 400 naming it', async (field, value) => {
      const before = await counts();
      const created = await cast.as.requester.post(
        '/api/requests',
        newToolRequest(cast.unit.id, { [field]: value }),
      );
      expectProblem(created, 400, [field]);
      expect(await counts()).toBe(before);
    });

    it('pupilCount 2^31 in an edit is a 400 naming it', async () => {
      const draft = await cast.as.requester.post('/api/requests', newToolRequest(cast.unit.id));
      expect(draft.status).toBe(201);
      const response = await cast.as.requester.patch(`/api/requests/${draft.body.id}`, {
        version: draft.body.version,
        pupilCount: 2 ** 31,
      });
      expectProblem(response, 400, ['pupilCount']);
    });

    it('a version past an integer is a 400 naming it, not a stale 409 or a 500', async () => {
      const draft = await cast.as.requester.post('/api/requests', newToolRequest(cast.unit.id));
      const response = await cast.as.requester.patch(`/api/requests/${draft.body.id}`, {
        version: 2 ** 31,
        need: 'Nytt behov',
      });
      expectProblem(response, 400, ['version']);
    });

    it.each(['9223372036854775808', '1e21', '1E21', '2147483648'])(
      'offset=%s is a 400 naming offset',
      async (offset) => {
        for (const path of ['/api/requests', '/api/school-units', '/api/notifications']) {
          const response = await cast.as.requester.get(`${path}?offset=${offset}`);
          expectProblem(response, 400, ['offset']);
        }
      },
    );

    it('the largest offset the lists take is still a page (empty)', async () => {
      const response = await cast.as.requester.get(`/api/requests?offset=${MAX_LIST_OFFSET}`);
      expect(response.status).toBe(200);
      expect(response.body.rows).toEqual([]);
    });
  });

  describe('names refuse control and bidi characters', () => {
    const HOSTILE = [
      'Skolan\r\nSet-Cookie: x',
      'Rad\nbrytning',
      'evil\u202Etxt.exe',
      'a\u2066b',
      'a\u200Fb',
      'tab\tinne',
    ];

    it.each(HOSTILE)('a requested tool named %j is a 400 naming newTool.name', async (name) => {
      const before = await counts();
      const body = newToolRequest(cast.unit.id);
      const response = await cast.as.requester.post('/api/requests', {
        ...body,
        newTool: { ...body.newTool, name, supplierName: `Leverantör ${name}` },
      });
      expectProblem(response, 400, ['newTool.name', 'newTool.supplierName']);
      expect(await counts()).toBe(before);
    });

    it('a school unit, a supplier, a service and an account display name', async () => {
      const username = unique('namn').toLowerCase();
      const calls: [TestClient, string, Record<string, unknown>][] = [
        [
          admin,
          '/api/school-units',
          {
            administrationId: cast.unit.administrationId,
            name: 'Norra\r\nskolan',
            code: uniqueUnitCode(),
            schoolForms: ['GR'],
            compulsoryStages: ['7-9'],
            pupilCount: 100,
            networkGroup: 'Norr',
            principalId: null,
          },
        ],
        [
          cast.as.procurement,
          '/api/suppliers',
          { name: 'Leverantör\u202E AB', organisationNumber: uniqueOrganisationNumber() },
        ],
        [
          cast.as.specialist,
          '/api/services',
          {
            name: 'Tjänst\u2067',
            supplierId: (await createTestSupplier()).id,
            category: 'LEARNING_MATERIAL',
            description: '',
            schoolForms: ['GR'],
            languages: [],
            webAddress: null,
            signInMethod: 'FEDERATION',
            personalData: 'NONE',
            dataLocation: 'SWEDEN',
            catalogueStatus: 'UNDER_REVIEW',
          },
        ],
        [
          admin,
          '/api/accounts',
          {
            username,
            displayName: 'Anna\nAdmin',
            email: `${username}@test.example`,
            roles: ['REQUESTER'],
            schoolUnitIds: [cast.unit.id],
            password: 'a long enough password',
          },
        ],
      ];
      const before = await counts();
      for (const [client, path, body] of calls) {
        const field = path === '/api/accounts' ? 'displayName' : 'name';
        const response = await client.post(path, body);
        expect({ path, status: response.status }).toEqual({ path, status: 400 });
        expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
          field,
        ]);
      }
      expect(await counts()).toBe(before);
    });

    it('an edit of a name is checked the same way', async () => {
      const supplier = await createTestSupplier();
      const response = await cast.as.procurement.patch(`/api/suppliers/${supplier.id}`, {
        version: 1,
        name: 'Ny\u202Dleverantör',
      });
      expectProblem(response, 400, ['name']);
    });

    it('a name with letters of every script, and a trailing newline trimmed off, is fine', async () => {
      const body = newToolRequest(cast.unit.id);
      const response = await cast.as.requester.post('/api/requests', {
        ...body,
        newTool: { ...body.newTool, name: `${body.newTool.name} Ελληνικά עברית 漢字\n` },
      });
      expect(response.status).toBe(201);
      expect(response.body.newTool.name).toBe(`${body.newTool.name} Ελληνικά עברית 漢字`);
    });
  });

  describe('__proto__ and other prototype keys are unknown fields', () => {
    it.each(['__proto__', 'constructor', 'prototype'])(
      'a top-level %s is a 400 naming it, and writes nothing',
      async (key) => {
        const before = await counts();
        const body = JSON.stringify(newToolRequest(cast.unit.id)).replace(
          /^\{/,
          `{"${key}":{"isAdmin":true},`,
        );
        const response = await sendRaw(cast.as.requester, 'post', '/api/requests', body);
        expectProblem(response, 400, [key]);
        expect(await counts()).toBe(before);
      },
    );

    it('a nested __proto__ is a 400 naming its path', async () => {
      const body = JSON.stringify(newToolRequest(cast.unit.id)).replace(
        '"newTool":{',
        '"newTool":{"__proto__":{"x":1},',
      );
      const response = await sendRaw(cast.as.requester, 'post', '/api/requests', body);
      expectProblem(response, 400, ['newTool.__proto__']);
    });

    it('at sign-in too', async () => {
      const visitor = new TestClient(app);
      await visitor.get('/api/auth/config');
      const response = await sendRaw(
        visitor,
        'post',
        '/api/auth/login',
        '{"username":"skola","password":"x","__proto__":{"roles":["ADMIN"]}}',
      );
      expectProblem(response, 400, ['__proto__']);
    });
  });

  it('a URL past the header limit is a 431 problem', async () => {
    const response = await request(app.getHttpServer()).get(
      `/api/requests?q=${'x'.repeat(20_000)}`,
    );
    expect(response.status).toBe(431);
    expect(response.headers['content-type']).toMatch(
      new RegExp(`^${PROBLEM_CONTENT_TYPE.replace('+', '\\+')}`),
    );
    expect(response.body).toMatchObject({ status: 431, title: 'Request Header Fields Too Large' });
  });
});
