// What the bench loads: the same HTTP calls against the API and against the baseline server.

export const OPEN_STATES = 'SUBMITTED,IN_TRIAGE,QUEUED,NEEDS_INFO,IN_REVIEW';

/** The decision queue as the grid asks for it: open requests, oldest first, 100 a block. */
export const queuePath = (offset) =>
  `/api/requests?state=${OPEN_STATES}&sort=submittedAt:asc&limit=100&offset=${offset}` +
  (offset > 0 ? '&withTotal=false' : '');

/** The agreements grid filtered by a status, as procurement opens it. */
export const agreementsPath = '/api/agreements?status=ACTIVE&sort=endsOn:asc&limit=100&offset=0';

/**
 * The scenarios, each as autocannon request definitions for a base URL. `ids` holds the request
 * ids the history and move scenarios use; `slots` the requests the moves go round.
 */
export function scenarios({ specialist, procurement, historyIds, moveSlots }) {
  const rotating = (paths) => {
    let next = 0;
    return () => paths[next++ % paths.length];
  };
  const laterPages = rotating([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => queuePath(n * 100)));
  const historyPaths = rotating(historyIds.map((id) => `/api/requests/${id}/events`));
  return {
    'queue, first page with its total': {
      connections: 32,
      headers: specialist,
      requests: [{ method: 'GET', path: queuePath(0) }],
    },
    // As a browser asks for it: the API compresses (brotli), the baseline does not, so the
    // difference from the first scenario is what compressing costs per request.
    'queue, first page, compressed': {
      connections: 32,
      headers: { ...specialist, 'accept-encoding': 'gzip, deflate, br, zstd' },
      requests: [{ method: 'GET', path: queuePath(0) }],
    },
    'queue, later pages': {
      connections: 32,
      headers: specialist,
      requests: [
        { method: 'GET', setupRequest: (request) => ({ ...request, path: laterPages() }) },
      ],
    },
    'agreements by status': {
      connections: 32,
      headers: procurement,
      requests: [{ method: 'GET', path: agreementsPath }],
    },
    "a request's history": {
      connections: 32,
      headers: specialist,
      requests: [
        { method: 'GET', setupRequest: (request) => ({ ...request, path: historyPaths() }) },
      ],
    },
    'decision moves': {
      connections: 16,
      headers: { ...specialist, 'content-type': 'application/json' },
      requests: [moveRequest(moveSlots)],
    },
  };
}

/**
 * Queue and unqueue, round a set of requests in triage: each call takes a request no other call
 * holds, sends the move its state allows with the version last seen, and learns the new state
 * and version from the answer (a 409 carries them too).
 */
function moveRequest(slots) {
  const free = [...slots];
  return {
    method: 'POST',
    setupRequest: (request, context) => {
      const slot = free.shift();
      if (!slot) throw new Error('more connections than requests to move');
      context.slot = slot;
      return {
        ...request,
        path: `/api/requests/${slot.id}/moves`,
        body: JSON.stringify({
          move: slot.state === 'IN_TRIAGE' ? 'QUEUE' : 'UNQUEUE',
          version: slot.version,
        }),
      };
    },
    onResponse: (status, body, context) => {
      const slot = context.slot;
      try {
        const answer = JSON.parse(body);
        if (status === 200) Object.assign(slot, { state: answer.state, version: answer.version });
        if (status === 409 && answer.currentVersion) {
          Object.assign(slot, { state: answer.currentState, version: answer.currentVersion });
        }
      } finally {
        free.push(slot);
      }
    },
  };
}
