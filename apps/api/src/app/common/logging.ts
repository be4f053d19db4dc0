import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { type DestinationStream, type LoggerOptions, type Logger as PinoLogger, pino } from 'pino';

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

interface SerializedRequest {
  method?: string;
  url?: string;
}

/**
 * The API's pino logger, which Fastify uses for its requests and nestjs-pino for Nest's logs. A
 * request is logged as its id (`reqId`, Fastify's binding on the request's logger), method and
 * URL (secrets taken out) and its answer as the status: no headers at all, so no cookie, CSRF
 * token or client detail reaches the log, and a line is about 230 bytes instead of 1.3–1.9 kB
 * (docs/reliability.md). The redaction paths stay as a second guard for anything that logs a
 * request's headers anyway.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): PinoLogger {
  const options: LoggerOptions = {
    level,
    serializers: {
      req: (request: SerializedRequest) => ({
        method: request.method,
        url: typeof request.url === 'string' ? redactUrl(request.url) : request.url,
      }),
      res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
    },
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
 * Fastify's request log, one line per answered request: on the request's own logger, so it
 * carries the request id, with the method, the URL, the status and the time (Fastify's own is
 * two lines, the request's and the answer's). The health check, asked every few seconds by a
 * load balancer, is left out.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {
    // The answer's line says it all.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (request.url === '/api/health') return;
    request.log[error || reply.statusCode >= 500 ? 'error' : 'info'](
      { req: request.raw, res: reply.raw, responseTime: reply.elapsedTime },
      'request completed',
    );
  }
}
