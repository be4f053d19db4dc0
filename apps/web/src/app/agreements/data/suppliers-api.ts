import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import {
  type CreateSupplierRequest,
  MAX_PAGE_SIZE,
  type Page,
  type Supplier,
  type UpdateSupplierRequest,
} from '@licensregistret/domain';

import { toHttpParams } from '../../shared/http/query-params';

const BASE = '/api/suppliers';

@Injectable({ providedIn: 'root' })
export class SuppliersApi {
  private readonly http = inject(HttpClient);

  /** The suppliers by name, for a filter: the first MAX_PAGE_SIZE. */
  listForChoice(): Observable<Page<Supplier>> {
    return this.http.get<Page<Supplier>>(BASE, {
      params: toHttpParams({ limit: MAX_PAGE_SIZE, sort: 'name:asc' }),
    });
  }

  /** A page of suppliers by name, optionally those whose name or number holds `q`. */
  list(query: { q?: string; offset?: number; limit?: number }): Observable<Page<Supplier>> {
    return this.http.get<Page<Supplier>>(BASE, {
      params: toHttpParams({ sort: 'name:asc', ...query }),
    });
  }

  get(id: string): Observable<Supplier> {
    return this.http.get<Supplier>(`${BASE}/${encodeURIComponent(id)}`);
  }

  create(request: CreateSupplierRequest): Observable<Supplier> {
    return this.http.post<Supplier>(BASE, request);
  }

  update(id: string, request: UpdateSupplierRequest): Observable<Supplier> {
    return this.http.patch<Supplier>(`${BASE}/${encodeURIComponent(id)}`, request);
  }
}
