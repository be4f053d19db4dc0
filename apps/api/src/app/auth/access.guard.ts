import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';

import {
  ACCESS_POLICY,
  type Access,
  SESSION_COOKIE,
  XSRF_COOKIE,
  XSRF_HEADER,
  mayCall,
} from '@licensregistret/domain';

import { AppException } from '../common/app-exception';
import { type RequestWithActor, routePathOf } from './actor';
import { readCookie } from './auth-cookies';
import { SessionService } from './session.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * Routes that never look at the caller, so the guard spares them the session lookup: the health
 * check must report a database outage with its own body even to a signed-in browser.
 */
const WITHOUT_SESSION = new Set(['GET /api/health']);

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Runs before every route: finds the session, checks the CSRF token on state-changing requests,
 * and allows the call only as ACCESS_POLICY says. A route missing from the policy is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly sessions: SessionService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const routePath = routePathOf(request);
    const key = `${request.method} ${routePath}`;
    const access = (ACCESS_POLICY as Record<string, Access>)[key];
    if (!access) {
      this.logger.error(
        { reqId: request.id },
        `Route ${key} is missing from ACCESS_POLICY; refused.`,
      );
      throw new AppException('FORBIDDEN', 'This route is not open to anyone.');
    }

    const token = readCookie(request, SESSION_COOKIE);
    const actor =
      token && !WITHOUT_SESSION.has(key) ? await this.sessions.authenticate(token) : null;
    request.actor = actor;

    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[XSRF_HEADER.toLowerCase()];
      const sent = typeof header === 'string' ? header : undefined;
      // Signed in: the token bound to the session. Signed out (sign-in itself): double submit.
      const expected = actor ? actor.csrfToken : readCookie(request, XSRF_COOKIE);
      if (!sameToken(sent, expected)) {
        throw new AppException(
          'CSRF',
          `The ${XSRF_HEADER} header must repeat the ${XSRF_COOKIE} cookie.`,
        );
      }
    }

    if (mayCall(access, actor?.roles ?? null)) return true;
    if (!actor) throw new AppException('UNAUTHENTICATED', 'Sign in first.');
    throw new AppException('FORBIDDEN', 'Your roles do not allow this.');
  }
}
