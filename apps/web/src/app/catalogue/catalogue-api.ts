import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  CatalogueEntry,
  ListQuery,
  Page,
  ServiceCategory,
  ToolSearchQuery,
  ToolSearchResult,
} from '@licensregistret/domain';

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

  /**
   * The request form's search: the whole catalogue in any status and the tools requests propose,
   * with licences, the latest rejection and the open requests of each.
   */
  tools(query: ToolSearchQuery): Observable<ToolSearchResult> {
    return this.http.get<ToolSearchResult>('/api/catalogue/tools', {
      params: toHttpParams(query),
    });
  }
}
