import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { Role, SessionUser } from '@licensregistret/domain';

import { AuthStore } from './auth.store';

/** A signed-in person for tests, with the given roles. */
export function sessionUser(roles: Role[], overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: `user-${roles.join('-').toLowerCase()}`,
    username: roles[0]?.toLowerCase() ?? 'none',
    displayName: 'Testa Testsson',
    email: 'testa@example.se',
    roles,
    schoolUnits: [],
    ...overrides,
  };
}

export function setXsrfCookie(value: string | null): void {
  document.cookie =
    value === null
      ? 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
      : `XSRF-TOKEN=${value}; path=/`;
}

/**
 * Loads the AuthStore as at start-up, answering `GET /api/auth/session` with `user` signed in,
 * or signed out for null. Needs provideHttpClientTesting().
 */
export async function startAs(user: SessionUser | null): Promise<AuthStore> {
  setXsrfCookie('test-token');
  const store = TestBed.inject(AuthStore);
  const loaded = store.ensureLoaded();
  TestBed.inject(HttpTestingController)
    .expectOne('/api/auth/session')
    .flush({ signedIn: user !== null, user });
  await loaded;
  return store;
}
