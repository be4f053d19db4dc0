import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or an address: 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps of a secret: its SHA-256, so that a copy of the table opens nothing
 * (sessions, calendar feeds).
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
