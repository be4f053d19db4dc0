import { HttpStatus } from '@nestjs/common';

import type { FieldError, ProblemCode } from '@licensregistret/domain';

/**
 * What went wrong, independent of HTTP (the codes and their problem types are the domain's
 * PROBLEM_CODES and PROBLEM_TYPES); the problem filter maps each code to a status.
 */
export const APP_ERROR_STATUS = {
  INVALID: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  CSRF: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  DUPLICATE: HttpStatus.CONFLICT,
  STALE_VERSION: HttpStatus.CONFLICT,
  CONFLICT: HttpStatus.CONFLICT,
  TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  DATABASE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  BUSY: HttpStatus.SERVICE_UNAVAILABLE,
} as const satisfies Record<ProblemCode, HttpStatus>;
/** What a 503 for an unreachable database tells the client to wait before trying again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
/** And a 503 for a busy one: connections come free within a second or two. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

export type AppErrorCode = ProblemCode;

export interface AppExceptionOptions {
  errors?: FieldError[];
  /** Extra members of the problem document, e.g. the current state on a stale version. */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** The one exception features throw; see ProblemDetailsFilter. */
export class AppException extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly detail: string,
    readonly options: AppExceptionOptions = {},
  ) {
    super(detail);
    this.name = 'AppException';
  }

  static invalid(field: string, message: string): AppException {
    return new AppException('INVALID', `Invalid fields: ${field}`, {
      errors: [{ field, messages: [message] }],
    });
  }

  static notFound(what: string): AppException {
    return new AppException('NOT_FOUND', `${what} was not found.`);
  }

  /** The database cannot be reached; see isDatabaseUnavailable. */
  static databaseUnavailable(): AppException {
    return new AppException(
      'DATABASE_UNAVAILABLE',
      'The database does not answer right now; try again in a few seconds.',
      { headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) } },
    );
  }

  /** The database answers, but could not serve this call now; see databaseBusyReason. */
  static busy(detail: string): AppException {
    return new AppException('BUSY', detail, {
      headers: { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) },
    });
  }

  static staleVersion(current: unknown): AppException {
    return new AppException(
      'STALE_VERSION',
      'The record was changed by someone else since you read it; read it again.',
      { extensions: { current } },
    );
  }
}
