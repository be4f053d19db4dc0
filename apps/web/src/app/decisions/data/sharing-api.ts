import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  AdoptReviewRequest,
  PublishedDecision,
  PublishedReview,
  ServiceReview,
  SharedKnowledge,
} from '@licensregistret/domain';

/** What municipalities share about a tool: published reviews and decisions, and adoption. */
@Injectable({ providedIn: 'root' })
export class SharingApi {
  private readonly http = inject(HttpClient);

  shared(serviceId: string): Observable<SharedKnowledge> {
    return this.http.get<SharedKnowledge>(`/api/services/${encodeURIComponent(serviceId)}/shared`);
  }

  publishReview(reviewId: string): Observable<PublishedReview> {
    return this.http.post<PublishedReview>(
      `/api/reviews/${encodeURIComponent(reviewId)}/publish`,
      null,
    );
  }

  /** Starts the caller's own review from a published one; answers the caller's new review. */
  adopt(publishedReviewId: string, body: AdoptReviewRequest): Observable<ServiceReview> {
    return this.http.post<ServiceReview>(
      `/api/published-reviews/${encodeURIComponent(publishedReviewId)}/adopt`,
      body,
    );
  }

  publishDecision(serviceId: string): Observable<PublishedDecision> {
    return this.http.post<PublishedDecision>(
      `/api/services/${encodeURIComponent(serviceId)}/decision/publish`,
      null,
    );
  }
}
