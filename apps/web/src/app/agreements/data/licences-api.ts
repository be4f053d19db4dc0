import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { CreateLicenceRequest, Licence, UpdateLicenceRequest } from '@licensregistret/domain';

const BASE = '/api/licences';

@Injectable({ providedIn: 'root' })
export class LicencesApi {
  private readonly http = inject(HttpClient);

  get(id: string): Observable<Licence> {
    return this.http.get<Licence>(`${BASE}/${encodeURIComponent(id)}`);
  }

  create(request: CreateLicenceRequest): Observable<Licence> {
    return this.http.post<Licence>(BASE, request);
  }

  update(id: string, request: UpdateLicenceRequest): Observable<Licence> {
    return this.http.patch<Licence>(`${BASE}/${encodeURIComponent(id)}`, request);
  }
}
