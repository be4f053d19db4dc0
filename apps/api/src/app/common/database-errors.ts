import { QueryFailedError } from 'typeorm';

import { AppException } from './app-exception';

interface PgError {
  code?: string;
  constraint?: string;
}

/**
 * Turns a constraint violation into a 4xx naming the field, where the constraint is known.
 * `fields` maps constraint names to the request field they guard. Anything else is rethrown.
 */
export function rethrowConstraintViolation(error: unknown, fields: Record<string, string>): never {
  const pg = (error instanceof QueryFailedError ? error.driverError : error) as PgError;
  const field = pg?.constraint ? fields[pg.constraint] : undefined;
  if (field && pg.code === '23505') {
    throw new AppException('DUPLICATE', `Another record already has this ${field}.`, {
      errors: [{ field, messages: [`${field} is already in use`] }],
    });
  }
  if (field && pg.code === '23503') {
    throw AppException.invalid(field, `${field} refers to a record that does not exist`);
  }
  if (field && pg.code === '23514') {
    throw AppException.invalid(field, `${field} is not allowed`);
  }
  throw error;
}
