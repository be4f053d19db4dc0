import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import type { Pool } from 'pg';
import request, { type Response } from 'supertest';

import { PROBLEM_CONTENT_TYPE, XSRF_HEADER } from '@licensregistret/domain';

import { MAX_JSON_DEPTH } from '../../app/common/json-body';
import type { TestClient } from '../test-client';

/**
 * Property-based fuzzing of the API (apps/api/src/app/fuzz). Deterministic: every property runs
 * with the same seed, FUZZ_SEED overrides it. FUZZ_RUNS sets the runs per route (default 300,
 * which keeps the suite near a minute on two cores); for a long hunt, e.g.
 *   FUZZ_RUNS=5000 FUZZ_SEED=7 npx jest -c apps/api/jest.config.ts apps/api/src/app/fuzz
 * A failure prints fast-check's shrunk counterexample and the seed and path to replay it.
 */
export const FUZZ_RUNS = positiveInt(process.env['FUZZ_RUNS'], 300);
export const FUZZ_SEED = Number.parseInt(process.env['FUZZ_SEED'] ?? '', 10) || 20_260_611;

function positiveInt(text: string | undefined, fallback: number): number {
  const value = Number.parseInt(text ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Options for fc.assert: the seed, the runs, and a time budget per property that scales with them. */
export function fuzzOptions(runs = FUZZ_RUNS): fc.Parameters<unknown> {
  return { numRuns: runs, seed: FUZZ_SEED, endOnFailure: false };
}

/** A jest timeout for a property of `runs` HTTP calls. */
export function fuzzTimeout(runs = FUZZ_RUNS): number {
  return 60_000 + runs * 200;
}

// ---------------------------------------------------------------------------------------------
// Values

/**
 * Integers past PostgreSQL's `integer` (2^31) and `bigint` (2^63), and 1e21, the first that
 * JavaScript writes in exponent form: each was a 500 once (issue 13).
 */
const HUGE_INTEGERS = [
  '2147483648',
  '-2147483649',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775809',
  '18446744073709551616',
  '1e21',
  '1E21',
  '-1e21',
  '1e+21',
];

/** Numbers JSON cannot carry: written into the body text in place of their marker strings. */
const RAW_NUMBERS = [
  '1e309',
  '-1e309',
  '-0',
  '1e-400',
  '9007199254740993',
  '0.1e1',
  '1E2',
  ...HUGE_INTEGERS,
];
const RAW_MARKER = (raw: string) => `__raw_number_${raw}__`;

/** Huge integers as text, for query parameters (`offset=1e21`) and string fields. */
export function hugeIntegerText(): fc.Arbitrary<string> {
  return fc.constantFrom(...HUGE_INTEGERS);
}

/**
 * Arrays or objects nested this deep, written into the body text in place of their marker
 * strings (JSON.stringify itself would overflow the stack): at the API's bound, just past it,
 * and far past it, where the steps after parsing once overflowed the stack (a 500).
 */
const NESTING_DEPTHS = [MAX_JSON_DEPTH, MAX_JSON_DEPTH + 1, 1_000, 5_000, 20_000];
const NEST_MARKER = /"__raw_nest_(array|object)_(\d+)__"/g;

/** A deeply nested array or object, as a marker that bodyText expands. */
export function deeplyNested(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom('array', 'object'), fc.constantFrom(...NESTING_DEPTHS))
    .map(([kind, depth]) => `__raw_nest_${kind}_${depth}__`);
}

function nestedText(kind: string, depth: number): string {
  return kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

const UNICODE_SAMPLES = [
  '',
  ' ',
  '\u0000',
  '\u200b',
  '\ud800',
  '\udfff',
  '💥🧨',
  'Å\u030a',
  'ﬃ',
  'İ',
  '\u202eevil',
  '<script>alert(1)</script>',
  "'; DROP TABLE request; --",
  '%00',
  '%',
  '\\',
  '_',
  '../../etc/passwd',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
];

const STRINGY_NUMBERS = [
  ...HUGE_INTEGERS,
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x10',
  '1_000',
  '١٢',
  '12abc',
  ' 5 ',
  '',
];

const BAD_DATES = [
  '2027-02-30',
  '2027-13-01',
  '2027-00-10',
  '0000-01-01',
  '9999-12-31',
  '+275760-09-13',
  '2027-1-1',
  '2027-01-01T00:00:00Z',
  '2027-01-01T25:00:00',
  '2024-02-29',
  '2023-02-29',
  '1969-12-31',
  '20270101',
  'today',
];

/** UUIDs with no row, the nil UUID, and ones that are almost UUIDs. */
const ODD_UUIDS = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-0000-0000-00000000000',
  '00000000-0000-0000-0000-0000000000000',
  'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  '{00000000-0000-4000-8000-000000000000}',
  '00000000000040008000000000000000',
];

export function hugeString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(200, 201, 4000, 4001, 65_536, 500_001).map((n) => 'x'.repeat(n)),
    fc.string({ unit: 'grapheme', minLength: 100, maxLength: 300 }).map((s) => s.repeat(40)),
  );
}

/** Strings of every kind: short, unicode, huge, dates, numbers as text, uuids. */
export function junkString(
  existingIds: readonly string[] = [],
  { huge = true }: { huge?: boolean } = {},
): fc.Arbitrary<string> {
  const arbitraries: fc.Arbitrary<string>[] = [
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom(...UNICODE_SAMPLES),
    fc.constantFrom(...STRINGY_NUMBERS),
    fc.constantFrom(...BAD_DATES),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
    fc.uuid(),
    fc.constantFrom(...ODD_UUIDS),
    fc.webUrl(),
    fc.emailAddress(),
  ];
  // Not in a URL: past Node's 16 KB header limit the server itself answers 431, before the API.
  if (huge) arbitraries.push(hugeString());
  if (existingIds.length > 0) arbitraries.push(fc.constantFrom(...existingIds));
  return fc.oneof(...arbitraries);
}

/** Any value a JSON body can hold, with the odd ones weighted up. */
export function junkValue(existingIds: readonly string[] = []): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: junkString(existingIds), weight: 4 },
    {
      arbitrary: fc.constantFrom(
        null,
        true,
        false,
        0,
        -1,
        1,
        2,
        0.5,
        -0.01,
        1e21,
        2 ** 31 - 1,
        2 ** 31,
        -(2 ** 31) - 1,
        2 ** 53,
        2 ** 63,
      ),
      weight: 2,
    },
    { arbitrary: fc.double(), weight: 1 },
    { arbitrary: fc.integer(), weight: 1 },
    { arbitrary: fc.constantFrom(...RAW_NUMBERS).map(RAW_MARKER), weight: 1 },
    { arbitrary: deeplyNested(), weight: 1 },
    { arbitrary: fc.array(junkString(existingIds), { maxLength: 4 }), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
    {
      arbitrary: fc.constant<unknown>(
        JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{}}}'),
      ),
      weight: 1,
    },
    {
      arbitrary: fc.constantFrom<unknown>(
        {},
        [],
        [null],
        [[]],
        { length: 1e9 },
        new Array(30).fill('GR'),
      ),
      weight: 1,
    },
  );
}

/**
 * A body for a route: any JSON at all, an object of the route's own field names with wrong
 * values, or a valid body with some fields spoilt, left out or added.
 */
export function bodyFor(
  fields: Record<string, fc.Arbitrary<unknown>>,
  existingIds: readonly string[] = [],
): fc.Arbitrary<unknown> {
  const names = Object.keys(fields);
  const junk = junkValue(existingIds);
  const spoilt = fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.dictionary(fc.constantFrom(...names), junk, { maxKeys: 3 }),
      fc.option(fc.dictionary(fc.string({ maxLength: 12 }), junk, { maxKeys: 2 }), { freq: 4 }),
    )
    .map(([valid, wrong, extra]) => ({ ...valid, ...wrong, ...(extra ?? {}) }));
  return fc.oneof(
    { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 1 },
    { arbitrary: junkValue(existingIds), weight: 1 },
    { arbitrary: fc.dictionary(fc.constantFrom(...names), junk), weight: 3 },
    { arbitrary: fc.record(fields, { requiredKeys: [] }), weight: 2 },
    { arbitrary: spoilt, weight: 5 },
  );
}

/** A valid-looking value, or now and then a junk one. */
export function mostly<T>(
  arbitrary: fc.Arbitrary<T>,
  existingIds: readonly string[] = [],
): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary, weight: 4 }, { arbitrary: junkValue(existingIds), weight: 1 });
}

/** A path id: an existing one, a UUID with no row, or no UUID at all. */
export function pathId(existing: readonly string[]): fc.Arbitrary<string> {
  const arbitraries: fc.Arbitrary<string>[] = [
    fc.uuid(),
    fc.constantFrom(...ODD_UUIDS),
    fc.string({ maxLength: 40 }),
  ];
  if (existing.length > 0) {
    return fc.oneof(
      { arbitrary: fc.constantFrom(...existing), weight: 6 },
      ...arbitraries.map((arbitrary) => ({ arbitrary, weight: 1 })),
    );
  }
  return fc.oneof(...arbitraries);
}

// ---------------------------------------------------------------------------------------------
// Calls

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * The body as text: JSON with the raw-number markers put back as numbers and the nesting
 * markers as the nested arrays or objects they stand for.
 */
export function bodyText(body: unknown): string {
  let text = JSON.stringify(body) ?? 'null';
  for (const raw of RAW_NUMBERS) text = text.split(JSON.stringify(RAW_MARKER(raw))).join(raw);
  return text.replace(NEST_MARKER, (_marker, kind: string, depth: string) =>
    nestedText(kind, Number(depth)),
  );
}

/** Sends as the client does (cookies, CSRF header, its address), the body as JSON text. */
export async function send(
  app: INestApplication,
  client: TestClient,
  method: Method,
  path: string,
  body?: unknown,
): Promise<Response> {
  const agent = request(app.getHttpServer());
  const verb = { GET: agent.get, POST: agent.post, PATCH: agent.patch, DELETE: agent.delete }[
    method
  ];
  const test = verb.call(agent, encodePath(path));
  const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  if (cookie) test.set('Cookie', cookie);
  if (client.csrfToken) test.set(XSRF_HEADER, client.csrfToken);
  test.set('X-Forwarded-For', client.address);
  if (body === undefined) return test;
  return test.set('Content-Type', 'application/json').send(bodyText(body));
}

/** Path segments that are generated junk are percent-encoded, so the URL itself stays valid. */
function encodePath(path: string): string {
  const [pathname, query] = splitOnce(path, '?');
  const encoded = pathname
    .split('/')
    .map((segment) => (/^[A-Za-z0-9._~:-]*$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
  return query === undefined ? encoded : `${encoded}?${query}`;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}

/** Never a 5xx; every 4xx a problem document. Throws (failing the property) otherwise. */
export function checkAnswer(response: Response, what: string): void {
  const { status } = response;
  if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
    throw new Error(`${what}: answered ${status} ${response.text.slice(0, 500)}`);
  }
  if (status >= 400) {
    const type = String(response.headers['content-type'] ?? '');
    if (!type.startsWith(PROBLEM_CONTENT_TYPE)) {
      throw new Error(
        `${what}: ${status} as ${type || 'no content type'}, not ${PROBLEM_CONTENT_TYPE}`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The database before and after

/** Tables whose rows a write may add or change; session and login bookkeeping left out. */
const FINGERPRINT_SQL = `
  SELECT json_build_object(
    'municipality', (SELECT count(*) FROM municipality),
    'administration', (SELECT count(*) FROM administration),
    'account', (SELECT json_build_array(count(*), sum(version), count(*) FILTER (WHERE active)) FROM account),
    'account_school_unit', (SELECT count(*) FROM account_school_unit),
    'school_unit', (SELECT json_build_array(count(*), sum(version)) FROM school_unit),
    'supplier', (SELECT json_build_array(count(*), sum(version)) FROM supplier),
    'digital_service', (SELECT json_build_array(count(*), sum(version)) FROM digital_service),
    'agreement', (SELECT json_build_array(count(*), sum(version)) FROM agreement),
    'licence', (SELECT json_build_array(count(*), sum(version)) FROM licence),
    'licence_unit', (SELECT count(*) FROM licence_unit),
    'request', (SELECT json_build_array(count(*), sum(version)) FROM request),
    'service_review', (SELECT count(*) FROM service_review),
    'notification', (SELECT json_build_array(count(*), count(read_at)) FROM notification),
    'reminder', (SELECT count(*) FROM reminder),
    'calendar_feed', (SELECT count(*) FROM calendar_feed),
    'document', (SELECT json_build_array(count(*), count(removed_at)) FROM document),
    'document_chunk', (SELECT count(*) FROM document_chunk),
    'event', (SELECT json_build_array(count(*), max(id)) FROM event)
  )::text AS fingerprint`;

export async function fingerprint(db: Pool): Promise<string> {
  const { rows } = await db.query(FINGERPRINT_SQL);
  return rows[0].fingerprint as string;
}

// ---------------------------------------------------------------------------------------------
// What was seen

/** Status counts per route, printed once at the end. */
export class FuzzTally {
  private readonly seen = new Map<string, Map<number, number>>();

  count(route: string, status: number): void {
    const statuses = this.seen.get(route) ?? new Map<number, number>();
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    this.seen.set(route, statuses);
  }

  /** How many calls the route has had. */
  total(route: string): number {
    return [...(this.seen.get(route)?.values() ?? [])].reduce((sum, n) => sum + n, 0);
  }

  summary(title: string): string {
    const lines = [...this.seen].map(([route, statuses]) => {
      const total = [...statuses.values()].reduce((sum, n) => sum + n, 0);
      const histogram = [...statuses]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${status}×${n}`)
        .join(' ');
      return `${route.padEnd(44)} ${String(total).padStart(6)} cases  ${histogram}`;
    });
    return [`${title} (seed ${FUZZ_SEED}, ${FUZZ_RUNS} runs per route)`, ...lines].join('\n');
  }
}
