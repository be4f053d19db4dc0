import type { ListQuery } from './list-query';
import type { Role } from './roles';

export interface UnitRef {
  id: string;
  name: string;
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  email: string;
  roles: Role[];
  /** The school units a requester or principal acts for. */
  schoolUnits: UnitRef[];
  active: boolean;
  version: number;
}

/** Body of `POST /api/accounts`. */
export interface CreateAccountRequest {
  username: string;
  displayName: string;
  email: string;
  roles: Role[];
  schoolUnitIds?: string[];
  /** Optional: accounts that sign in only through single sign-on have none. */
  password?: string;
}

/**
 * Body of `PATCH /api/accounts/:id`. Setting `active: false` deactivates the account and ends
 * all its sessions at once.
 */
export interface UpdateAccountRequest {
  version: number;
  displayName?: string;
  email?: string;
  roles?: Role[];
  schoolUnitIds?: string[];
  active?: boolean;
  password?: string;
}

export const ACCOUNT_SORT_COLUMNS = ['username', 'displayName', 'email', 'active'] as const;
export type AccountSortColumn = (typeof ACCOUNT_SORT_COLUMNS)[number];

export interface AccountListQuery extends ListQuery {
  /** Part of the username, name or e-mail. */
  q?: string;
  role?: Role;
  active?: boolean;
}
