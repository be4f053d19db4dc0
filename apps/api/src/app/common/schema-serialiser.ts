import { Logger } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import fastJson from 'fast-json-stringify';
import type { FastifyInstance } from 'fastify';
import { isDeepStrictEqual } from 'node:util';

/**
 * The hot JSON routes whose answers are written from their schema in the OpenAPI document
 * (fast-json-stringify) rather than by JSON.stringify: the grids' pages, a request and its
 * history. Their answers are the API's most frequent and largest.
 */
export const SCHEMA_SERIALISED_ROUTES = [
  'GET /api/requests',
  'GET /api/requests/{id}',
  'GET /api/requests/{id}/events',
  'POST /api/requests/{id}/moves',
  'GET /api/agreements',
] as const;

export type Stringify = (value: unknown) => string;

/** An answer that differs from its schema: a field the schema lacks, or of another type. */
export class AnswerSchemaMismatch extends Error {
  constructor(route: string, path: string) {
    super(
      `${route}: the answer differs from its OpenAPI schema at ${path || 'the top'}; ` +
        'declare the field in the response DTO (a schema-serialised answer drops what it does not name)',
    );
    this.name = 'AnswerSchemaMismatch';
  }
}

/** The first place two JSON values differ, as a dotted path. */
function firstDifference(expected: unknown, actual: unknown, path = ''): string | null {
  if (isDeepStrictEqual(expected, actual)) return null;
  if (
    typeof expected !== 'object' ||
    typeof actual !== 'object' ||
    expected === null ||
    actual === null ||
    Array.isArray(expected) !== Array.isArray(actual)
  ) {
    return path;
  }
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of keys) {
    const difference = firstDifference(
      (expected as Record<string, unknown>)[key],
      (actual as Record<string, unknown>)[key],
      path ? `${path}.${key}` : key,
    );
    if (difference !== null) return difference;
  }
  return path;
}

/** The schema of the route's 200 JSON answer ("GET /api/requests/{id}"), if the document has one. */
function answerSchemaOf(document: OpenAPIObject, route: string): object | undefined {
  const [method, path] = route.split(' ');
  const operation = document.paths[path]?.[method.toLowerCase() as 'get'];
  const answer = operation?.responses['200'] as
    { content?: Record<string, { schema?: object }> } | undefined;
  return answer?.content?.['application/json']?.schema;
}

const UNIONS = ['oneOf', 'anyOf', 'allOf'];

/**
 * OpenAPI 3.0's `nullable` beside a union (`{ type: object, nullable, oneOf }`, a review of any
 * kind or none) as JSON Schema's `anyOf` with null, which fast-json-stringify writes correctly;
 * it tries the union's branches on a null first and refuses it.
 */
function nullableUnionsAsAnyOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(nullableUnionsAsAnyOf);
  if (typeof schema !== 'object' || schema === null) return schema;
  const converted = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, nullableUnionsAsAnyOf(value)]),
  );
  const { nullable, type, ...rest } = converted;
  // A nullable enum lists null among its values for the validator that picks a union's branch
  // (Ajv reads `nullable` but still holds the value to `enum`): a GDPR review's legal basis.
  if (nullable === true && Array.isArray(rest['enum']) && !rest['enum'].includes(null)) {
    converted['enum'] = [...rest['enum'], null];
  }
  if (nullable !== true || !UNIONS.some((union) => union in rest)) return converted;
  return { anyOf: [{ type: 'null' }, rest] };
}

/** Keywords that only judge a value (the request forms' rules), not its shape or its branch. */
const VALIDATION_ONLY = new Set([
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
]);

/** Keywords whose value maps names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'schemas', 'patternProperties', 'definitions']);

/**
 * The schema without VALIDATION_ONLY keywords. fast-json-stringify picks a union's branch (a
 * nullable object among them) by validating the value against it, and a DTO shared with a
 * request body carries that body's rules: a new tool's web address answered as '' failed
 * `format: uri`, and the answer with it (found by the bench).
 */
function shapeOnly(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(shapeOnly);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !VALIDATION_ONLY.has(key))
      .map(([key, value]) => [
        key,
        SCHEMA_MAPS.has(key) && typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, shapeOnly(sub)]))
          : shapeOnly(value),
      ]),
  );
}

/**
 * A writer for the 200 answer of `route` ("GET /api/requests/{id}"), compiled from the document's
 * schema with its components. With `check`, every answer is also written by JSON.stringify and
 * the two must read back equal, or it throws AnswerSchemaMismatch: fast-json-stringify leaves
 * out a property the schema does not name, silently, so the API tests run with the check on
 * and a field added to an answer but not to its DTO fails them. Production runs without it.
 */
export function compileAnswerWriter(
  document: OpenAPIObject,
  route: string,
  check: boolean,
): Stringify {
  const schema = answerSchemaOf(document, route);
  if (!schema) throw new Error(`${route} has no application/json 200 schema in the document`);
  const write = fastJson(
    shapeOnly(nullableUnionsAsAnyOf({ ...schema, components: document.components })) as object,
  ) as Stringify;
  if (!check) {
    // An answer fast-json-stringify refuses (no union branch fits, a required field missing)
    // would otherwise be a 500 for a reader; the tests, with the check, fail on it instead.
    const logger = new Logger('SchemaSerialiser');
    return (value) => {
      try {
        return write(value);
      } catch (error) {
        logger.error(
          `${route}: written by JSON.stringify, its schema refused the answer: ${error}`,
        );
        return JSON.stringify(value);
      }
    };
  }
  return (value) => {
    const written = write(value);
    const expected: unknown = JSON.parse(JSON.stringify(value));
    const difference = firstDifference(expected, JSON.parse(written));
    if (difference !== null) throw new AnswerSchemaMismatch(route, difference);
    return written;
  };
}

/** "/api/requests/:id" as the OpenAPI document names the path: "/api/requests/{id}". */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

/**
 * Fastify's own serialisation for SCHEMA_SERIALISED_ROUTES: each route's 200 answer is written by
 * the writer compiled once, at start, from its schema in the OpenAPI document (a route's
 * `serializerCompiler` for its `response` schema). Nest's answer reaches Fastify as the object
 * the handler returned, and only 200s take the writer: problems keep JSON.stringify. Call it
 * before the app's routes are registered (`app.init()`).
 */
export function serialiseFromSchemas(
  fastify: FastifyInstance,
  document: OpenAPIObject,
  check: boolean,
  routes: readonly string[] = SCHEMA_SERIALISED_ROUTES,
): void {
  const writers = new Map<string, Stringify>();
  for (const route of routes) {
    // The answers' schemas come from the swagger plugin, which the build and the API tests
    // run; `npm start` (ts-node) does not, and then the route keeps JSON.stringify.
    if (answerSchemaOf(document, route)) {
      writers.set(route, compileAnswerWriter(document, route, check));
    } else {
      new Logger('SchemaSerialiser').warn(
        `${route} has no answer schema (no swagger plugin?): JSON.stringify`,
      );
    }
  }
  fastify.addHook('onRoute', (route) => {
    if (Array.isArray(route.method)) return;
    const write = writers.get(`${route.method} ${openApiPath(route.url)}`);
    if (!write) return;
    route.schema = { ...route.schema, response: { 200: {} } };
    route.serializerCompiler = () => write;
  });
}
