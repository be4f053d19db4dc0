import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { Municipality } from '@licensregistret/domain';

/** The registry's municipalities, by name; needs no sign-in. */
@Injectable({ providedIn: 'root' })
export class MunicipalitiesApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Municipality[]> {
    return this.http.get<Municipality[]>('/api/municipalities');
  }
}
