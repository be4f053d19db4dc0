import { Transform } from 'class-transformer';
import { IsUUID, ValidateBy, type ValidationOptions } from 'class-validator';

import { isIsoDate, organisationNumberProblem } from '@licensregistret/domain';

/** NNNNNN-NNNN with a correct Luhn check digit. */
export function IsOrganisationNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isOrganisationNumber',
      validator: {
        validate: (value) => organisationNumberProblem(value) === null,
        defaultMessage: (args) =>
          organisationNumberProblem(args?.value) === 'CHECK_DIGIT'
            ? `${args?.property} has a wrong check digit`
            : `${args?.property} must be a Swedish organisation number, NNNNNN-NNNN`,
      },
    },
    options,
  );
}

/** A real calendar date written YYYY-MM-DD. */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value) => isIsoDate(value),
        defaultMessage: (args) => `${args?.property} must be a date, YYYY-MM-DD`,
      },
    },
    options,
  );
}

/** Trims a string before it is validated, so "  " is empty and names carry no stray spaces. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * A finite number with at most two decimals (an amount in kronor). class-validator's
 * `IsNumber({ maxDecimalPlaces })` throws on a fraction written in exponent form (5e-324),
 * which made a 500 of a 400.
 */
export function IsAmount(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAmount',
      validator: {
        validate: (value) =>
          typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(2)) === value,
        defaultMessage: (args) => `${args?.property} must be a number with at most two decimals`,
      },
    },
    options,
  );
}

/**
 * The largest value of PostgreSQL's `integer`, the column type of counts and versions: a larger
 * one reached the database and made a 500 of a 400 ("out of range for type integer").
 */
export const MAX_INT4 = 2_147_483_647;

/**
 * What a name may not hold: control characters (C0, DEL, C1: line breaks, tabs, escapes), the
 * line and paragraph separators, and the bidirectional text controls (embeddings and overrides
 * U+202A–U+202E, isolates U+2066–U+2069, marks U+200E, U+200F and U+061C), with which a name
 * can show as something else than it is ("Trojan Source") or break a line in a log or an export.
 */
const UNSAFE_IN_NAME = /[\p{Cc}\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** Whether a name holds a control character or a bidi control (see UNSAFE_IN_NAME). */
export function hasUnsafeNameCharacter(text: string): boolean {
  return UNSAFE_IN_NAME.test(text);
}

/**
 * A name (of a unit, supplier, service, person or tool) without control characters or bidi
 * controls. Leaves other types to IsString, so a number is refused once, not twice.
 */
export function IsSafeName(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSafeName',
      validator: {
        validate: (value) => typeof value !== 'string' || !hasUnsafeNameCharacter(value),
        defaultMessage: (args) =>
          `${args?.property} must not contain control characters (such as line breaks) or bidirectional text controls`,
      },
    },
    options,
  );
}

/**
 * An id: any UUID PostgreSQL accepts, as the path parameters take them (`UuidParam`), whatever
 * its version digit. class-validator's own `IsUUID()` takes versions 1–8 only, so an imported
 * or generated id the API itself answered with could be refused as a filter.
 */
export function IsId(options?: ValidationOptions): PropertyDecorator {
  return IsUUID('loose', options);
}
