import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { Administration } from '@licensregistret/domain';

@Injectable({ providedIn: 'root' })
export class AdministrationsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Administration[]> {
    return this.http.get<Administration[]>('/api/administrations');
  }
}
