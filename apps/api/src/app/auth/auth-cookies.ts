import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { SESSION_COOKIE, XSRF_COOKIE } from '@licensregistret/domain';

import { newToken } from './secret-token';

function baseOptions(request: FastifyRequest): CookieSerializeOptions {
  // `https` directly or (with TRUST_PROXY) behind a TLS proxy.
  return { path: '/', sameSite: 'lax', secure: request.protocol === 'https' };
}

/** A cookie's lifetime: Max-Age in seconds, and Expires for browsers that read only that. */
export function lifetime(maxAgeMs: number): Pick<CookieSerializeOptions, 'maxAge' | 'expires'> {
  return { maxAge: Math.floor(maxAgeMs / 1000), expires: new Date(Date.now() + maxAgeMs) };
}

export function setSessionCookies(
  request: FastifyRequest,
  response: FastifyReply,
  session: { token: string; csrfToken: string },
  maxAgeMs: number,
): void {
  response.setCookie(SESSION_COOKIE, session.token, {
    ...baseOptions(request),
    httpOnly: true,
    ...lifetime(maxAgeMs),
  });
  setSessionXsrfCookie(request, response, session.csrfToken, maxAgeMs);
}

/**
 * The CSRF token bound to the session, readable by the page so that Angular's HttpClient can echo
 * it in the X-XSRF-TOKEN header. It lives as long as the session cookie: a browser restart that
 * keeps the session must keep the token too.
 */
export function setSessionXsrfCookie(
  request: FastifyRequest,
  response: FastifyReply,
  csrfToken: string,
  maxAgeMs: number,
): void {
  response.setCookie(XSRF_COOKIE, csrfToken, {
    ...baseOptions(request),
    httpOnly: false,
    ...lifetime(maxAgeMs),
  });
}

export function clearSessionCookies(request: FastifyRequest, response: FastifyReply): void {
  response.clearCookie(SESSION_COOKIE, { ...baseOptions(request), httpOnly: true });
  response.setCookie(XSRF_COOKIE, newToken(), { ...baseOptions(request), httpOnly: false });
}

/** Gives a signed-out visitor a CSRF token, for the double-submit check on sign-in. */
export function ensureAnonymousXsrfCookie(request: FastifyRequest, response: FastifyReply): void {
  if (!readCookie(request, XSRF_COOKIE)) {
    response.setCookie(XSRF_COOKIE, newToken(), { ...baseOptions(request), httpOnly: false });
  }
}

export function readCookie(request: FastifyRequest, name: string): string | undefined {
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

export function readDeviceTokens(request: FastifyRequest): string[] {
  return (readCookie(request, DEVICE_COOKIE) ?? '')
    .split('.')
    .filter((token) => DEVICE_TOKEN.test(token))
    .slice(0, DEVICE_TOKENS_KEPT);
}

/** Puts `token` first in the device cookie, keeping a few others, for `maxAgeMs` from now. */
export function setDeviceCookie(
  request: FastifyRequest,
  response: FastifyReply,
  token: string,
  maxAgeMs: number,
): void {
  const tokens = [token, ...readDeviceTokens(request).filter((other) => other !== token)];
  response.setCookie(DEVICE_COOKIE, tokens.slice(0, DEVICE_TOKENS_KEPT).join('.'), {
    ...baseOptions(request),
    sameSite: 'strict',
    path: DEVICE_COOKIE_PATH,
    httpOnly: true,
    ...lifetime(maxAgeMs),
  });
}
