import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { DigitalService, Page, ServiceListQuery } from '@licensregistret/domain';

import { toHttpParams } from '../../shared/http/query-params';

const BASE = '/api/services';

/** The services of the registry in every catalogue status, including those under review. */
@Injectable({ providedIn: 'root' })
export class ServicesApi {
  private readonly http = inject(HttpClient);

  list(query: ServiceListQuery): Observable<Page<DigitalService>> {
    return this.http.get<Page<DigitalService>>(BASE, { params: toHttpParams(query) });
  }

  get(id: string): Observable<DigitalService> {
    return this.http.get<DigitalService>(`${BASE}/${encodeURIComponent(id)}`);
  }
}
