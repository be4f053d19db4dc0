import { inject } from '@angular/core';
import { type CanMatchFn, RedirectCommand, Router } from '@angular/router';

import { type Access, type Role, mayCall } from '@licensregistret/domain';

import { AuthStore } from './auth.store';

export const SIGN_IN_PATH = '/logga-in';
export const FORBIDDEN_PATH = '/ingen-behorighet';

/**
 * A guard for routes open to `access`. Signed out: to the sign-in page, which comes back here
 * after. Signed in without a fitting role: the "Du saknar behörighet" page, while the address
 * bar keeps the address asked for.
 * A `canMatch` guard, so a lazy area is not even downloaded by someone who may not use it.
 */
export function accessGuard(access: Exclude<Access, 'PUBLIC'>): CanMatchFn {
  return async () => {
    const auth = inject(AuthStore);
    const router = inject(Router);
    const navigation = router.currentNavigation();
    const target = navigation ? router.serializeUrl(navigation.extractedUrl) : router.url;

    await auth.ensureLoaded();
    const roles = auth.roles();
    if (roles === null) {
      return router.createUrlTree([SIGN_IN_PATH], { queryParams: signInQuery(target) });
    }
    if (mayCall(access, roles)) return true;
    return new RedirectCommand(router.parseUrl(FORBIDDEN_PATH), { browserUrl: target });
  };
}

/** Anyone signed in. */
export const authGuard: CanMatchFn = accessGuard('SIGNED_IN');

/** Accounts having at least one of `roles`. */
export function roleGuard(...roles: Role[]): CanMatchFn {
  return accessGuard(roles);
}

/** The sign-in page's query for coming back to `url` afterwards (none for the start page). */
export function signInQuery(url: string): { tillbaka?: string } {
  return url === '/' || url === '' || url.startsWith(SIGN_IN_PATH) ? {} : { tillbaka: url };
}

/**
 * Where to go after signing in: `tillbaka` when it is a path on this site, else the start page.
 * Refuses `//host` and `/\host` (other sites) and anything not starting with a single `/`.
 */
export function safeReturnUrl(tillbaka: string | null | undefined): string {
  if (!tillbaka || !tillbaka.startsWith('/')) return '/';
  if (tillbaka.startsWith('//') || tillbaka.startsWith('/\\')) return '/';
  if (tillbaka.startsWith(SIGN_IN_PATH)) return '/';
  return tillbaka;
}
