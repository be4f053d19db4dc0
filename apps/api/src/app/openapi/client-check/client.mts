// What a consumer of the API writes with a client generated from /api/docs-json
// (openapi-typescript for the types, openapi-fetch for the calls): no cast, no type of its own.
// openapi-client.e2e-spec.ts compiles it with tsc --strict and runs it against the API.
import createClient, { type Middleware } from 'openapi-fetch';

import type { paths } from './api.js';

const cookies = new Map<string, string>();

/** The browser's part: keep the cookies, repeat the XSRF-TOKEN cookie in the header. */
const browser: Middleware = {
  onRequest({ request }) {
    request.headers.set(
      'Cookie',
      [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    );
    const xsrf = cookies.get('XSRF-TOKEN');
    if (xsrf) request.headers.set('X-XSRF-TOKEN', xsrf);
    return request;
  },
  onResponse({ response }) {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const separator = pair.indexOf('=');
      cookies.set(pair.slice(0, separator), decodeURIComponent(pair.slice(separator + 1)));
    }
    return response;
  },
};

const api = createClient<paths>({ baseUrl: process.env['API_BASE_URL'] });
api.use(browser);

async function main(): Promise<void> {
  await api.GET('/api/auth/config');
  const signedIn = await api.POST('/api/auth/login', {
    body: {
      municipality: process.env['API_MUNICIPALITY'] ?? '',
      username: 'specialist',
      password: process.env['API_PASSWORD'] ?? '',
    },
  });
  if (!signedIn.data) throw new Error(`sign-in refused: ${signedIn.error?.detail}`);
  const roles: string[] = signedIn.data.roles;

  const queue = await api.GET('/api/requests', {
    params: { query: { state: 'SUBMITTED', sort: 'submittedAt:asc', limit: 20 } },
  });
  if (!queue.data) throw new Error(`the queue: ${queue.error?.detail}`);
  const first = queue.data.rows[0];
  if (!first) throw new Error('the queue is empty');

  const opened = await api.GET('/api/requests/{id}', { params: { path: { id: first.id } } });
  if (!opened.data) throw new Error(`request ${first.number}: ${opened.error?.detail}`);
  const history = await api.GET('/api/requests/{id}/events', {
    params: { path: { id: first.id } },
  });
  if (!history.data) throw new Error(`history: ${history.error?.detail}`);

  const moved = await api.POST('/api/requests/{id}/moves', {
    params: { path: { id: first.id } },
    body: { move: 'START_TRIAGE', version: opened.data.version },
  });
  if (!moved.data) throw new Error(`the move: ${moved.error?.detail}`);
  // The same move on the version read before it: someone else's move, as it were.
  const again = await api.POST('/api/requests/{id}/moves', {
    params: { path: { id: first.id } },
    body: { move: 'START_TRIAGE', version: opened.data.version },
  });
  if (again.response.status !== 409 || !again.error) throw new Error('a stale version passed');
  const currentVersion: number | undefined = again.error.currentVersion;

  const agreements = await api.GET('/api/agreements', {
    params: { query: { sort: 'endsOn:asc', endsFrom: '2020-01-01', limit: 10 } },
  });
  const licences = await api.GET('/api/licences', { params: { query: { limit: 10 } } });
  if (!agreements.data || !licences.data) throw new Error('agreements or licences refused');

  console.log(
    JSON.stringify({
      roles,
      request: first.number,
      historyKinds: history.data.map((event) => event.kind),
      movedTo: moved.data.state,
      movedVersion: moved.data.version,
      conflict: { type: again.error.type, currentVersion },
      agreements: agreements.data.total,
      agreementEnds: agreements.data.rows.map((agreement) => agreement.endsOn),
      licences: licences.data.total,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
