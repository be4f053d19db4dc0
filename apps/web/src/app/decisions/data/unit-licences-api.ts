import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { UnitServiceLicence } from '@licensregistret/domain';

/** The licences in force today for one school unit: which services it has, and until when. */
@Injectable({ providedIn: 'root' })
export class UnitLicencesApi {
  private readonly http = inject(HttpClient);

  forUnit(unitId: string): Observable<UnitServiceLicence[]> {
    return this.http.get<UnitServiceLicence[]>(
      `/api/school-units/${encodeURIComponent(unitId)}/licences`,
    );
  }
}
