import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { AuthConfig, LoginRequest, SessionState, SessionUser } from '@licensregistret/domain';

/** The sign-in endpoints. Relative URLs, so Angular adds the `X-XSRF-TOKEN` header to POSTs. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  /** What the sign-in page offers; also gives the browser an anonymous XSRF-TOKEN cookie. */
  config(): Observable<AuthConfig> {
    return this.http.get<AuthConfig>('/api/auth/config');
  }

  /** Whether a session exists: 200 signed in or not, so a visitor's console stays quiet. */
  session(): Observable<SessionState> {
    return this.http.get<SessionState>('/api/auth/session');
  }

  login(request: LoginRequest): Observable<SessionUser> {
    return this.http.post<SessionUser>('/api/auth/login', request);
  }

  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', null);
  }

  /** Where the browser goes to sign in through the identity provider of `municipality`. */
  oidcLoginUrl(returnTo: string, municipality?: string): string {
    const url = `/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`;
    return municipality ? `${url}&municipality=${encodeURIComponent(municipality)}` : url;
  }
}
