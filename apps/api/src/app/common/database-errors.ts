import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';

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

/** SQLSTATEs saying the server cannot serve right now: connection exceptions and shutdowns. */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123])$/;
/** Node socket errors on the way to the server. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** pg and pg-pool raise these as plain Errors with no code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/, // …unexpectedly, …due to connection timeout
  /^Client has encountered a connection error and is not queryable$/,
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * Whether an error means the database cannot be reached (down, restarting, unreachable, or no
 * connection in time) rather than that the query or the data is wrong. Looks through TypeORM's
 * QueryFailedError, `cause` and an AggregateError's `errors`.
 *
 * Duck-typed, not `instanceof Error`: socket errors are made by Node's own realm, which is not
 * the realm of the code under test in jest.
 *
 * A transaction whose connection the server drops between two statements fails on the next one
 * with TypeORM's "query runner already released" (TypeORM releases a connection on its 'error'
 * event), so those count too; outside that, they would be a bug using a finished transaction.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  if (
    error instanceof QueryRunnerAlreadyReleasedError ||
    error instanceof QueryRunnerProviderAlreadyReleasedError
  ) {
    return true;
  }
  const { code, message, driverError, cause, errors } = error as ErrorLike;
  if (
    typeof code === 'string' &&
    (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET_CODES.has(code))
  ) {
    return true;
  }
  if (
    typeof message === 'string' &&
    UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))
  ) {
    return true;
  }
  const inner = [driverError, cause, ...(Array.isArray(errors) ? errors : [])];
  return inner.some((candidate) => isDatabaseUnavailable(candidate, depth + 1));
}

/** Why the database could not serve a call that it would serve on a quieter moment. */
export type BusyReason = 'pool' | 'timeout' | 'cancelled';

/**
 * pg-pool's error when every connection stayed in use for connectionTimeoutMillis. It is raised
 * only for a caller queued behind a full pool (a new connection that cannot be made in time is
 * "Connection terminated due to connection timeout", an unavailable database).
 */
const POOL_WAIT_TIMEOUT = /^timeout exceeded when trying to connect$/;
/** SQLSTATE query_canceled: the statement timeout, or a cancel request. */
const QUERY_CANCELED = '57014';

/**
 * Whether an error means the database is there but this call could not be served now: no pooled
 * connection came free in time (`pool`), a statement ran past the statement timeout
 * (`timeout`), or it was cancelled, mostly because its client went away (`cancelled`). Null
 * otherwise. Looks through TypeORM's QueryFailedError and `cause`, as isDatabaseUnavailable.
 */
export function databaseBusyReason(error: unknown, depth = 0): BusyReason | null {
  if (typeof error !== 'object' || error === null || depth > 3) return null;
  const { code, message, driverError, cause } = error as ErrorLike;
  if (typeof message === 'string' && POOL_WAIT_TIMEOUT.test(message)) return 'pool';
  if (code === QUERY_CANCELED) {
    return typeof message === 'string' && /statement timeout/.test(message)
      ? 'timeout'
      : 'cancelled';
  }
  if (code === 'LR_CLIENT_GONE') return 'cancelled'; // QueryAbortedError
  return databaseBusyReason(driverError, depth + 1) ?? databaseBusyReason(cause, depth + 1) ?? null;
}
