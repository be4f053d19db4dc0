import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import {
  ACCOUNT_SORT_COLUMNS,
  type Account,
  type ListQuery,
  type Page,
  type Role,
} from '@licensregistret/domain';

import { ServerListStore } from '../../shared/grid/server-list.store';
import { AccountsApi } from '../data/accounts-api';

export interface AccountFilters {
  q: string;
  role: Role | '';
  /** '' for all, else active or deactivated accounts only. */
  active: 'true' | 'false' | '';
}

/** The account list: its filters and its server-paged data source. */
@Injectable()
export class AccountListStore extends ServerListStore<Account, AccountFilters> {
  private readonly api = inject(AccountsApi);

  constructor() {
    super({ q: '', role: '', active: '' }, ACCOUNT_SORT_COLUMNS, 'username:asc', {
      q: 'sok',
      role: 'roll',
      active: 'aktiva',
    });
  }

  protected fetchPage(query: ListQuery & Partial<AccountFilters>): Observable<Page<Account>> {
    const { role, active, ...rest } = query;
    return this.api.list({
      ...rest,
      role: role || undefined,
      active: active === 'true' ? true : active === 'false' ? false : undefined,
    });
  }
}
