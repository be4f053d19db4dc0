import { type ArgumentMetadata, type ValidationError, ValidationPipe } from '@nestjs/common';

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

/** With the `u` flag a surrogate pair is one code point, so this matches lone halves only. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The fields of a body or query whose text PostgreSQL cannot store (the NUL character) or that
 * is not well-formed Unicode (a lone surrogate, on which some validators throw), as dotted paths.
 */
export function unstorableTextFields(value: unknown, path: string): string[] {
  if (typeof value === 'string') {
    return value.includes('\u0000') || LONE_SURROGATE.test(value) ? [path] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) =>
    unstorableTextFields(item, path ? `${path}.${key}` : key),
  );
}

/**
 * Keys that name an object's prototype machinery. JSON.parse keeps `"__proto__"` as an own
 * property, but Nest's ValidationPipe deletes these keys (and class-transformer skips them)
 * before class-validator looks, so `forbidNonWhitelisted` never saw them and they were dropped
 * without a word. They are refused here instead, as any unknown field is.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The own keys `__proto__`, `constructor` and `prototype` in a value, as refused fields. */
export function prototypeKeyErrors(value: unknown, path: string): FieldError[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const field = path ? `${path}.${key}` : key;
    return PROTOTYPE_KEYS.has(key)
      ? [{ field, messages: [`property ${key} should not exist`] }]
      : prototypeKeyErrors(item, field);
  });
}

/**
 * class-validator behind two checks of the raw value: that every text can be stored at all,
 * and that no key names the prototype (refused as an unknown field, which it is).
 */
class RequestValidationPipe extends ValidationPipe {
  /**
   * class-validator's rules per DTO class, kept for the pipe's life: Nest's pipe looks them up
   * anew on every call (a filter over every DTO's rules), which was 3 % of a queue page's CPU.
   */
  private readonly rulesByClass = new Map<unknown, unknown[]>();

  protected override findNestedBinaryValues(
    object: unknown,
    metadataCache: Map<unknown, unknown[]> = this.rulesByClass,
  ): ValidationError[] {
    return super.findNestedBinaryValues(object, metadataCache);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const root = metadata.data ?? '';
      const errors: FieldError[] = [
        ...unstorableTextFields(value, root).map((field) => ({
          field: field || metadata.type,
          messages: [`${field || metadata.type} contains a NUL character or broken Unicode`],
        })),
        ...prototypeKeyErrors(value, root),
      ];
      if (errors.length > 0) throw new RequestValidationException(errors);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new RequestValidationException(toFieldErrors(errors)),
  });
}
