import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  CreateServiceRequest,
  DigitalService,
  Page,
  ServiceListQuery,
  UpdateServiceRequest,
} from '@licensregistret/domain';

import { toHttpParams } from '../../shared/http/query-params';

const BASE = '/api/services';

/** Digital services, each with its supplier, as the agreement area writes them. */
@Injectable({ providedIn: 'root' })
export class ServicesApi {
  private readonly http = inject(HttpClient);

  list(query: ServiceListQuery): Observable<Page<DigitalService>> {
    return this.http.get<Page<DigitalService>>(BASE, { params: toHttpParams(query) });
  }

  get(id: string): Observable<DigitalService> {
    return this.http.get<DigitalService>(`${BASE}/${encodeURIComponent(id)}`);
  }

  create(request: CreateServiceRequest): Observable<DigitalService> {
    return this.http.post<DigitalService>(BASE, request);
  }

  update(id: string, request: UpdateServiceRequest): Observable<DigitalService> {
    return this.http.patch<DigitalService>(`${BASE}/${encodeURIComponent(id)}`, request);
  }
}
