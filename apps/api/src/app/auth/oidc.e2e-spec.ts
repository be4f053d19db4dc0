import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import { findFreePort } from '../../database/embedded-postgres';
import {
  type TestMunicipality,
  closeTestDatabase,
  createTestAccount,
  createTestMunicipality,
  inMunicipality,
  testDatabase,
  unique,
} from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { TestClient } from '../../test/test-client';
import { TEST_MUNICIPALITY } from '../../test/test-databases';

const REDIRECT_URI = 'http://127.0.0.1:3999/api/auth/oidc/callback';

/** Starts the test provider and resolves once it listens. */
async function startProvider(): Promise<{ issuer: string; process: ChildProcess }> {
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    [join(__dirname, '..', '..', 'test', 'oidc-provider.mjs'), String(port), REDIRECT_URI],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`oidc-provider exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
  });
  return { issuer: `http://127.0.0.1:${port}`, process: child };
}

/**
 * Plays the browser at the identity provider: follows its redirects, keeps its cookies, signs in
 * as `login` on its login form and accepts the consent form. Returns the URL it finally sends the
 * browser to: the API's callback with a code.
 */
async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = new URL(authorizationUrl);
  let init: RequestInit = {};
  for (let step = 0; step < 20; step += 1) {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const separator = pair.indexOf('=');
      cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location') as string, url);
      init = {};
      if (url.href.startsWith(REDIRECT_URI)) return url;
      continue;
    }
    const html = await response.text();
    const action = /action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action)
      throw new Error(`Unexpected provider page: ${response.status} ${html.slice(0, 200)}`);
    const form: Record<string, string> = html.includes('value="login"')
      ? { prompt: 'login', login, password: 'any' }
      : { prompt: 'consent' };
    url = new URL(action, url);
    init = {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    };
  }
  throw new Error('The provider never redirected back');
}

describe('OpenID Connect sign-in against a real provider', () => {
  let provider: { issuer: string; process: ChildProcess };
  let app: NestFastifyApplication;

  beforeAll(async () => {
    provider = await startProvider();
    app = await createTestApp({
      oidc: {
        issuer: provider.issuer,
        clientId: 'licensregistret',
        clientSecret: 'test-client-secret',
        redirectUri: REDIRECT_URI,
        claim: 'email',
        label: 'kommunens konto',
      },
    });
  });

  afterAll(async () => {
    await app.close();
    provider.process.kill('SIGTERM');
    await closeTestDatabase();
  });

  /** Starts at the API as the sign-in button does, and returns the callback path to visit. */
  async function startSignIn(client: TestClient, login: string): Promise<string> {
    const start = await client.get(
      `/api/auth/oidc/login?municipality=${TEST_MUNICIPALITY.slug}&returnTo=/katalog`,
    );
    expect(start.status).toBe(302);
    expect(start.headers['location']).toMatch(new RegExp(`^${provider.issuer}/`));
    expect(start.headers['location']).toContain('code_challenge_method=S256');
    const callback = await signInAtProvider(start.headers['location'] as string, login);
    return callback.pathname + callback.search;
  }

  it('offers single sign-on on the sign-in page', async () => {
    const response = await new TestClient(app).get('/api/auth/config');
    expect(response.body.oidc).toEqual({ enabled: true, label: 'kommunens konto' });
  });

  it('signs in the account whose e-mail is the provider’s email claim, then returns to where the user was', async () => {
    const email = `${unique('rektor')}@skola.example`;
    const account = await createTestAccount(['PRINCIPAL'], { email });
    const client = new TestClient(app);

    const callbackPath = await startSignIn(client, email.toUpperCase());
    const callback = await client.get(callbackPath);

    expect(callback.status).toBe(302);
    expect(callback.headers['location']).toBe('/katalog');
    expect(client.sessionToken).toBeDefined();
    const me = await client.get('/api/auth/me');
    expect(me.body).toMatchObject({ id: account.id, roles: ['PRINCIPAL'] });
  });

  it('sends someone without an active account back to sign-in, without a session', async () => {
    const client = new TestClient(app);
    const callbackPath = await startSignIn(client, 'okand@skola.example');
    const callback = await client.get(callbackPath);
    expect(callback.headers['location']).toBe('/logga-in?fel=sso-okant-konto');
    expect(client.sessionToken).toBeUndefined();
  });

  it('signs nobody in when two active accounts share the e-mail', async () => {
    const email = `${unique('delad')}@skola.example`;
    await createTestAccount(['READ_ONLY'], { email });
    await createTestAccount(['ADMIN'], { email });
    const client = new TestClient(app);
    const callback = await client.get(await startSignIn(client, email));
    expect(callback.headers['location']).toBe('/logga-in?fel=sso-okant-konto');
    expect(client.sessionToken).toBeUndefined();
  });

  it('refuses a callback in a browser that did not start the sign-in (login CSRF)', async () => {
    const email = `${unique('offer')}@skola.example`;
    await createTestAccount(['READ_ONLY'], { email });
    const attacker = new TestClient(app);
    const callbackPath = await startSignIn(attacker, email);

    const victim = new TestClient(app);
    const callback = await victim.get(callbackPath);

    expect(callback.headers['location']).toBe('/logga-in?fel=sso');
    expect(victim.sessionToken).toBeUndefined();
  });

  it('is off when not configured: the routes answer 404', async () => {
    const plain = await createTestApp({ oidc: null });
    try {
      const client = new TestClient(plain);
      expect((await client.get('/api/auth/config')).body.oidc.enabled).toBe(false);
      expect((await client.get('/api/auth/oidc/login')).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('a municipality’s own single sign-on', () => {
  let provider: { issuer: string; process: ChildProcess };
  let app: NestFastifyApplication;
  let own: TestMunicipality;

  beforeAll(async () => {
    provider = await startProvider();
    own = await createTestMunicipality();
    await testDatabase().query(
      `UPDATE municipality SET oidc_issuer = $1, oidc_client_id = 'licensregistret',
              oidc_label = 'Grannkommunens konto' WHERE id = $2`,
      [provider.issuer, own.id],
    );
    app = await createTestApp({
      // The installation's provider is not reachable: only the municipality's own can sign in.
      oidc: {
        issuer: 'http://127.0.0.1:9/',
        clientId: 'installation',
        clientSecret: 'never-used',
        redirectUri: REDIRECT_URI,
        claim: 'email',
        label: 'kommunens konto',
      },
      oidcClientSecrets: { [own.slug.toUpperCase().replace(/-/g, '_')]: 'test-client-secret' },
    });
  });

  afterAll(async () => {
    await app.close();
    provider.process.kill('SIGTERM');
    await closeTestDatabase();
  });

  it('names it on the sign-in page once the municipality is chosen', async () => {
    const chosen = await new TestClient(app).get(`/api/auth/config?municipality=${own.slug}`);
    expect(chosen.body.oidc).toEqual({ enabled: true, label: 'Grannkommunens konto' });
    const other = await new TestClient(app).get('/api/auth/config');
    expect(other.body.oidc.label).toBe('kommunens konto');
  });

  it('signs the municipality’s account in through its own provider', async () => {
    const email = `${unique('sso')}@grannkommun.example`;
    const account = await inMunicipality(own, () => createTestAccount(['PRINCIPAL'], { email }));
    const client = new TestClient(app);
    const start = await client.get(`/api/auth/oidc/login?municipality=${own.slug}&returnTo=/`);
    expect(start.status).toBe(302);
    expect(start.headers['location']).toMatch(new RegExp(`^${provider.issuer}/`));
    const callback = await signInAtProvider(start.headers['location'] as string, email);
    const done = await client.get(callback.pathname + callback.search);
    expect(done.status).toBe(302);
    expect(done.headers['location']).toBe('/');
    expect((await client.get('/api/auth/me')).body.id).toBe(account.id);
  });
});
