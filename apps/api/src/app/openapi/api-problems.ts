import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { HeaderObject, ResponseObject } from '@nestjs/swagger';

import { PROBLEM_CONTENT_TYPE } from '@licensregistret/domain';

import { ProblemDto } from './problem.dto';

/** The error statuses the API answers with a problem document. */
export const PROBLEM_STATUSES = [400, 401, 403, 404, 409, 413, 415, 429, 503] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

const DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'Invalid input: `errors` names every refused field.',
  401: 'Not signed in, or the session has ended.',
  403: 'The caller’s roles do not allow this, or (on a write) the X-XSRF-TOKEN header does not repeat the XSRF-TOKEN cookie.',
  404: 'No such record, or one the caller may not see.',
  409: 'A conflict with the record as it is now: a stale `version` (the problem carries the current one), a duplicate, or a state that refuses the change.',
  413: 'The upload is larger than its limit: `errors` names the field.',
  415: 'The upload’s bytes are none of the accepted types: `errors` names the field.',
  429: 'Too many attempts: wait the seconds in Retry-After.',
  503: 'The database does not answer right now: try again after the seconds in Retry-After.',
};

const RETRY_AFTER: HeaderObject = {
  description: 'Seconds to wait before trying again',
  schema: { type: 'integer', minimum: 0 },
};

/** The response object of a problem status: the shared problem schema, Retry-After where due. */
export function problemResponse(
  status: ProblemStatus,
  description = DESCRIPTIONS[status],
): ResponseObject {
  return {
    description,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
    ...(status === 429 || status === 503 ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
  };
}

/**
 * Documents the errors an operation gives beyond the ones every operation of its kind gives
 * (those are added from the access policy and the operation's shape: see access-security.ts).
 */
export const ApiProblems = (...statuses: ProblemStatus[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })),
  );
