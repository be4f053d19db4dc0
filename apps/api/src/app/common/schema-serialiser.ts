import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
  RequestMethod,
} from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { Reflector } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import fastJson from 'fast-json-stringify';
import { isDeepStrictEqual } from 'node:util';
import { type Observable, map } from 'rxjs';

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
    const logger = new Logger(SchemaSerialiser.name);
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

const METHOD_NAMES: Partial<Record<RequestMethod, string>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
};

/**
 * Writes the answers of SCHEMA_SERIALISED_ROUTES from their schemas, compiled once at start.
 * The route is found from the controller's and handler's metadata, not from the HTTP adapter's
 * request, so this works the same on Express and Fastify; the answer leaves as the JSON text
 * with its content type, which both adapters send as it is.
 */
@Injectable()
export class SchemaSerialiser implements NestInterceptor {
  private readonly logger = new Logger(SchemaSerialiser.name);
  private readonly writers = new Map<string, Stringify>();
  private readonly byHandler = new WeakMap<object, Stringify | null>();

  constructor(
    private readonly reflector: Reflector,
    private readonly prefix: string,
    document: OpenAPIObject,
    check: boolean,
    routes: readonly string[] = SCHEMA_SERIALISED_ROUTES,
  ) {
    for (const route of routes) {
      // The answers' schemas come from the swagger plugin, which the build and the API tests
      // run; `npm start` (ts-node) does not, and then the route keeps JSON.stringify.
      if (answerSchemaOf(document, route)) {
        this.writers.set(route, compileAnswerWriter(document, route, check));
      } else {
        this.logger.warn(`${route} has no answer schema (no swagger plugin?): JSON.stringify`);
      }
    }
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const write = this.writerFor(context);
    if (!write) return next.handle();
    const response = context.switchToHttp().getResponse<{
      header(name: string, value: string): unknown;
    }>();
    return next.handle().pipe(
      map((value: unknown) => {
        response.header('Content-Type', 'application/json; charset=utf-8');
        return write(value);
      }),
    );
  }

  private writerFor(context: ExecutionContext): Stringify | null {
    const handler = context.getHandler();
    let write = this.byHandler.get(handler);
    if (write === undefined) {
      write = this.writers.get(this.routeOf(context) ?? '') ?? null;
      this.byHandler.set(handler, write);
    }
    return write;
  }

  /** "GET /api/requests/{id}", as the document names the handler's route. */
  private routeOf(context: ExecutionContext): string | null {
    if (context.getType() !== 'http') return null;
    const method =
      METHOD_NAMES[this.reflector.get<RequestMethod>(METHOD_METADATA, context.getHandler())];
    const parts = [
      this.prefix,
      this.reflector.get<unknown>(PATH_METADATA, context.getClass()),
      this.reflector.get<unknown>(PATH_METADATA, context.getHandler()),
    ];
    if (!method || !parts.every((part) => typeof part === 'string')) return null;
    const path = `/${parts.join('/')}`
      .replace(/\/{2,}/g, '/')
      .replace(/(.)\/$/, '$1')
      .replace(/:(\w+)/g, '{$1}');
    return `${method} ${path}`;
  }
}
