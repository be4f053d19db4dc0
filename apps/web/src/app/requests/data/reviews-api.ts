import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  CreateReviewRequest,
  ReportServiceChangeRequest,
  ServiceReview,
  ServiceReviews,
} from '@licensregistret/domain';

/** A service's GDPR, information-security and procurement reviews. */
@Injectable({ providedIn: 'root' })
export class ReviewsApi {
  private readonly http = inject(HttpClient);

  forService(serviceId: string): Observable<ServiceReviews> {
    return this.http.get<ServiceReviews>(`/api/services/${encodeURIComponent(serviceId)}/reviews`);
  }

  /** Records a review of the caller's kind (the kind must match the caller's role). */
  create(serviceId: string, body: CreateReviewRequest): Observable<ServiceReview> {
    return this.http.post<ServiceReview>(
      `/api/services/${encodeURIComponent(serviceId)}/reviews`,
      body,
    );
  }

  /** A new version, migration or sub-processor: the service's reviews become due again. */
  reportChange(serviceId: string, body: ReportServiceChangeRequest): Observable<ServiceReviews> {
    return this.http.post<ServiceReviews>(
      `/api/services/${encodeURIComponent(serviceId)}/changes`,
      body,
    );
  }
}
