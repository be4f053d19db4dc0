import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { CatalogueEntry, ListQuery, Page, ServiceCategory } from '@licensregistret/domain';

import { toHttpParams } from '../shared/http/query-params';

/** Query of `GET /api/catalogue`. */
export interface CatalogueQuery extends ListQuery {
  /** Part of the name or description. */
  q?: string;
  category?: ServiceCategory;
  /** The unit whose licences to show; a requester's own units by default. */
  unitId?: string;
}

/** The approved services as schools browse them. */
@Injectable({ providedIn: 'root' })
export class CatalogueApi {
  private readonly http = inject(HttpClient);

  list(query: CatalogueQuery): Observable<Page<CatalogueEntry>> {
    return this.http.get<Page<CatalogueEntry>>('/api/catalogue', { params: toHttpParams(query) });
  }
}
