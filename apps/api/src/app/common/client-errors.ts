import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from '@licensregistret/domain';

/** What Node's HTTP parser refuses before Fastify sees a request, by the error's code. */
const ANSWERS: Record<string, { status: number; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    detail:
      'The request line and headers are larger than the server reads (16 KB); a very long address is the usual cause.',
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    detail: 'The chunk extensions of the request body are too large.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    detail: 'The request did not arrive in time.',
  },
};
const MALFORMED = { status: 400, detail: 'The request is not valid HTTP/1.1.' };

/** A whole HTTP/1.1 response with a problem document, to write to the socket itself. */
export function clientErrorResponse(code: string | undefined): string {
  const { status, detail } = (code && ANSWERS[code]) || MALFORMED;
  const title = STATUS_CODES[status] ?? 'Bad Request';
  const problem: ProblemDetails = { type: 'about:blank', title, status, detail };
  const body = JSON.stringify(problem);
  return [
    `HTTP/1.1 ${status} ${title}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'X-Content-Type-Options: nosniff',
    'Cache-Control: no-store',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Node's HTTP server cannot parse some requests (too long a URL or headers: 431; bad syntax: 400;
 * too slow: 408); Fastify's `clientErrorHandler` answers them, before any route, and this answers
 * the same statuses as problem documents, as every other error of the API is. As Node does, only
 * when nothing of a response is on the socket yet and the peer has not gone.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(clientErrorResponse(error.code));
}
