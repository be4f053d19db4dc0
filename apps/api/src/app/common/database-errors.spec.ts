import { DatabaseError } from 'pg';
import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';

import { QueryAbortedError } from '../../database/query-scope';
import { databaseBusyReason, isDatabaseUnavailable } from './database-errors';

function pgError(code: string, message = 'server says no'): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
}

function failedQuery(driverError: Error): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], driverError);
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['the server refusing connections', socketError('ECONNREFUSED')],
    ['a reset connection', socketError('ECONNRESET')],
    ['a connection that timed out in the kernel', socketError('ETIMEDOUT')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['pg’s connect timeout', new Error('Connection terminated due to connection timeout')],
    [
      'a client broken by an earlier error',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    ['class 08, a connection failure', pgError('08006')],
    ['class 08, a refused connection', pgError('08001')],
    [
      '57P01, an administrator shutdown',
      pgError('57P01', 'terminating connection due to administrator command'),
    ],
    ['57P02, a crash shutdown', pgError('57P02')],
    [
      '57P03, the server starting or stopping',
      pgError('57P03', 'the database system is shutting down'),
    ],
    ['57P01 wrapped by TypeORM', failedQuery(pgError('57P01'))],
    ['a dropped connection wrapped by TypeORM', failedQuery(new Error('Connection terminated'))],
    ['a refusal as the cause', new Error('cannot connect', { cause: socketError('ECONNREFUSED') })],
    [
      'refusals on every address (happy eyeballs)',
      new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')], 'refused'),
    ],
    ['a transaction whose connection was dropped', new QueryRunnerAlreadyReleasedError()],
    [
      'a transaction’s manager whose connection was dropped',
      new QueryRunnerProviderAlreadyReleasedError(),
    ],
    [
      'a socket error from another realm (not instanceof Error)',
      { message: 'connect ECONNREFUSED 127.0.0.1:5432', code: 'ECONNREFUSED' },
    ],
  ])('is true for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', failedQuery(pgError('23505'))],
    ['a syntax error', failedQuery(pgError('42601'))],
    ['a serialization failure', failedQuery(pgError('40001'))],
    ['a statement cancelled by timeout (57014)', failedQuery(pgError('57014'))],
    ['no pooled connection free in time', new Error('timeout exceeded when trying to connect')],
    ['a bug', new TypeError('Cannot read properties of undefined')],
    ['a message merely mentioning a connection', new Error('Connection refused by policy')],
    ['a string', 'ECONNREFUSED'],
    ['an error with a numeric code', Object.assign(new Error('odd'), { code: 57 })],
    ['nothing', undefined],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('databaseBusyReason', () => {
  it.each([
    [
      'pool',
      'no pooled connection free in time',
      new Error('timeout exceeded when trying to connect'),
    ],
    [
      'timeout',
      'the statement timeout, through TypeORM',
      failedQuery(pgError('57014', 'canceling statement due to statement timeout')),
    ],
    [
      'cancelled',
      'a cancel request',
      failedQuery(pgError('57014', 'canceling statement due to user request')),
    ],
    ['cancelled', 'a statement not started for a client gone', new QueryAbortedError()],
    [
      'pool',
      'the pool as the cause',
      new Error('no connection', { cause: new Error('timeout exceeded when trying to connect') }),
    ],
  ])('is %s for %s', (reason, _, error) => {
    expect(databaseBusyReason(error)).toBe(reason);
  });

  it.each([
    ['a refused connection', socketError('ECONNREFUSED')],
    ['pg’s connect timeout', new Error('Connection terminated due to connection timeout')],
    ['a unique violation', failedQuery(pgError('23505'))],
    ['a lock not available', failedQuery(pgError('55P03'))],
    ['a bug', new TypeError('Cannot read properties of undefined')],
    ['nothing', undefined],
  ])('is null for %s', (_, error) => {
    expect(databaseBusyReason(error)).toBeNull();
  });
});
