import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';

import type { LogLevel } from '../../config/app-config';
import { requestId } from './request-id';

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
 * pino-http's options. A request is logged as its id (`reqId`), method and URL (secrets taken
 * out) and its answer as the status: no headers at all, so no cookie, CSRF token or client detail
 * reaches the log, and a line is about 230 bytes instead of 1.3–1.9 kB (docs/reliability.md).
 * Lines written inside a request carry only its id (`quietReqLogger`); the redaction paths stay
 * as a second guard for anything that logs a request's headers anyway.
 */
export function pinoHttpOptions(level: LogLevel): Options {
  return {
    level,
    // Fastify's id (see createApp), which the Node request carries.
    genReqId: (request) => (request as { id?: string }).id ?? requestId(request),
    quietReqLogger: true,
    serializers: {
      // The request id is the line's `reqId` already.
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
    autoLogging: { ignore: (request) => request.url === '/api/health' },
  };
}

/** nestjs-pino's `pinoHttp` parameter: the options, and a destination when one is given. */
export function pinoHttpParams(
  level: LogLevel,
  destination?: DestinationStream,
): NonNullable<Params['pinoHttp']> {
  const options = pinoHttpOptions(level);
  return destination ? [options, destination] : options;
}
