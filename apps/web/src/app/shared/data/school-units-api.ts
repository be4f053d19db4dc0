import { HttpClient, HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { type Observable, catchError, of, throwError } from 'rxjs';

import type {
  CreateSchoolUnitRequest,
  Page,
  SchoolUnit,
  SchoolUnitImportReport,
  SchoolUnitImportRequest,
  SchoolUnitListQuery,
  UpdateSchoolUnitRequest,
} from '@licensregistret/domain';

import { toHttpParams } from '../http/query-params';

const BASE = '/api/school-units';

@Injectable({ providedIn: 'root' })
export class SchoolUnitsApi {
  private readonly http = inject(HttpClient);

  list(query: SchoolUnitListQuery): Observable<Page<SchoolUnit>> {
    return this.http.get<Page<SchoolUnit>>(BASE, { params: toHttpParams(query) });
  }

  get(id: string): Observable<SchoolUnit> {
    return this.http.get<SchoolUnit>(`${BASE}/${encodeURIComponent(id)}`);
  }

  create(request: CreateSchoolUnitRequest): Observable<SchoolUnit> {
    return this.http.post<SchoolUnit>(BASE, request);
  }

  update(id: string, request: UpdateSchoolUnitRequest): Observable<SchoolUnit> {
    return this.http.patch<SchoolUnit>(`${BASE}/${encodeURIComponent(id)}`, request);
  }

  /**
   * Checks (dry run) or imports a CSV file. A real import with bad rows answers 400 with the
   * same report as the problem's `report`; that report is returned like a 200's.
   */
  import(request: SchoolUnitImportRequest): Observable<SchoolUnitImportReport> {
    return this.http.post<SchoolUnitImportReport>(`${BASE}/import`, request).pipe(
      catchError((error: unknown) => {
        const report = (error as HttpErrorResponse | null)?.error?.report as
          SchoolUnitImportReport | undefined;
        return error instanceof HttpErrorResponse &&
          error.status === HttpStatusCode.BadRequest &&
          report &&
          Array.isArray(report.errors)
          ? of(report)
          : throwError(() => error);
      }),
    );
  }
}
