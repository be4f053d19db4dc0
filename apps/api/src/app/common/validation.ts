import { type ValidationError, ValidationPipe } from '@nestjs/common';

import type { FieldError } from '@licensregistret/domain';

/** Thrown by the global ValidationPipe; the problem filter lists `errors` field by field. */
export class RequestValidationException extends Error {
  constructor(readonly errors: FieldError[]) {
    super('The request has invalid fields.');
    this.name = 'RequestValidationException';
  }
}

/** Flattens class-validator's tree into dotted field paths (`items.0.name`). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints
      ? [{ field, messages: Object.values(error.constraints) }]
      : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new RequestValidationException(toFieldErrors(errors)),
  });
}
