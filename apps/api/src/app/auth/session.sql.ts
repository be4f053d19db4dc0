import type { Role, UnitRef } from '@licensregistret/domain';

import { ACCOUNT_UNITS_JSON } from '../accounts/account-units.sql';

/**
 * The account behind a live session of an active account, and whether the session's idle timer
 * is due a refresh. Parameters: the token's hash, the idle minutes, the refresh interval in
 * seconds.
 */
export const SESSION_ACTOR = `
  SELECT s.token_hash, s.csrf_token,
         s.last_seen_at < now() - make_interval(secs => $3) AS stale,
         a.id, a.username, a.display_name, a.email, a.roles,
         ${ACCOUNT_UNITS_JSON} AS school_units
    FROM session s JOIN account a ON a.id = s.account_id
   WHERE s.token_hash = $1 AND a.active
     AND s.expires_at > now()
     AND s.last_seen_at > now() - make_interval(mins => $2)`;

export interface SessionRow {
  token_hash: string;
  csrf_token: string;
  stale: boolean;
  id: string;
  username: string;
  display_name: string;
  email: string;
  roles: Role[];
  school_units: UnitRef[];
}
