import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';

import type { LogLevel } from '../../config/app-config';

const REDACTED = '[redacted]';
/** The secret of a calendar feed's address, `/api/calendar/<secret>/deadlines.ics`. */
const CALENDAR_SECRET = /^(\/api\/calendar\/)(?!feed(?:[/?#]|$))[^/?#]+/;
/** Query parameters that carry secrets: single sign-on's code and state. */
const SECRET_PARAMETER = /([?&](?:code|state|session_state|token)=)[^&#]*/gi;

/** A request's URL as logged: without a calendar feed's secret or single sign-on's code. */
export function redactUrl(url: string): string {
  return url.replace(CALENDAR_SECRET, `$1${REDACTED}`).replace(SECRET_PARAMETER, `$1${REDACTED}`);
}

/**
 * The app's one pino logger, JSON lines to stdout (or the given destination). The redaction
 * paths are a second guard for anything that logs a request's headers anyway: the request log
 * itself writes none (logRequests).
 */
export function createPinoLogger(level: LogLevel, destination?: DestinationStream): PinoLogger {
  const options = {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-xsrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: REDACTED,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * One line per answered request, written when Fastify has sent it: its id (`reqId`), method and
 * URL (secrets taken out), the status and the time taken. No headers at all, so no cookie, CSRF
 * token or client detail reaches the log, and a line is about 230 bytes (docs/reliability.md).
 *
 * Written from one `onResponse` hook with the root logger: no child logger, no `finish`
 * listener and no AsyncLocalStorage per request (pino-http and nestjs-pino's, about 5 % of a
 * short call's time). A line written inside a request names it with its `reqId` itself (the
 * problem filter, the access guard); Fastify's own logger stays off.
 */
export function logRequests(fastify: FastifyInstance, logger: PinoLogger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const url = request.originalUrl;
    if (url === '/api/health') return done();
    const statusCode = reply.statusCode;
    const line = {
      reqId: request.id,
      req: { method: request.method, url: redactUrl(url) },
      res: { statusCode },
      responseTime: Math.round(reply.elapsedTime),
    };
    if (statusCode >= 500) logger.error(line, 'request errored');
    else logger.info(line, 'request completed');
    done();
  });
}

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's logger over pino, as nestjs-pino's `Logger` wrote its lines: the last extra argument is
 * the context (`new Logger(Name)`); an object first is merged into the line (`{ reqId, err }`),
 * an Error becomes `err`.
 */
export class AppLogger implements LoggerService {
  constructor(readonly pino: PinoLogger) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    let rest = params;
    if (params.length > 0) {
      fields['context'] = params[params.length - 1];
      rest = params.slice(0, -1);
    }
    if (message instanceof Error) {
      fields['err'] = message;
      this.pino[level](fields, ...(rest as []));
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level](Object.assign(fields, message), ...(rest as []));
    } else if (isStackContract(level, message, rest)) {
      // Nest's own exception handlers call error(message, stack, context).
      const err = new Error(message as string);
      err.stack = rest[0] as string;
      fields['err'] = err;
      this.pino[level](fields);
    } else {
      this.pino[level](fields, String(message), ...(rest as []));
    }
  }
}

function isStackContract(level: Level, message: unknown, rest: unknown[]): boolean {
  return (
    level === 'error' &&
    typeof message === 'string' &&
    rest.length === 1 &&
    typeof rest[0] === 'string' &&
    /\n\s*at /.test(rest[0])
  );
}
