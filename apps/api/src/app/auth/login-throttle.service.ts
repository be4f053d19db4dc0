import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export const LOGIN_WINDOW_MINUTES = 15;
/** Failed sign-ins allowed per account name, and per client address, within the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

/**
 * Rate limiting of failed sign-ins, kept in PostgreSQL so every API instance counts the same
 * failures. A sliding window: the oldest failure in it decides when the next try is allowed.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly dataSource: DataSource) {}

  /** Seconds until a sign-in may be tried again, or null when it may be tried now. */
  async retryAfter(username: string, address: string): Promise<number | null> {
    const [row] = await this.dataSource.query(
      `WITH recent AS (
         SELECT username, address, failed_at FROM login_failure
          WHERE failed_at > now() - make_interval(mins => $3) AND (username = $1 OR address = $2)
       ),
       by_account AS (
         SELECT failed_at FROM recent WHERE username = $1 ORDER BY failed_at DESC OFFSET $4 - 1 LIMIT 1
       ),
       by_address AS (
         SELECT failed_at FROM recent WHERE address = $2 ORDER BY failed_at DESC OFFSET $5 - 1 LIMIT 1
       )
       SELECT ceil(extract(epoch FROM greatest(
                (SELECT failed_at FROM by_account), (SELECT failed_at FROM by_address)
              ) + make_interval(mins => $3) - now()))::int AS retry_after`,
      [username, address, LOGIN_WINDOW_MINUTES, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS],
    );
    const retryAfter = row?.retry_after as number | null;
    return retryAfter !== null && retryAfter > 0 ? retryAfter : null;
  }

  async recordFailure(username: string, address: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO login_failure (username, address) VALUES ($1, $2)`, [
      username,
      address,
    ]);
  }

  /** A successful sign-in forgives the account's failures (not the address's). */
  async clear(username: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM login_failure WHERE username = $1 OR failed_at < now() - interval '1 day'`,
      [username],
    );
  }
}
