import { HttpClient, HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { type Observable, catchError, of, throwError } from 'rxjs';

import type { HealthResponse } from '@licensregistret/domain';

@Injectable({ providedIn: 'root' })
export class HealthApi {
  private readonly http = inject(HttpClient);

  /** The API's health; a 503 still carries a health report (the database is down). */
  get(): Observable<HealthResponse> {
    return this.http
      .get<HealthResponse>('/api/health')
      .pipe(
        catchError((error: unknown) =>
          error instanceof HttpErrorResponse &&
          error.status === HttpStatusCode.ServiceUnavailable &&
          error.error?.database
            ? of(error.error as HealthResponse)
            : throwError(() => error),
        ),
      );
  }
}
