import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.provider';
import { pgPoolOf } from '../../database/pg-pool';
import { actForMunicipality } from '../../database/query-scope';
import type { Actor } from './actor';
import { hashToken, newToken } from './secret-token';
import { SESSION_ACTOR, type SessionRow } from './session.sql';

/** A session's `last_seen_at` is refreshed at most this often, to spare a write per request. */
const TOUCH_INTERVAL_SECONDS = 60;

/**
 * Sessions live in PostgreSQL, so any API instance can serve any user. The cookie carries a
 * random token; the table keeps only its SHA-256, so a copy of the table signs nobody in.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(accountId: string): Promise<{ token: string; csrfToken: string }> {
    const token = newToken();
    const csrfToken = newToken();
    await this.dataSource.query(
      `DELETE FROM session WHERE expires_at < now() OR last_seen_at < now() - make_interval(mins => $1)`,
      [this.config.session.idleMinutes],
    );
    await this.dataSource.query(
      `INSERT INTO session (token_hash, account_id, csrf_token, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
      [hashToken(token), accountId, csrfToken, this.config.session.absoluteHours],
    );
    return { token, csrfToken };
  }

  /**
   * The actor of a live session of an active account, or null. The call acts for the account's
   * municipality from here on. Refreshes the idle timer.
   */
  async authenticate(token: string): Promise<Actor | null> {
    // Every signed-in call runs this: on the pg pool directly, without a TypeORM query runner.
    const pool = pgPoolOf(this.dataSource);
    const {
      rows: [row],
    } = await pool.query<SessionRow>(SESSION_ACTOR, [
      hashToken(token),
      this.config.session.idleMinutes,
      TOUCH_INTERVAL_SECONDS,
    ]);
    if (!row) return null;
    actForMunicipality(row.municipality_id);
    if (row.stale) {
      await pool.query(`UPDATE session SET last_seen_at = now() WHERE token_hash = $1`, [
        row.token_hash,
      ]);
    }
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      email: row.email,
      roles: row.roles,
      schoolUnits: row.school_units,
      csrfToken: row.csrf_token,
      sessionTokenHash: row.token_hash,
      municipalityId: row.municipality_id,
    };
  }

  async end(tokenHash: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM session WHERE token_hash = $1`, [tokenHash]);
  }

  /** Ends every session of an account, in the caller's transaction. */
  async endAllFor(accountId: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM session WHERE account_id = $1`, [accountId]);
  }
}
