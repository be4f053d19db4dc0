import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import request from 'supertest';

import { ACCESS_POLICY, PROBLEM_CONTENT_TYPE } from '@licensregistret/domain';

import { createTestApp } from '../../test/test-app';
import { operationsOf, operationsWithoutSuccessSchema } from './document-checks';

describe('the OpenAPI document at /api/docs-json', () => {
  let app: NestFastifyApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await createTestApp();
    const response = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    document = response.body as OpenAPIObject;
  });

  afterAll(() => app.close());

  it('passes Redocly’s recommended rules with no error', async () => {
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: 'docs-json.json',
      config: await createConfig({ extends: ['recommended'] }),
    });
    const errors = problems
      .filter((problem) => problem.severity === 'error')
      .map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`);
    expect(errors).toEqual([]);
  });

  it('gives every operation a 2xx answer with a schema (204 and redirects aside)', () => {
    expect(operationsOf(document).length).toBeGreaterThanOrEqual(68);
    expect(operationsWithoutSuccessSchema(document)).toEqual([]);
  });

  it('would name an operation whose 2xx answer lost its schema', () => {
    const broken = structuredClone(document);
    const operation = broken.paths['/api/requests']?.get;
    if (!operation) throw new Error('GET /api/requests is missing');
    operation.responses['200'] = { description: 'no schema' };
    expect(operationsWithoutSuccessSchema(broken)).toEqual(['GET /api/requests']);
    delete operation.responses['200'];
    expect(operationsWithoutSuccessSchema(broken)).toEqual(['GET /api/requests']);
  });

  it('documents every operation of the access policy, with its security and errors', () => {
    const documented = operationsOf(document).map(
      ({ method, path }) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
    );
    expect(new Set(documented)).toEqual(new Set(Object.keys(ACCESS_POLICY)));
    for (const { method, path } of operationsOf(document)) {
      const operation = document.paths[path]?.[method];
      const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
      const access = (ACCESS_POLICY as Record<string, unknown>)[key];
      const schemes = (operation?.security ?? []).flatMap((requirement) =>
        Object.keys(requirement),
      );
      const errors = Object.keys(operation?.responses ?? {}).filter((status) => status >= '400');
      if (access === 'PUBLIC' && method === 'get')
        expect([key, operation?.security]).toEqual([key, []]);
      if (access !== 'PUBLIC')
        expect([key, schemes]).toEqual([key, expect.arrayContaining(['session'])]);
      if (access !== 'PUBLIC')
        expect([key, errors]).toEqual([key, expect.arrayContaining(['401'])]);
      if (method !== 'get')
        expect([key, schemes]).toEqual([key, expect.arrayContaining(['csrfHeader'])]);
      if (method !== 'get') expect([key, errors]).toEqual([key, expect.arrayContaining(['403'])]);
    }
  });

  it('answers errors with one problem schema, Retry-After on 429 and 503', () => {
    const problemRef = { $ref: '#/components/schemas/ProblemDto' };
    for (const { method, path, responses } of operationsOf(document)) {
      for (const [status, response] of Object.entries(responses)) {
        if (status < '400' || (path === '/api/health' && status === '503')) continue;
        expect([method, path, status, response.content]).toEqual([
          method,
          path,
          status,
          { [PROBLEM_CONTENT_TYPE]: { schema: problemRef } },
        ]);
        if (status === '429' || status === '503') {
          expect(response.headers?.['Retry-After']).toBeDefined();
        }
      }
    }
    const problem = document.components?.schemas?.['ProblemDto'] as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(problem.properties)).toEqual(
      expect.arrayContaining(['type', 'status', 'errors', 'currentVersion', 'currentState']),
    );
  });

  it('types the query: dates, enums and paging on every list', () => {
    const parameters = (path: string) =>
      Object.fromEntries(
        (document.paths[path]?.get?.parameters ?? []).map((parameter) =>
          'name' in parameter ? [parameter.name, parameter.schema] : [parameter.$ref, undefined],
        ),
      );
    expect(parameters('/api/agreements')['endsFrom']).toEqual(
      expect.objectContaining({ type: 'string', format: 'date' }),
    );
    expect(parameters('/api/requests')['sort']).toEqual(
      expect.objectContaining({ enum: expect.arrayContaining(['submittedAt:desc']) }),
    );
    const lists = operationsOf(document).filter(({ method, responses }) => {
      const schema = responses['200']?.content?.['application/json']?.schema as
        { $ref?: string } | undefined;
      return method === 'get' && /Page(Dto)?$/.test(schema?.$ref ?? '');
    });
    expect(lists.length).toBeGreaterThanOrEqual(8);
    for (const { path } of lists) {
      expect([path, Object.keys(parameters(path))]).toEqual([
        path,
        expect.arrayContaining(['offset', 'limit', 'withTotal']),
      ]);
    }
  });
});
