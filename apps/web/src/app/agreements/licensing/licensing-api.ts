import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import {
  type Agreement,
  type LicenceFromRequests,
  type LicenceFromRequestsRequest,
  MAX_PAGE_SIZE,
  type Page,
  type RequestDetail,
  type RequestSummary,
} from '@licensregistret/domain';

import { toHttpParams } from '../../shared/http/query-params';

/** What "Licensiera" reads (the request, its service's other decided requests, the supplier's agreements) and sends. */
@Injectable({ providedIn: 'root' })
export class LicensingApi {
  private readonly http = inject(HttpClient);

  request(id: string): Observable<RequestDetail> {
    return this.http.get<RequestDetail>(`/api/requests/${encodeURIComponent(id)}`);
  }

  decidedRequests(serviceId: string): Observable<Page<RequestSummary>> {
    return this.http.get<Page<RequestSummary>>('/api/requests', {
      params: toHttpParams({ serviceId, state: 'DECIDED', limit: MAX_PAGE_SIZE }),
    });
  }

  agreementsOf(supplierId: string): Observable<Page<Agreement>> {
    return this.http.get<Page<Agreement>>('/api/agreements', {
      params: toHttpParams({ supplierId, limit: MAX_PAGE_SIZE }),
    });
  }

  license(body: LicenceFromRequestsRequest): Observable<LicenceFromRequests> {
    return this.http.post<LicenceFromRequests>('/api/licences/from-requests', body);
  }
}
