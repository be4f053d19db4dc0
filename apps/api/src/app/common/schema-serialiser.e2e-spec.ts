import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';

import { AGREEMENT_SORT_COLUMNS, REQUEST_SORTS } from '@licensregistret/domain';

import { createTestApp } from '../../test/test-app';
import { TestClient, demoAccount } from '../../test/test-client';
import { AgreementsService } from '../agreements/agreements.service';
import { RequestsService } from '../requests/requests.service';
import {
  AnswerSchemaMismatch,
  SCHEMA_SERIALISED_ROUTES,
  compileAnswerWriter,
} from './schema-serialiser';

/**
 * The schema-serialised routes on the demo municipality, as production runs them (without the
 * check): each answer as sent must read back equal to JSON.stringify of what the service returned.
 */
describe('answers written from their OpenAPI schemas', () => {
  let app: NestFastifyApplication;
  let specialist: TestClient;
  let document: OpenAPIObject;
  /** What the services returned, call by call (the real methods run; they are only watched). */
  const returned: unknown[] = [];

  function watch<T extends object>(prototype: T, method: keyof T & string): void {
    const original = prototype[method] as (...args: unknown[]) => Promise<unknown>;
    jest.spyOn(prototype, method as never).mockImplementation(async function (
      this: unknown,
      ...args: unknown[]
    ) {
      const value = await original.apply(this, args);
      returned.push(value);
      return value;
    } as never);
  }

  beforeAll(async () => {
    app = await createTestApp({ demoData: true, checkAnswers: false });
    specialist = await new TestClient(app).signIn(demoAccount('specialist'));
    document = (await specialist.get('/api/docs-json')).body as OpenAPIObject;
    watch(RequestsService.prototype, 'list');
    watch(RequestsService.prototype, 'get');
    watch(RequestsService.prototype, 'history');
    watch(AgreementsService.prototype, 'list');
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await app.close();
  });

  /** GETs `url` and checks the body against JSON.stringify of what its service returned. */
  async function expectSameAsStringify(url: string): Promise<unknown> {
    returned.length = 0;
    const response = await specialist.get(url);
    expect([url, response.status]).toEqual([url, 200]);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(returned).toHaveLength(1);
    expect(JSON.parse(response.text)).toEqual(JSON.parse(JSON.stringify(returned[0])));
    return returned[0];
  }

  it('writes the queue, in every sort, as JSON.stringify does', async () => {
    let rows = 0;
    for (const sort of REQUEST_SORTS) {
      for (const direction of ['asc', 'desc']) {
        const page = (await expectSameAsStringify(
          `/api/requests?limit=200&sort=${sort}:${direction}`,
        )) as { rows: unknown[]; nextCursor: string | null };
        rows += page.rows.length;
      }
    }
    expect(rows).toBeGreaterThan(0);
    await expectSameAsStringify('/api/requests?limit=5&withTotal=false');
    await expectSameAsStringify('/api/requests?state=DECIDED&limit=200');
  });

  it('writes the agreements grid, in every sort, as JSON.stringify does', async () => {
    for (const column of AGREEMENT_SORT_COLUMNS) {
      for (const direction of ['asc', 'desc']) {
        const page = (await expectSameAsStringify(
          `/api/agreements?limit=200&sort=${column}:${direction}`,
        )) as { rows: unknown[] };
        expect(page.rows.length).toBeGreaterThan(0);
      }
    }
  });

  it('writes every request of the demo and its history as JSON.stringify does', async () => {
    const page = (await specialist.get('/api/requests?limit=200')).body as {
      rows: { id: string }[];
    };
    expect(page.rows.length).toBeGreaterThan(3);
    for (const { id } of page.rows) {
      await expectSameAsStringify(`/api/requests/${id}`);
      await expectSameAsStringify(`/api/requests/${id}/events`);
    }
  });

  it('refuses, with the check, an answer whose field the schema does not name', async () => {
    const detail = (await specialist.get('/api/requests?limit=1')).body as {
      rows: Record<string, unknown>[];
    };
    const answer = { ...detail, rows: [{ ...detail.rows[0], secretField: 'x' }] };
    const checked = compileAnswerWriter(document, 'GET /api/requests', true);
    expect(() => checked(answer)).toThrow(AnswerSchemaMismatch);
    expect(() => checked(answer)).toThrow(/GET \/api\/requests: .* at rows\.0\.secretField/);
    expect(JSON.parse(checked(detail))).toEqual(detail);
    // Why the check exists: without it, the field is left out without a word.
    const unchecked = compileAnswerWriter(document, 'GET /api/requests', false);
    expect(JSON.parse(unchecked(answer))).toEqual(detail);
  });

  it('refuses, with the check, a field of another type than its schema says', async () => {
    const [event] = (await specialist.get('/api/requests?limit=1')).body.rows as {
      id: string;
    }[];
    const history = (await specialist.get(`/api/requests/${event.id}/events`)).body as Record<
      string,
      unknown
    >[];
    expect(history.length).toBeGreaterThan(0);
    const checked = compileAnswerWriter(document, 'GET /api/requests/{id}/events', true);
    const wrong = [{ ...history[0], actorName: 42 }, ...history.slice(1)];
    expect(() => checked(wrong)).toThrow(/at 0\.actorName/);
  });

  it("is the route's own serialiser: a field its schema does not name never leaves", async () => {
    const [request] = (await specialist.get('/api/requests?limit=1')).body.rows as {
      id: string;
    }[];
    const url = `/api/requests/${request.id}/events`;
    const history = (await specialist.get(url)).body as Record<string, unknown>[];
    expect(history.length).toBeGreaterThan(0);
    jest
      .spyOn(RequestsService.prototype, 'history')
      .mockResolvedValueOnce([{ ...history[0], secretField: 'x' }] as never);
    const response = await specialist.get(url);
    expect(response.status).toBe(200);
    expect(response.text).not.toContain('secretField');
    expect(response.body).toEqual([history[0]]);
  });

  it('writes, without the check, an answer its schema refuses as JSON.stringify does', async () => {
    const page = (await specialist.get('/api/requests?limit=2')).body as {
      rows: Record<string, unknown>[];
    };
    const [first, ...others] = page.rows;
    const withoutId = { ...page, rows: [{ ...first, id: undefined }, ...others] };
    expect(() => compileAnswerWriter(document, 'GET /api/requests', true)(withoutId)).toThrow();
    const unchecked = compileAnswerWriter(document, 'GET /api/requests', false);
    expect(unchecked(withoutId)).toBe(JSON.stringify(withoutId));
  });

  it('compiles every route it names, and each is a JSON route of the document', () => {
    for (const route of SCHEMA_SERIALISED_ROUTES) {
      expect(() => compileAnswerWriter(document, route, true)).not.toThrow();
    }
    expect(() => compileAnswerWriter(document, 'GET /api/nowhere', true)).toThrow(
      /no application\/json 200 schema/,
    );
  });
});
