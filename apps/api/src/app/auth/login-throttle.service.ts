import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { clientAddressKey } from './client-address';
import { hashToken, newToken } from './secret-token';

/** How long a failure counts towards the delays. */
export const FAILURE_WINDOW_HOURS = 24;
/** Failures a (name, address) pair, or a trusted device, makes before it has to wait. */
export const FREE_FAILURES = 3;
/** Different addresses failing on one name before that name's untrusted clients wait. */
export const FREE_ADDRESSES_PER_NAME = 5;
/** Different names failing from one address (spraying) before its untrusted clients wait. */
export const FREE_NAMES_PER_ADDRESS = 10;
export const FIRST_DELAY_SECONDS = 15;
export const MAX_DELAY_SECONDS = 15 * 60;
/** A device cookie is trusted this long after it was last used to sign in. */
export const DEVICE_TRUST_DAYS = 90;

/**
 * The wait after `count` failures of which `free` cost nothing: 15 s, then doubling (30 s, 1 min,
 * 2 min, …) up to 15 minutes.
 */
export function delaySeconds(count: number, free: number): number {
  if (count <= free) return 0;
  return Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (count - free - 1));
}

/** A sign-in attempt the throttle let through, recorded as a failure until it succeeds. */
export interface SignInAttempt {
  id: string;
  username: string;
  address: string;
  /** The presented device token trusted for this name, if any. */
  device: { token: string; hash: string } | null;
}

export type ThrottleVerdict =
  { allowed: true; attempt: SignInAttempt } | { allowed: false; retryAfter: number };

interface Since {
  count: number;
  /** Seconds since the newest failure counted, or null when there is none. */
  since: number | null;
}

/**
 * Slows failing sign-ins down, in PostgreSQL so every API instance counts the same failures,
 * without ever letting one client lock another out (docs/architecture.md, "Access").
 *
 * A client holding a device cookie of the name (a browser that signed in as it before, OWASP's
 * "device cookies") counts only its own failures. Any other client waits, before its password
 * is looked at, while its (name, address) pair, the name, or the address is in a delay: each
 * failure of the dimension makes its next attempt wait a growing time after that failure. The
 * name counts different failing addresses and the address different failing names, so one
 * outsider hammering a name slows only its own pair, and only a spread attack (or spraying one
 * password over many names) slows a whole name (or address) for untrusted clients.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Decides whether an attempt may have its password checked now. An allowed attempt is recorded
   * as a failure at once, under a lock of its name and address, so that parallel attempts see
   * each other: a burst cannot slip through while a delay has yet to be written.
   */
  async begin(username: string, address: string, deviceTokens: string[]): Promise<ThrottleVerdict> {
    const addressKey = clientAddressKey(address);
    return this.dataSource.transaction(async (manager) => {
      const device = await this.trustedDevice(manager, username, deviceTokens);
      for (const key of device
        ? [`login-device:${device.hash}`]
        : [`login-name:${username}`, `login-address:${addressKey}`]) {
        await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
      }
      const retryAfter = device
        ? await this.deviceWait(manager, device.hash)
        : await this.untrustedWait(manager, username, addressKey);
      if (retryAfter > 0) return { allowed: false, retryAfter };
      const [{ id }] = (await manager.query(
        `INSERT INTO login_failure (username, address, device) VALUES ($1, $2, $3) RETURNING id`,
        [username, addressKey, device?.hash ?? null],
      )) as [{ id: string }];
      return { allowed: true, attempt: { id, username, address: addressKey, device } };
    });
  }

  /**
   * The password was right: the attempt was no failure, and the pair's (or the device's) earlier
   * failures are forgiven; the name's and the address's failures from others are not. Returns
   * the device token that marks this browser as trusted for the name from now on.
   */
  async succeeded(attempt: SignInAttempt, accountId: string): Promise<string> {
    await this.dataSource.query(
      `DELETE FROM login_failure
        WHERE id = $1
           OR ($4::text IS NULL AND username = $2 AND address = $3 AND device IS NULL)
           OR device = $4
           OR failed_at < now() - make_interval(hours => $5)`,
      [
        attempt.id,
        attempt.username,
        attempt.address,
        attempt.device?.hash ?? null,
        FAILURE_WINDOW_HOURS,
      ],
    );
    if (attempt.device) {
      await this.dataSource.query(
        `UPDATE trusted_device SET last_used_at = now() WHERE token_hash = $1`,
        [attempt.device.hash],
      );
      return attempt.device.token;
    }
    const token = newToken();
    await this.dataSource.query(
      `DELETE FROM trusted_device WHERE last_used_at < now() - make_interval(days => $1)`,
      [DEVICE_TRUST_DAYS],
    );
    await this.dataSource.query(
      `INSERT INTO trusted_device (token_hash, account_id) VALUES ($1, $2)`,
      [hashToken(token), accountId],
    );
    return token;
  }

  /** The first presented device token that the account of this name trusts, if any. */
  private async trustedDevice(
    manager: EntityManager,
    username: string,
    tokens: string[],
  ): Promise<SignInAttempt['device']> {
    if (tokens.length === 0) return null;
    const hashes = tokens.map(hashToken);
    const [row] = (await manager.query(
      `SELECT d.token_hash FROM trusted_device d JOIN account a ON a.id = d.account_id
        WHERE d.token_hash = ANY ($1::text[]) AND a.username = $2
          AND d.last_used_at > now() - make_interval(days => $3)
        LIMIT 1`,
      [hashes, username, DEVICE_TRUST_DAYS],
    )) as { token_hash: string }[];
    if (!row) return null;
    return { token: tokens[hashes.indexOf(row.token_hash)] as string, hash: row.token_hash };
  }

  private async deviceWait(manager: EntityManager, deviceHash: string): Promise<number> {
    const [row] = (await manager.query(
      `SELECT count(*)::int AS count, extract(epoch FROM now() - max(failed_at))::float8 AS since
         FROM login_failure WHERE device = $1 AND failed_at > now() - make_interval(hours => $2)`,
      [deviceHash, FAILURE_WINDOW_HOURS],
    )) as Since[];
    return wait(row, FREE_FAILURES);
  }

  private async untrustedWait(
    manager: EntityManager,
    username: string,
    addressKey: string,
  ): Promise<number> {
    const [row] = (await manager.query(
      `WITH recent AS (
         SELECT username, address, failed_at FROM login_failure
          WHERE failed_at > now() - make_interval(hours => $3) AND device IS NULL
            AND (username = $1 OR address = $2)
       )
       SELECT
         (SELECT count(*) FROM recent WHERE username = $1 AND address = $2)::int AS pair_count,
         (SELECT extract(epoch FROM now() - max(failed_at)) FROM recent
           WHERE username = $1 AND address = $2)::float8 AS pair_since,
         (SELECT count(DISTINCT address) FROM recent WHERE username = $1)::int AS name_count,
         (SELECT extract(epoch FROM now() - max(failed_at)) FROM recent
           WHERE username = $1)::float8 AS name_since,
         (SELECT count(DISTINCT username) FROM recent WHERE address = $2)::int AS address_count,
         (SELECT extract(epoch FROM now() - max(failed_at)) FROM recent
           WHERE address = $2)::float8 AS address_since`,
      [username, addressKey, FAILURE_WINDOW_HOURS],
    )) as Record<string, number | null>[];
    const of = (prefix: string): Since => ({
      count: row?.[`${prefix}_count`] ?? 0,
      since: row?.[`${prefix}_since`] ?? null,
    });
    return Math.max(
      wait(of('pair'), FREE_FAILURES),
      wait(of('name'), FREE_ADDRESSES_PER_NAME),
      wait(of('address'), FREE_NAMES_PER_ADDRESS),
    );
  }
}

/**
 * Forgets the browsers trusted to sign in as an account, in the caller's transaction: after a
 * new password, whoever signed in with the old one should not be let past a slowed-down name.
 */
export async function forgetTrustedDevices(
  manager: EntityManager,
  accountId: string,
): Promise<void> {
  await manager.query(`DELETE FROM trusted_device WHERE account_id = $1`, [accountId]);
}

/** Whole seconds still to wait (0: go ahead). */
function wait(failures: Since | undefined, free: number): number {
  if (!failures || failures.since === null) return 0;
  return Math.max(0, Math.ceil(delaySeconds(failures.count, free) - failures.since));
}
