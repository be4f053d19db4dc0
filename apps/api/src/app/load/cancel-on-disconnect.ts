import type { IncomingMessage, ServerResponse } from 'node:http';

import { QueryScope, runInQueryScope } from '../../database/query-scope';

/**
 * A read whose client goes away before its answer is sent has its SQL cancelled: the call runs
 * in a QueryScope, and the response closing unfinished aborts it (PreparingClient sends
 * PostgreSQL's cancel request for each statement running, and refuses to start more). Writes are
 * left to finish, bounded by the statement timeout, so that what a hung-up client changed does
 * not depend on the moment it hung up.
 */
export function cancelOnDisconnect(
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    next();
    return;
  }
  const scope = new QueryScope();
  response.once('close', () => {
    if (!response.writableFinished) scope.abort();
  });
  runInQueryScope(scope, next);
}
