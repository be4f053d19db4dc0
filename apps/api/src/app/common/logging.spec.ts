import { Logger } from '@nestjs/common';

import { AppLogger, createPinoLogger, redactUrl } from './logging';

describe('redactUrl', () => {
  it.each([
    ['/api/calendar/s3cr3t-T0ken_abc/deadlines.ics', '/api/calendar/[redacted]/deadlines.ics'],
    ['/api/calendar/s3cr3t/deadlines.ics?x=1', '/api/calendar/[redacted]/deadlines.ics?x=1'],
    ['/api/calendar/feed', '/api/calendar/feed'],
    ['/api/calendar/feed?x=1', '/api/calendar/feed?x=1'],
    [
      '/api/auth/oidc/callback?code=abc&state=def&iss=https%3A%2F%2Fidp',
      '/api/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp',
    ],
    ['/api/requests?state=SUBMITTED&code=1', '/api/requests?state=[redacted]&code=[redacted]'],
    ['/api/agreements?sort=endsOn', '/api/agreements?sort=endsOn'],
  ])('logs %s as %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});

describe('AppLogger', () => {
  const lines: Record<string, unknown>[] = [];
  const logger = new AppLogger(
    createPinoLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) }),
  );

  beforeEach(() => {
    lines.length = 0;
  });

  it("writes a Nest logger's context, and the request id a line inside a request gives", () => {
    logger.warn({ reqId: 'r-1' }, 'Database busy', 'ProblemDetailsFilter');
    logger.log('started', 'Bootstrap');
    logger.debug('not at info', 'Bootstrap');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        reqId: 'r-1',
        context: 'ProblemDetailsFilter',
        msg: 'Database busy',
      }),
      expect.objectContaining({ level: 30, context: 'Bootstrap', msg: 'started' }),
    ]);
  });

  it("writes an error with its stack, also given as Nest's exception handler gives it", () => {
    logger.error({ reqId: 'r-2', err: new Error('boom') }, 'unexpected error', 'Filter');
    logger.error('bad', 'Error: bad\n    at somewhere (x.ts:1:1)', 'ExceptionsHandler');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        reqId: 'r-2',
        msg: 'unexpected error',
        err: expect.objectContaining({
          message: 'boom',
          stack: expect.stringContaining('Error: boom'),
        }),
      }),
      expect.objectContaining({
        level: 50,
        context: 'ExceptionsHandler',
        err: expect.objectContaining({
          message: 'bad',
          stack: expect.stringContaining('at somewhere'),
        }),
      }),
    ]);
  });

  it("is what Nest's own Logger writes through once the app uses it", () => {
    Logger.overrideLogger(logger);
    new Logger('Guard').error({ reqId: 'r-3' }, 'refused');
    Logger.overrideLogger(false);
    expect(lines).toEqual([
      expect.objectContaining({ level: 50, reqId: 'r-3', context: 'Guard', msg: 'refused' }),
    ]);
  });
});
