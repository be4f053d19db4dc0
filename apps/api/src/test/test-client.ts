import type { INestApplication } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import request, { type Response } from 'supertest';

import { SESSION_COOKIE, XSRF_COOKIE, XSRF_HEADER } from '@licensregistret/domain';

import { DEMO_MUNICIPALITY, DEMO_PASSWORD } from '../app/demo/demo-data';
import type { TestAccount } from './factories';

/**
 * A browser-like client for API tests: keeps cookies, echoes the CSRF cookie in the header as
 * Angular does, and comes from its own client address (X-Forwarded-For; the test app trusts the
 * proxy header) so that rate limiting in one test never spills into another.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();

  /**
   * `address` is the X-Forwarded-For header sent: a random address of its own unless given (two
   * clients behind one school's NAT share one).
   */
  constructor(
    private readonly app: INestApplication,
    readonly address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
  ) {}

  get csrfToken(): string | undefined {
    return this.cookies.get(XSRF_COOKIE);
  }

  get sessionToken(): string | undefined {
    return this.cookies.get(SESSION_COOKIE);
  }

  async get(path: string): Promise<Response> {
    return this.remember(await this.prepare(request(this.app.getHttpServer()).get(path)));
  }

  async post(path: string, body?: object): Promise<Response> {
    return this.remember(
      await this.prepare(request(this.app.getHttpServer()).post(path)).send(body),
    );
  }

  async patch(path: string, body?: object): Promise<Response> {
    return this.remember(
      await this.prepare(request(this.app.getHttpServer()).patch(path)).send(body),
    );
  }

  async delete(path: string): Promise<Response> {
    return this.remember(await this.prepare(request(this.app.getHttpServer()).delete(path)));
  }

  /** A multipart upload: text fields first (as the web app sends them), then the file. */
  async postForm(
    path: string,
    fields: Record<string, string>,
    file?: { name: string; content: Buffer },
  ): Promise<Response> {
    let test = this.prepare(request(this.app.getHttpServer()).post(path));
    for (const [name, value] of Object.entries(fields)) test = test.field(name, value);
    if (file) test = test.attach('file', file.content, file.name);
    return this.remember(await test);
  }

  /** The headers this client sends, for a test that speaks HTTP itself. */
  headers(): Record<string, string> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return {
      ...(cookie ? { Cookie: cookie } : {}),
      ...(this.csrfToken ? { [XSRF_HEADER]: this.csrfToken } : {}),
      'X-Forwarded-For': this.address,
    };
  }

  /** Gets a CSRF cookie as the sign-in page does, then signs in. Fails the test if refused. */
  async signIn(
    account: Pick<TestAccount, 'username' | 'password'> & { municipality?: string },
  ): Promise<this> {
    if (!this.csrfToken) await this.get('/api/auth/config');
    const response = await this.post('/api/auth/login', {
      ...(account.municipality ? { municipality: account.municipality } : {}),
      username: account.username,
      password: account.password,
    });
    if (response.status !== 200) {
      throw new Error(`Sign-in as ${account.username} failed: ${response.status} ${response.text}`);
    }
    return this;
  }

  private prepare(test: request.Test): request.Test {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (cookie) test.set('Cookie', cookie);
    if (this.csrfToken) test.set(XSRF_HEADER, this.csrfToken);
    return test.set('X-Forwarded-For', this.address);
  }

  private remember(response: Response): Response {
    const setCookies = response.headers['set-cookie'] as unknown as string[] | undefined;
    for (const header of setCookies ?? []) {
      const [pair = ''] = header.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const value = decodeURIComponent(pair.slice(separator + 1));
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

export function signedIn(app: INestApplication, account: TestAccount): Promise<TestClient> {
  return new TestClient(app).signIn(account);
}

/** A demo account of the demo municipality (Örebro, or the one `municipality` names), to sign in with. */
export function demoAccount(
  username: string,
  municipality = DEMO_MUNICIPALITY.slug,
): { municipality: string; username: string; password: string } {
  return { municipality, username, password: DEMO_PASSWORD };
}
