import type { UnitRef } from './accounts';
import type { Role } from './roles';

/** Body of `POST /api/auth/login`. */
export interface LoginRequest {
  /** The municipality's slug; may be left out where the registry serves only one. */
  municipality?: string;
  username: string;
  password: string;
}

/** The signed-in person, from `GET /api/auth/me` and the login response. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  email: string;
  roles: Role[];
  schoolUnits: UnitRef[];
}

/**
 * `GET /api/auth/session`: whether a session exists, answered 200 either way, so that a visitor
 * who is not signed in causes no failed request (and no console error) on a public page.
 */
export interface SessionState {
  signedIn: boolean;
  /** The signed-in person; null when signed out. */
  user: SessionUser | null;
}

/** `GET /api/auth/config`: what the sign-in page offers, and the public pages' contact. */
export interface AuthConfig {
  /** Demo mode shows the demo accounts' shared password on the sign-in page. */
  demoPassword: string | null;
  /** Single sign-on through OpenID Connect, when configured. */
  oidc: { enabled: boolean; label: string };
  /**
   * Where the accessibility statement tells people to report problems; null when the
   * municipality has set no address (the statement then names its contact centre).
   */
  accessibilityContact: string | null;
}

/** Cookie and header names of the CSRF defence; Angular's HttpClient uses these by default. */
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'X-XSRF-TOKEN';
export const SESSION_COOKIE = 'lr_session';
