import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';

/**
 * The Node response, for a route that writes it itself (a spreadsheet streamed page by page, a
 * stored document): Fastify is told to leave it alone. Helmet's headers are on it already; an
 * error before anything is written is still answered as a problem (ProblemDetailsFilter).
 */
export function takeRawResponse(reply: FastifyReply): ServerResponse {
  reply.hijack();
  return reply.raw;
}
