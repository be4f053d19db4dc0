import type { IncomingMessage, ServerResponse } from 'node:http';

import { QueryScope, runInQueryScope } from '../../database/query-scope';

/**
 * Every call runs in a QueryScope of its own: its statements act for the municipality the call
 * is found to act for (docs/tenancy.md), and for none until then.
 *
 * A read whose client goes away before its answer is sent has its SQL cancelled: the response
 * closing unfinished aborts the scope (PreparingClient sends PostgreSQL's cancel request for each
 * statement running, and refuses to start more). Writes are left to finish, bounded by the
 * statement timeout, so that what a hung-up client changed does not depend on the moment it hung
 * up.
 */
export function cancelOnDisconnect(
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
): void {
  const scope = new QueryScope();
  if (request.method === 'GET' || request.method === 'HEAD') {
    response.once('close', () => {
      if (!response.writableFinished) scope.abort();
    });
  }
  runInQueryScope(scope, next);
}
