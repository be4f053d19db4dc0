import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { PublicService } from '@licensregistret/domain';

/** The public list of decided and retired services; needs no sign-in. */
@Injectable({ providedIn: 'root' })
export class PublicApi {
  private readonly http = inject(HttpClient);

  /** The decisions of the municipality `municipality` (a slug), or of the only one. */
  services(municipality?: string): Observable<PublicService[]> {
    return this.http.get<PublicService[]>(
      '/api/public/services',
      municipality ? { params: { municipality } } : {},
    );
  }
}
