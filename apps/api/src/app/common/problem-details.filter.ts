import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';

import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, type ProblemDetails } from '@licensregistret/domain';

import { APP_ERROR_STATUS, AppException } from './app-exception';
import { type BusyReason, databaseBusyReason, isDatabaseUnavailable } from './database-errors';
import { RequestValidationException } from './validation';

/**
 * An error of the HTTP layer before a route runs: Fastify's own (a body too large: 413, a
 * content type the API does not read: 415, a bad body: 400), carrying its `statusCode`.
 */
interface ClientHttpError {
  statusCode: number;
  message: string;
}

function isClientHttpError(error: unknown): error is ClientHttpError {
  const status = (error as Partial<ClientHttpError> | null)?.statusCode;
  return error instanceof Error && typeof status === 'number' && status >= 400 && status < 500;
}

/** What a busy 503 says, by its reason. */
const BUSY_DETAIL: Record<BusyReason, string> = {
  pool: 'Every database connection is in use; try again in a moment.',
  timeout:
    'The query ran longer than the server allows; try again, or narrow the filters if it recurs.',
  cancelled: 'The query was cancelled.',
};

/**
 * Every error leaves the API as `application/problem+json` (RFC 9457): a status, a title and,
 * for validation errors, the list of refused fields. Never a stack trace: unexpected errors are
 * logged with the request id and answered with a bare 500. An unreachable database is not a bug
 * but an outage: 503 with Retry-After, logged as a warning without the stack; so is a busy one
 * (no free connection, a statement past its timeout or cancelled), with a type of its own.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(thrown: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const reply = context.getResponse<FastifyReply>();
    const unavailable = isDatabaseUnavailable(thrown);
    const busy = unavailable ? null : databaseBusyReason(thrown);
    const exception = unavailable
      ? AppException.databaseUnavailable()
      : busy
        ? AppException.busy(BUSY_DETAIL[busy])
        : thrown;
    const problem = this.toProblem(exception);
    problem.instance = request.originalUrl;
    problem.requestId = request.id;
    if (unavailable || busy) {
      this.logger.warn(
        { reqId: request.id },
        `Database ${busy ? `busy (${busy})` : 'unavailable'}: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
      );
    } else if (problem.status >= 500) {
      this.logger.error(
        exception instanceof Error
          ? { reqId: request.id, err: exception }
          : { reqId: request.id, thrown: exception },
        'unexpected error',
      );
    }
    if (reply.raw.headersSent) {
      return;
    }
    const headers = {
      ...(exception instanceof AppException ? exception.options.headers : {}),
      'Content-Type': PROBLEM_CONTENT_TYPE,
    };
    if (reply.sent) {
      // A route that writes the Node response itself (takeRawResponse), before it wrote any.
      reply.raw.writeHead(problem.status, headers).end(JSON.stringify(problem));
      return;
    }
    reply.status(problem.status).headers(headers).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof AppException) {
      const status = APP_ERROR_STATUS[exception.code];
      return {
        ...exception.options.extensions,
        type: PROBLEM_TYPES[exception.code],
        title: STATUS_CODES[status] ?? 'Error',
        status,
        detail: exception.detail,
        ...(exception.options.errors ? { errors: exception.options.errors } : {}),
      };
    }
    if (exception instanceof RequestValidationException) {
      return {
        type: PROBLEM_TYPES.INVALID,
        title: STATUS_CODES[HttpStatus.BAD_REQUEST] ?? 'Bad Request',
        status: HttpStatus.BAD_REQUEST,
        detail: `Invalid fields: ${exception.errors.map((error) => error.field).join(', ')}`,
        errors: exception.errors,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message =
        typeof body === 'string'
          ? body
          : ((body as { message?: unknown }).message ?? exception.message);
      return {
        type: 'about:blank',
        title: STATUS_CODES[status] ?? 'Error',
        status,
        detail: Array.isArray(message) ? message.join('; ') : String(message),
      };
    }
    if (isClientHttpError(exception)) {
      return {
        type: 'about:blank',
        title: STATUS_CODES[exception.statusCode] ?? 'Bad Request',
        status: exception.statusCode,
        detail: exception.message,
      };
    }
    return {
      type: 'about:blank',
      title: STATUS_CODES[HttpStatus.INTERNAL_SERVER_ERROR] ?? 'Internal Server Error',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
    };
  }
}
