import { HttpErrorResponse, type HttpInterceptorFn, HttpStatusCode } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';

import { SIGN_IN_PATH, signInQuery } from './auth.guard';
import { AuthStore } from './auth.store';

/** Calls whose 401 means "not signed in" or "wrong password", not "the session ended". */
const OWN_401 = ['/api/auth/login'];

/**
 * A 401 from the API means the session has ended (expired, signed out elsewhere, account
 * deactivated): forget the user and send them to sign in, to come back to the same page.
 */
export const sessionExpiredInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      const path = request.url.split('?')[0];
      if (
        error instanceof HttpErrorResponse &&
        error.status === HttpStatusCode.Unauthorized &&
        path.startsWith('/api/') &&
        !OWN_401.includes(path)
      ) {
        auth.clear();
        void router.navigate([SIGN_IN_PATH], { queryParams: signInQuery(router.url) });
      }
      return throwError(() => error);
    }),
  );
};
