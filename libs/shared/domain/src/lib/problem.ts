/** One invalid input field and what is wrong with it. */
export interface FieldError {
  /** Dotted path of the field in the request, e.g. `body.endDate` or `query.limit`. */
  field: string;
  messages: string[];
}

/** An error response, `application/problem+json` as in RFC 9457. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** The request id, also sent as the `X-Request-Id` header, to find the request in the logs. */
  requestId?: string;
  /** Present on validation errors: every field that was refused. */
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * What went wrong, independent of HTTP: the API throws these codes (and maps each to a status),
 * and answers each with its own problem `type`.
 */
export const PROBLEM_CODES = [
  'INVALID',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF',
  'NOT_FOUND',
  'DUPLICATE',
  'STALE_VERSION',
  'CONFLICT',
  'TOO_LARGE',
  'UNSUPPORTED_TYPE',
  'RATE_LIMITED',
  'DATABASE_UNAVAILABLE',
  'BUSY',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * The problem `type` URI of each code, as the API sends it and the web compares it:
 * `urn:licensregistret:problem:` and the code in kebab case (`STALE_VERSION` -> `stale-version`).
 */
export const PROBLEM_TYPES = {
  INVALID: 'urn:licensregistret:problem:invalid',
  UNAUTHENTICATED: 'urn:licensregistret:problem:unauthenticated',
  FORBIDDEN: 'urn:licensregistret:problem:forbidden',
  CSRF: 'urn:licensregistret:problem:csrf',
  NOT_FOUND: 'urn:licensregistret:problem:not-found',
  DUPLICATE: 'urn:licensregistret:problem:duplicate',
  STALE_VERSION: 'urn:licensregistret:problem:stale-version',
  CONFLICT: 'urn:licensregistret:problem:conflict',
  /** An upload past its size limit (413). */
  TOO_LARGE: 'urn:licensregistret:problem:too-large',
  /** An upload whose bytes are none of the accepted types, whatever its name says (415). */
  UNSUPPORTED_TYPE: 'urn:licensregistret:problem:unsupported-type',
  RATE_LIMITED: 'urn:licensregistret:problem:rate-limited',
  DATABASE_UNAVAILABLE: 'urn:licensregistret:problem:database-unavailable',
  /**
   * The database answers but this instance cannot serve the call now: every pooled connection is
   * in use, or a statement ran past the statement timeout. 503 with Retry-After, like
   * DATABASE_UNAVAILABLE, which means the database itself does not answer.
   */
  BUSY: 'urn:licensregistret:problem:busy',
} as const satisfies Record<ProblemCode, string>;
export type ProblemType = (typeof PROBLEM_TYPES)[ProblemCode];
