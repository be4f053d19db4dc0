import { HttpStatus } from '@nestjs/common';

import type { FieldError } from '@licensregistret/domain';

/** What went wrong, independent of HTTP; the problem filter maps each code to a status. */
export const APP_ERROR_STATUS = {
  INVALID: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  CSRF: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  DUPLICATE: HttpStatus.CONFLICT,
  STALE_VERSION: HttpStatus.CONFLICT,
  CONFLICT: HttpStatus.CONFLICT,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
} as const;
export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

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

  static staleVersion(current: unknown): AppException {
    return new AppException(
      'STALE_VERSION',
      'The record was changed by someone else since you read it; read it again.',
      { extensions: { current } },
    );
  }
}
