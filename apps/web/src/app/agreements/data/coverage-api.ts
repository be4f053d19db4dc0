import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { CoverageMatrix, UnitWithoutService } from '@licensregistret/domain';

/** Which units the municipality-wide services reach today. */
@Injectable({ providedIn: 'root' })
export class CoverageApi {
  private readonly http = inject(HttpClient);

  matrix(): Observable<CoverageMatrix> {
    return this.http.get<CoverageMatrix>('/api/coverage');
  }

  unitsWithoutService(serviceId: string): Observable<UnitWithoutService[]> {
    return this.http.get<UnitWithoutService[]>(
      `/api/services/${encodeURIComponent(serviceId)}/units-without-licence`,
    );
  }
}
