import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import {
  type FieldError,
  PROBLEM_TYPES,
  type ProblemDetails,
  type RequestState,
} from '@licensregistret/domain';

import {
  APPROVAL_BLOCKERS_SCHEMA,
  type ApprovalBlockerDto,
} from '../reviews/dto/review-responses.dto';

/** One refused input field. */
export class FieldErrorDto implements FieldError {
  /** Dotted path of the field in the request, e.g. `body.endDate` or `query.limit`. */
  field!: string;
  messages!: string[];
}

/**
 * Every error answer, `application/problem+json` (RFC 9457). The members after `errors` appear
 * only on the problems that carry them.
 */
export class ProblemDto implements ProblemDetails {
  /** `urn:licensregistret:problem:<kind>`, or `about:blank` for a plain HTTP error. */
  @ApiProperty({ enum: [...Object.values(PROBLEM_TYPES), 'about:blank'] })
  type!: string;
  title!: string;
  status!: number;
  detail?: string;
  /** The path of the request. */
  instance?: string;
  /** The request id, also sent as the `X-Request-Id` header, to find the request in the logs. */
  requestId?: string;
  /** On 400: every field that was refused. */
  errors?: FieldErrorDto[];
  /** On a refused or stale move of a request (409, 403, 400): the request's state now. */
  currentState?: RequestState;
  /** On a refused or stale move of a request (409, 403, 400): the version to read again. */
  currentVersion?: number;
  /** On a stale version of any other record (409): the record as it is now. */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  current?: Record<string, unknown>;
  /** On an approval the review gates stop (409): what blocks it. */
  @ApiPropertyOptional(APPROVAL_BLOCKERS_SCHEMA)
  blockers?: ApprovalBlockerDto[];
  /** On 429: seconds to wait, as in the Retry-After header. */
  retryAfter?: number;
}
