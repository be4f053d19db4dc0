import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import {
  type AuthConfig,
  type LoginRequest,
  type Role,
  type SessionUser,
  mayCall,
} from '@licensregistret/domain';

import { problemOf } from '../../shared/forms/form-errors';
import { AuthApi } from './auth-api';

export type AuthState =
  { kind: 'loading' } | { kind: 'signed-out' } | { kind: 'signed-in'; user: SessionUser };

export type AuthConfigState =
  { kind: 'loading' } | { kind: 'loaded'; config: AuthConfig } | { kind: 'failed' };

/** Why a sign-in failed, for the sign-in page to put in words. */
export type SignInFailure =
  | { kind: 'credentials' }
  /** The registry serves several municipalities and was not told which, or not one it has. */
  | { kind: 'municipality' }
  /** Too many failed attempts; `retryAfterSeconds` from the Retry-After header, when sent. */
  | { kind: 'rate-limited'; retryAfterSeconds: number | null }
  | { kind: 'unavailable' };

export type SignInResult = { ok: true; user: SessionUser } | { ok: false; failure: SignInFailure };

/** Reads a Retry-After header: delay in seconds, or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The signed-in person: read once at start, changed by signing in and out. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(AuthApi);
  private readonly state$ = signal<AuthState>({ kind: 'loading' });
  private readonly config$ = signal<AuthConfigState>({ kind: 'loading' });
  private loading: Promise<void> | null = null;

  readonly state = this.state$.asReadonly();
  readonly config = this.config$.asReadonly();
  readonly user = computed(() => {
    const state = this.state$();
    return state.kind === 'signed-in' ? state.user : null;
  });
  /**
   * Whether the server runs in demo mode (it offers its demo accounts' shared password), for the
   * "Demoläge" banner on every page; off until the configuration is read, and if it cannot be.
   */
  readonly demoMode = computed(() => {
    const config = this.config$();
    return config.kind === 'loaded' && config.config.demoPassword !== null;
  });
  /** The signed-in roles, or null when nobody is signed in (as `mayCall` takes them). */
  readonly roles = computed<readonly Role[] | null>(() => this.user()?.roles ?? null);

  /** Asks the API who is signed in, once; later calls wait for the same answer. */
  ensureLoaded(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  hasAnyRole(...roles: Role[]): boolean {
    return mayCall(roles, this.roles());
  }

  /**
   * Loads what the sign-in page offers; the call also sets the anonymous XSRF cookie. Read again,
   * the configuration already read stays until the new one comes (the banner does not blink).
   */
  async loadConfig(): Promise<void> {
    if (this.config$().kind !== 'loaded') this.config$.set({ kind: 'loading' });
    try {
      this.config$.set({ kind: 'loaded', config: await firstValueFrom(this.api.config()) });
    } catch {
      this.config$.set({ kind: 'failed' });
    }
  }

  async signIn(request: LoginRequest): Promise<SignInResult> {
    try {
      const user = await firstValueFrom(this.api.login(request));
      this.state$.set({ kind: 'signed-in', user });
      return { ok: true, user };
    } catch (error) {
      return { ok: false, failure: toSignInFailure(error) };
    }
  }

  /** Ends the session on the server; the person counts as signed out even if that call fails. */
  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.api.logout());
    } catch {
      // The session cookie may already be gone; signed out either way.
    } finally {
      this.state$.set({ kind: 'signed-out' });
    }
  }

  /** The server no longer knows the session (a 401 elsewhere): forget the user. */
  clear(): void {
    this.state$.set({ kind: 'signed-out' });
  }

  private async load(): Promise<void> {
    try {
      const session = await firstValueFrom(this.api.session());
      this.state$.set(
        session.signedIn && session.user
          ? { kind: 'signed-in', user: session.user }
          : { kind: 'signed-out' },
      );
    } catch {
      // An API that does not answer leaves us signed out, and the sign-in page says so when it
      // cannot reach the service.
      this.state$.set({ kind: 'signed-out' });
    }
  }
}

function toSignInFailure(error: unknown): SignInFailure {
  if (!(error instanceof HttpErrorResponse)) return { kind: 'unavailable' };
  switch (error.status) {
    case HttpStatusCode.BadRequest:
      return namesMunicipality(error) ? { kind: 'municipality' } : { kind: 'credentials' };
    case HttpStatusCode.Unauthorized:
      return { kind: 'credentials' };
    case HttpStatusCode.TooManyRequests:
      return {
        kind: 'rate-limited',
        retryAfterSeconds: retryAfterSeconds(error.headers.get('Retry-After')),
      };
    default:
      return { kind: 'unavailable' };
  }
}

function namesMunicipality(error: HttpErrorResponse): boolean {
  return (problemOf(error)?.errors ?? []).some(
    (item) => item.field.replace(/^body\./, '') === 'municipality',
  );
}
