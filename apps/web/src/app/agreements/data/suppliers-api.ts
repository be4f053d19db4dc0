import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import { MAX_PAGE_SIZE, type Page, type Supplier } from '@licensregistret/domain';

import { toHttpParams } from '../../shared/http/query-params';

@Injectable({ providedIn: 'root' })
export class SuppliersApi {
  private readonly http = inject(HttpClient);

  /** The suppliers by name, for a filter: the first MAX_PAGE_SIZE. */
  listForChoice(): Observable<Page<Supplier>> {
    return this.http.get<Page<Supplier>>('/api/suppliers', {
      params: toHttpParams({ limit: MAX_PAGE_SIZE, sort: 'name:asc' }),
    });
  }
}
