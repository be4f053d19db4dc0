import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { ImportReport, ImportRequest } from '@licensregistret/domain';

/** Where the import's files come from and go. */
export const IMPORT_TEMPLATE_URL = '/api/imports/template';
export const IMPORT_WORKBOOK_URL = '/api/imports/workbook';

@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  /** Checks (dryRun) or imports the files; a file with problems answers 400 with its report. */
  send(request: ImportRequest): Observable<ImportReport> {
    return this.http.post<ImportReport>('/api/imports', request);
  }
}
