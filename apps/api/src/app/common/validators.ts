import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';

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
