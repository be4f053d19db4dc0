import type { EntityManager } from 'typeorm';

/**
 * Revokes an account's calendar feed, in the caller's transaction: its secret address is a 404
 * from then on. The account's own "revoke", and what changes who the account is: a password set
 * or reset, a change of roles, deactivation (AccountsService). Whoever held the old address
 * (an earlier holder of the account, a leaked link) then sees nothing more.
 */
export async function revokeCalendarFeed(manager: EntityManager, accountId: string): Promise<void> {
  await manager.query(`DELETE FROM calendar_feed WHERE account_id = $1`, [accountId]);
}
