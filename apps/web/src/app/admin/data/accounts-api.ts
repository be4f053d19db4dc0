import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  Account,
  AccountListQuery,
  CreateAccountRequest,
  Page,
  UpdateAccountRequest,
} from '@licensregistret/domain';

import { toHttpParams } from '../../shared/http/query-params';

const BASE = '/api/accounts';

@Injectable({ providedIn: 'root' })
export class AccountsApi {
  private readonly http = inject(HttpClient);

  list(query: AccountListQuery): Observable<Page<Account>> {
    return this.http.get<Page<Account>>(BASE, { params: toHttpParams(query) });
  }

  get(id: string): Observable<Account> {
    return this.http.get<Account>(`${BASE}/${encodeURIComponent(id)}`);
  }

  create(request: CreateAccountRequest): Observable<Account> {
    return this.http.post<Account>(BASE, request);
  }

  /** `active: false` deactivates the account and ends its sessions. */
  update(id: string, request: UpdateAccountRequest): Observable<Account> {
    return this.http.patch<Account>(`${BASE}/${encodeURIComponent(id)}`, request);
  }
}
