import type { CookieOptions, Request, Response } from 'express';

import { SESSION_COOKIE, XSRF_COOKIE } from '@licensregistret/domain';

import { newToken } from './secret-token';

function baseOptions(request: Request): CookieOptions {
  // `request.secure` is true over https, directly or (with TRUST_PROXY) behind a TLS proxy.
  return { path: '/', sameSite: 'lax', secure: request.secure };
}

export function setSessionCookies(
  request: Request,
  response: Response,
  session: { token: string; csrfToken: string },
  maxAgeMs: number,
): void {
  response.cookie(SESSION_COOKIE, session.token, {
    ...baseOptions(request),
    httpOnly: true,
    maxAge: maxAgeMs,
  });
  setSessionXsrfCookie(request, response, session.csrfToken, maxAgeMs);
}

/**
 * The CSRF token bound to the session, readable by the page so that Angular's HttpClient can echo
 * it in the X-XSRF-TOKEN header. It lives as long as the session cookie: a browser restart that
 * keeps the session must keep the token too.
 */
export function setSessionXsrfCookie(
  request: Request,
  response: Response,
  csrfToken: string,
  maxAgeMs: number,
): void {
  response.cookie(XSRF_COOKIE, csrfToken, {
    ...baseOptions(request),
    httpOnly: false,
    maxAge: maxAgeMs,
  });
}

export function clearSessionCookies(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, { ...baseOptions(request), httpOnly: true });
  response.cookie(XSRF_COOKIE, newToken(), { ...baseOptions(request), httpOnly: false });
}

/** Gives a signed-out visitor a CSRF token, for the double-submit check on sign-in. */
export function ensureAnonymousXsrfCookie(request: Request, response: Response): void {
  if (!readCookie(request, XSRF_COOKIE)) {
    response.cookie(XSRF_COOKIE, newToken(), { ...baseOptions(request), httpOnly: false });
  }
}

export function readCookie(request: Request, name: string): string | undefined {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * The device cookie: the tokens of the accounts that signed in with this browser (newest first,
 * a few, for a shared computer), which let it sign in as them while others' failures slow their
 * names down (LoginThrottleService). Sent only to the sign-in itself.
 */
export const DEVICE_COOKIE = 'lr_device';
const DEVICE_COOKIE_PATH = '/api/auth/login';
const DEVICE_TOKENS_KEPT = 5;
const DEVICE_TOKEN = /^[\w-]{43}$/;

export function readDeviceTokens(request: Request): string[] {
  return (readCookie(request, DEVICE_COOKIE) ?? '')
    .split('.')
    .filter((token) => DEVICE_TOKEN.test(token))
    .slice(0, DEVICE_TOKENS_KEPT);
}

/** Puts `token` first in the device cookie, keeping a few others, for `maxAgeMs` from now. */
export function setDeviceCookie(
  request: Request,
  response: Response,
  token: string,
  maxAgeMs: number,
): void {
  const tokens = [token, ...readDeviceTokens(request).filter((other) => other !== token)];
  response.cookie(DEVICE_COOKIE, tokens.slice(0, DEVICE_TOKENS_KEPT).join('.'), {
    ...baseOptions(request),
    sameSite: 'strict',
    path: DEVICE_COOKIE_PATH,
    httpOnly: true,
    maxAge: maxAgeMs,
  });
}
