// What the bench loads: the same HTTP calls against the API and against the baseline server.

export const OPEN_STATES = 'SUBMITTED,IN_TRIAGE,QUEUED,NEEDS_INFO,IN_REVIEW';

/** The decision queue as the grid asks for it: open requests, oldest first, 100 a block. */
export const queuePath = (offset) =>
  `/api/requests?state=${OPEN_STATES}&sort=submittedAt:asc&limit=100&offset=${offset}` +
  (offset > 0 ? '&withTotal=false' : '');

/**
 * Where the grid has scrolled far: blocks from row 5,000 to 9,500 (MAX_LIST_OFFSET is 10,000),
 * asked by offset (a jump) or after the cursor of the block before (scrolling on).
 */
export const DEEP_OFFSETS = [5000, 5500, 6000, 6500, 7000, 7500, 8000, 8500, 9000, 9500];

/** The queue's block after `cursor` (a page's nextCursor), as the grid asks for it. */
export const queueAfterPath = (cursor) =>
  `/api/requests?state=${OPEN_STATES}&sort=submittedAt:asc&limit=100&withTotal=false&after=${cursor}`;

/**
 * The cursors before the queue's blocks at `offsets`, read as the grid reads them: block after
 * block, each after the cursor of the one before.
 */
export async function queueCursors(base, headers, offsets) {
  const cursors = new Map();
  let path = queuePath(0);
  for (let row = 0; row < Math.max(...offsets); row += 100) {
    const response = await fetch(`${base}${path}`, { headers });
    const page = await response.json();
    if (!response.ok || !page.nextCursor) throw new Error(`The queue ended at row ${row}`);
    if (offsets.includes(row + 100)) cursors.set(row + 100, page.nextCursor);
    path = queueAfterPath(page.nextCursor);
  }
  return offsets.map((offset) => cursors.get(offset));
}

/** The agreements grid filtered by a status, as procurement opens it. */
export const agreementsPath = '/api/agreements?status=ACTIVE&sort=endsOn:asc&limit=100&offset=0';

/**
 * The scenarios, each as autocannon request definitions for a base URL. `ids` holds the request
 * ids the history and move scenarios use; `slots` the requests the moves go round.
 */
export function scenarios({
  specialist,
  procurement,
  historyIds,
  moveSlots,
  deepCursors = [],
  deepOffsets = DEEP_OFFSETS,
}) {
  const rotating = (paths) => {
    let next = 0;
    return () => paths[next++ % paths.length];
  };
  const laterPages = rotating([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => queuePath(n * 100)));
  const deepByOffset = rotating(deepOffsets.map((offset) => queuePath(offset)));
  const deepByKey = rotating(deepCursors.map((cursor) => queueAfterPath(cursor)));
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
    // The same blocks, far down: by OFFSET the database reads and joins every row before each.
    // Two at a time, as one person's grid asks (ag-grid's maxConcurrentDatasourceRequests): the
    // API lets an account run two deep-offset pages at once (HEAVY_CALLS_PER_ACCOUNT) and
    // refuses more with 429; a page after a cursor is not heavy.
    'queue, deep pages (offset)': {
      connections: 2,
      headers: specialist,
      requests: [
        { method: 'GET', setupRequest: (request) => ({ ...request, path: deepByOffset() }) },
      ],
    },
    'queue, deep pages (keyset)': {
      connections: 2,
      headers: specialist,
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: deepByKey() }) }],
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
