import type { Role, UnitRef } from '@licensregistret/domain';

import { municipalityNeutral } from '../../database/preparing-client';

/**
 * The account behind a live session of an active account, with its municipality, and whether
 * the session's idle timer is due a refresh. Parameters: the token's hash, the idle minutes, the
 * refresh interval in seconds. A function of the migrations' (session_actor, SECURITY DEFINER):
 * the session is looked up before its municipality is known, so across row-level security.
 */
export const SESSION_ACTOR = municipalityNeutral(`SELECT * FROM session_actor($1, $2, $3)`);

export interface SessionRow {
  token_hash: string;
  csrf_token: string;
  stale: boolean;
  id: string;
  municipality_id: string;
  username: string;
  display_name: string;
  email: string;
  roles: Role[];
  school_units: UnitRef[];
}
