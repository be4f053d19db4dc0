import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { type Observable, catchError, firstValueFrom, forkJoin, map, of, switchMap } from 'rxjs';

import {
  type Agreement,
  type DigitalService,
  type IsoDate,
  OPEN_REQUEST_STATES,
  type ProblemDetails,
  type RequestDetail,
  type ReviewKind,
  type ServiceReview,
  type ServiceReviews,
  todayInSweden,
} from '@licensregistret/domain';

import { AgreementsApi } from '../../agreements/data/agreements-api';
import { RequestsApi } from '../../requests/data/requests-api';
import { ReviewsApi } from '../../requests/data/reviews-api';
import {
  type FormErrors,
  NO_ERRORS,
  formErrorsFromHttp,
  hasErrors,
  problemOf,
} from '../../shared/forms/form-errors';
import { ServicesApi } from '../data/services-api';
import {
  REVIEW_MESSAGES,
  type ReviewFormValue,
  toCreateReviewRequest,
  validateReview,
} from './review-form';

export interface ReviewContext {
  service: DigitalService;
  /**
   * The request the review is made for: the one it was opened from, else the service's latest
   * open request (null when there is none, or it cannot be read).
   */
  request: RequestDetail | null;
  reviews: ServiceReviews;
  /** The supplier's agreements, for a procurement review to name the one that covers it. */
  agreements: Pick<Agreement, 'id' | 'agreementNumber' | 'endsOn'>[];
}

export type ReviewState =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'failed' }
  | { kind: 'ready'; context: ReviewContext; saving: boolean }
  | { kind: 'saved'; context: ReviewContext; review: ServiceReview };

/**
 * A refused findings field (`findings.legalBasis`) under its own name, so its message lands
 * next to it like the review's own fields.
 */
function withFindingsFieldsUnwrapped(error: unknown): unknown {
  const problem = problemOf(error);
  if (!(error instanceof HttpErrorResponse) || !problem?.errors) return error;
  const body: ProblemDetails = {
    ...problem,
    errors: problem.errors.map((item) => ({
      ...item,
      field: item.field.replace(/^(body\.)?findings\./, ''),
    })),
  };
  return new HttpErrorResponse({
    error: body,
    headers: error.headers,
    status: error.status,
    statusText: error.statusText,
    url: error.url ?? undefined,
  });
}

/** One review of a service: the service with its reviews, and saving the new review. */
@Injectable()
export class ReviewStore {
  private readonly reviewsApi = inject(ReviewsApi);
  private readonly servicesApi = inject(ServicesApi);
  private readonly agreementsApi = inject(AgreementsApi);
  private readonly requestsApi = inject(RequestsApi);

  private readonly state$ = signal<ReviewState>({ kind: 'loading' });
  private readonly errors$ = signal<FormErrors>(NO_ERRORS);
  readonly state = this.state$.asReadonly();
  readonly errors = this.errors$.asReadonly();

  async load(serviceId: string, kind: ReviewKind, requestId?: string): Promise<void> {
    this.state$.set({ kind: 'loading' });
    this.errors$.set(NO_ERRORS);
    try {
      const service = await firstValueFrom(this.servicesApi.get(serviceId));
      const { reviews, agreements, request } = await firstValueFrom(
        forkJoin({
          request: this.requestFor(serviceId, requestId),
          reviews: this.reviewsApi.forService(serviceId),
          agreements:
            kind === 'PROCUREMENT'
              ? this.agreementsApi
                  .list({ supplierId: service.supplierId, limit: 200, sort: 'endsOn:desc' })
                  .pipe(
                    map((page) =>
                      page.rows.map(({ id, agreementNumber, endsOn }) => ({
                        id,
                        agreementNumber,
                        endsOn,
                      })),
                    ),
                    // Without them the review names no agreement; the form still works.
                    catchError(() => of([])),
                  )
              : of([]),
        }),
      );
      this.state$.set({
        kind: 'ready',
        context: { service, request, reviews, agreements },
        saving: false,
      });
    } catch (error) {
      const notFound =
        error instanceof HttpErrorResponse &&
        (error.status === HttpStatusCode.NotFound || error.status === HttpStatusCode.BadRequest);
      this.state$.set({ kind: notFound ? 'not-found' : 'failed' });
    }
  }

  /**
   * What the review is for: the request it was opened from, else the service's most recently
   * submitted open request; without it the form still works.
   */
  private requestFor(serviceId: string, requestId?: string): Observable<RequestDetail | null> {
    const id$ = requestId
      ? of(requestId)
      : this.requestsApi
          .list({
            serviceId,
            state: OPEN_REQUEST_STATES.join(','),
            sort: 'submittedAt:desc',
            limit: 1,
            withTotal: false,
          })
          .pipe(map((page) => page.rows[0]?.id ?? null));
    return id$.pipe(
      switchMap((id) => (id ? this.requestsApi.get(id) : of(null))),
      catchError(() => of(null)),
    );
  }

  /** Checks and records the review; true when saved. Errors land in `errors`. */
  async save(kind: ReviewKind, value: ReviewFormValue, today: IsoDate = todayInSweden()) {
    const state = this.state$();
    if (state.kind !== 'ready' || state.saving) return false;
    const invalid = validateReview(kind, value, today);
    if (hasErrors(invalid)) {
      this.errors$.set(invalid);
      return false;
    }
    this.errors$.set(NO_ERRORS);
    this.state$.set({ ...state, saving: true });
    try {
      const review = await firstValueFrom(
        this.reviewsApi.create(state.context.service.id, toCreateReviewRequest(kind, value)),
      );
      this.state$.set({ kind: 'saved', context: state.context, review });
      return true;
    } catch (error) {
      this.state$.set({ ...state, saving: false });
      this.errors$.set(formErrorsFromHttp(withFindingsFieldsUnwrapped(error), REVIEW_MESSAGES));
      return false;
    }
  }
}
