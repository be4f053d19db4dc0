import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { AuthConfig } from '@licensregistret/domain';

import { AuthStore, retryAfterSeconds } from './auth.store';
import { sessionUser, setXsrfCookie, startAs } from './auth.testing';

const admin = sessionUser(['ADMIN'], { displayName: 'Ada Admin' });
const config: AuthConfig = {
  demoPassword: 'demo',
  oidc: { enabled: false, label: '' },
  accessibilityContact: 'tillganglighet@kommun.example.se',
};

describe('AuthStore', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('is loading until the API says who is signed in, then signed in', async () => {
    setXsrfCookie('token');
    const store = TestBed.inject(AuthStore);
    const loaded = store.ensureLoaded();
    expect(store.state()).toEqual({ kind: 'loading' });

    http.expectOne('/api/auth/session').flush({ signedIn: true, user: admin });
    await loaded;

    expect(store.state()).toEqual({ kind: 'signed-in', user: admin });
    expect(store.user()?.displayName).toBe('Ada Admin');
    expect(store.roles()).toEqual(['ADMIN']);
  });

  it('asks only once, however many guards wait for the answer', async () => {
    setXsrfCookie('token');
    const store = TestBed.inject(AuthStore);
    const first = store.ensureLoaded();
    const second = store.ensureLoaded();
    http.expectOne('/api/auth/session').flush({ signedIn: true, user: admin });
    await Promise.all([first, second]);
    await store.ensureLoaded();
    http.expectNone('/api/auth/session');
    expect(store.user()).toEqual(admin);
  });

  it('is signed out when the API answers that no session exists', async () => {
    const store = await startAs(null);
    expect(store.state()).toEqual({ kind: 'signed-out' });
    expect(store.roles()).toBeNull();
    expect(store.hasAnyRole('ADMIN', 'READ_ONLY')).toBe(false);
  });

  it('is signed out, not stuck loading, when the API does not answer', async () => {
    const store = TestBed.inject(AuthStore);
    const loaded = store.ensureLoaded();
    http.expectOne('/api/auth/session').error(new ProgressEvent('error'), { status: 0 });
    await loaded;
    expect(store.state()).toEqual({ kind: 'signed-out' });
  });

  it('tells which roles the signed-in person has', async () => {
    const store = await startAs(sessionUser(['REQUESTER', 'PRINCIPAL']));
    expect(store.hasAnyRole('PRINCIPAL')).toBe(true);
    expect(store.hasAnyRole('ADMIN', 'PROCUREMENT')).toBe(false);
  });

  it('signs in with the X-XSRF-TOKEN header copied from the cookie', async () => {
    const store = await startAs(null);
    setXsrfCookie('abc123');

    const result = store.signIn({ username: 'admin', password: 'secret' });
    const request = http.expectOne({ method: 'POST', url: '/api/auth/login' });
    expect(request.request.body).toEqual({ username: 'admin', password: 'secret' });
    expect(request.request.headers.get('X-XSRF-TOKEN')).toBe('abc123');
    request.flush(admin);

    expect(await result).toEqual({ ok: true, user: admin });
    expect(store.user()).toEqual(admin);
  });

  it('reports wrong credentials on 401 and stays signed out', async () => {
    const store = await startAs(null);
    const result = store.signIn({ username: 'admin', password: 'wrong' });
    http
      .expectOne('/api/auth/login')
      .flush({ status: 401, title: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });

    expect(await result).toEqual({ ok: false, failure: { kind: 'credentials' } });
    expect(store.user()).toBeNull();
  });

  it('reports rate limiting on 429 with the Retry-After delay', async () => {
    const store = await startAs(null);
    const result = store.signIn({ username: 'admin', password: 'wrong' });
    http
      .expectOne('/api/auth/login')
      .flush(
        { status: 429, title: 'Too Many Requests' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '600' } },
      );

    expect(await result).toEqual({
      ok: false,
      failure: { kind: 'rate-limited', retryAfterSeconds: 600 },
    });
  });

  it('signs out on the server and forgets the user', async () => {
    const store = await startAs(admin);
    const done = store.signOut();
    http.expectOne({ method: 'POST', url: '/api/auth/logout' }).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await done;
    expect(store.state()).toEqual({ kind: 'signed-out' });
  });

  it('forgets the user even when signing out on the server fails', async () => {
    const store = await startAs(admin);
    const done = store.signOut();
    http.expectOne('/api/auth/logout').error(new ProgressEvent('error'), { status: 0 });
    await done;
    expect(store.user()).toBeNull();
  });

  it('loads what the sign-in page offers', async () => {
    const store = TestBed.inject(AuthStore);
    const loading = store.loadConfig();
    expect(store.config()).toEqual({ kind: 'loading' });
    http.expectOne('/api/auth/config').flush(config);
    await loading;
    expect(store.config()).toEqual({ kind: 'loaded', config });
  });

  it('says demo mode while the configuration is read again, and not before it is read', async () => {
    const store = TestBed.inject(AuthStore);
    expect(store.demoMode()).toBe(false);
    const first = store.loadConfig();
    http.expectOne('/api/auth/config').flush({ ...config, demoPassword: 'demo-2026' });
    await first;
    expect(store.demoMode()).toBe(true);
    const again = store.loadConfig();
    expect(store.demoMode()).toBe(true);
    http.expectOne('/api/auth/config').flush({ ...config, demoPassword: null });
    await again;
    expect(store.demoMode()).toBe(false);
  });
});

describe('retryAfterSeconds', () => {
  it('reads seconds', () => {
    expect(retryAfterSeconds('120')).toBe(120);
  });

  it('reads an HTTP date as the seconds until then', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(retryAfterSeconds('Thu, 01 Jan 2026 12:05:00 GMT', now)).toBe(300);
  });

  it('is null without a usable header', () => {
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds('soon')).toBeNull();
  });
});
