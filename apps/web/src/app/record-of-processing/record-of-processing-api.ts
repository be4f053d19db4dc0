import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { RecordOfProcessing } from '@licensregistret/domain';

export const RECORD_OF_PROCESSING_EXPORT = '/api/record-of-processing/export';

/** The record of processing (registerförteckning) as the API reads it today. */
@Injectable({ providedIn: 'root' })
export class RecordOfProcessingApi {
  private readonly http = inject(HttpClient);

  read(): Observable<RecordOfProcessing> {
    return this.http.get<RecordOfProcessing>('/api/record-of-processing');
  }
}
