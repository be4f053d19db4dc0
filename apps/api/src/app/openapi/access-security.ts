import type { OpenAPIObject, OperationObject, SecurityRequirementObject } from '@nestjs/swagger';

import { ACCESS_POLICY, type Access } from '@licensregistret/domain';

import { type ProblemStatus, problemResponse } from './api-problems';

/** The security schemes' names in the document (see openapi-document.ts). */
export const SESSION_SCHEME = 'session';
export const CSRF_HEADER_SCHEME = 'csrfHeader';
export const CSRF_COOKIE_SCHEME = 'csrfCookie';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const WRITES = new Set<string>(['post', 'put', 'patch', 'delete']);
/** Routes the guard does not look a session up for (AccessGuard's WITHOUT_SESSION). */
const NO_DATABASE_PROBLEM = new Set(['GET /api/health']);

function securityOf(access: Access, write: boolean): SecurityRequirementObject[] {
  if (access === 'PUBLIC') {
    // A write still needs the CSRF header: the session's token when signed in, else the
    // XSRF-TOKEN cookie repeated (double submit), as for the sign-in itself.
    return write
      ? [
          { [SESSION_SCHEME]: [], [CSRF_HEADER_SCHEME]: [] },
          { [CSRF_COOKIE_SCHEME]: [], [CSRF_HEADER_SCHEME]: [] },
        ]
      : [];
  }
  return [write ? { [SESSION_SCHEME]: [], [CSRF_HEADER_SCHEME]: [] } : { [SESSION_SCHEME]: [] }];
}

/**
 * The errors every operation of a kind can give, from what runs before any controller: the
 * access guard (401 signed out, 403 for roles or a missing CSRF header), the validation pipe (400
 * for any parameter or body), the id lookup (404 for a path with a parameter) and the problem
 * filter (503 when the database does not answer).
 */
function commonProblems(access: Access, write: boolean, operation: OperationObject, path: string) {
  const statuses: ProblemStatus[] = [];
  if ((operation.parameters?.length ?? 0) > 0 || operation.requestBody) statuses.push(400);
  if (access !== 'PUBLIC') statuses.push(401);
  if (Array.isArray(access) || write) statuses.push(403);
  if (path.includes('{')) statuses.push(404);
  statuses.push(503);
  return statuses;
}

/**
 * Sets each operation's security from ACCESS_POLICY, the table the access guard enforces, and
 * adds the errors it shares with every operation of its kind. An operation missing from the
 * policy is refused by the guard for everyone; it gets no security here, and a test fails on it.
 */
export function applyAccessPolicy(document: OpenAPIObject): void {
  const policy = ACCESS_POLICY as Record<string, Access>;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
      const access = policy[key];
      if (!access) continue;
      const write = WRITES.has(method);
      operation.security = securityOf(access, write);
      for (const status of commonProblems(access, write, operation, path)) {
        if (status === 503 && NO_DATABASE_PROBLEM.has(key)) continue;
        operation.responses[status] ??= problemResponse(status);
      }
    }
  }
}
