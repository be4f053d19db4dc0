import { type APIRequestContext, expect, request } from '@playwright/test';

import { OREBRO_SLUG } from './fixtures';

/** The demo accounts' published password (README). */
const DEMO_PASSWORD = 'Skolverktyg-2026';

export interface Api {
  post: (path: string, data: unknown) => Promise<Record<string, unknown>>;
  get: (path: string) => Promise<Record<string, unknown>>;
  dispose: () => Promise<void>;
}

/** The API as a demo account (of Örebro unless named), to set up what the browser then works on. */
export async function apiAs(
  baseURL: string,
  username: string,
  municipality = OREBRO_SLUG,
): Promise<Api> {
  const context: APIRequestContext = await request.newContext({ baseURL });
  const xsrf = async () => ({
    'X-XSRF-TOKEN':
      (await context.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '',
  });
  await context.get('/api/auth/config');
  const login = await context.post('/api/auth/login', {
    data: { municipality, username, password: DEMO_PASSWORD },
    headers: await xsrf(),
  });
  expect(login.status(), `sign-in as ${username} in ${municipality}`).toBe(200);
  const headers = await xsrf();
  const json = async (response: Awaited<ReturnType<APIRequestContext['get']>>, what: string) => {
    expect(response.ok(), `${what}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as Record<string, unknown>;
  };
  return {
    post: async (path, data) => json(await context.post(path, { data, headers }), `POST ${path}`),
    get: async (path) => json(await context.get(path), `GET ${path}`),
    dispose: () => context.dispose(),
  };
}

export async function move(api: Api, id: string, body: Record<string, unknown>) {
  const current = await api.get(`/api/requests/${id}`);
  return api.post(`/api/requests/${id}/moves`, { version: current['version'], ...body });
}

/** A valid Swedish organisation number no earlier run is likely to have used. */
export function organisationNumber(): string {
  const body = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
  const sum = [...body].reduce((total, digit, index) => {
    const doubled = Number(digit) * (index % 2 === 0 ? 2 : 1);
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return `${body.slice(0, 6)}-${body.slice(6)}${(10 - (sum % 10)) % 10}`;
}
