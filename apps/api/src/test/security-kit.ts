import type { Response } from 'supertest';

import { ACCESS_POLICY, type Access, type RouteKey } from '@licensregistret/domain';

import { testDatabase } from './factories';
import { fingerprint } from './fuzz/fuzz-kit';
import type { TestClient } from './test-client';

/** Helpers for the security suite (src/app/security): the routes of the table, calls, state. */

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface PolicyRoute {
  key: RouteKey;
  method: HttpMethod;
  /** The path pattern, `/api/requests/:id`. */
  pattern: string;
  access: Access;
}

/** Every route of ACCESS_POLICY, split into method and path pattern. */
export function policyRoutes(): PolicyRoute[] {
  return (Object.entries(ACCESS_POLICY) as [RouteKey, Access][]).map(([key, access]) => {
    const [method, pattern] = key.split(' ') as [HttpMethod, string];
    return { key, method, pattern, access };
  });
}

export const hasPathParameter = (route: PolicyRoute): boolean => route.pattern.includes('/:');

/** The method of a route key (`PATCH /api/requests/:id` → PATCH). */
export const methodOf = (key: RouteKey): HttpMethod => key.split(' ')[0] as HttpMethod;

/** Calls `path` with the route's method as the client (its cookies, CSRF header and address). */
export function call(
  client: TestClient,
  method: HttpMethod,
  path: string,
  body?: object,
): Promise<Response> {
  switch (method) {
    case 'GET':
      return client.get(path);
    case 'POST':
      return client.post(path, body);
    case 'PATCH':
      return client.patch(path, body);
    case 'DELETE':
      return client.delete(path);
    default:
      throw new Error(`No ${method} in TestClient`);
  }
}

/** The field names of a problem document's `errors`, sorted. */
export const errorFields = (body: { errors?: { field: string }[] }): string[] =>
  (body.errors ?? []).map((error) => error.field).sort();

/** One row of `table` as text, every column, or null when there is no such row. */
export async function rowState(table: string, id: string, column = 'id'): Promise<string | null> {
  const { rows } = await testDatabase().query(
    `SELECT to_jsonb(t)::text AS state FROM "${table}" t WHERE "${column}" = $1`,
    [id],
  );
  return (rows[0]?.state as string | undefined) ?? null;
}

/**
 * The whole database in one line: row counts and version sums of every table a write can touch
 * (fuzz-kit's fingerprint), plus sessions, which a sign-in writes.
 */
export async function databaseState(): Promise<string> {
  const { rows } = await testDatabase().query(`SELECT count(*)::int AS n FROM session`);
  return `${await fingerprint(testDatabase())} sessions=${rows[0].n}`;
}
