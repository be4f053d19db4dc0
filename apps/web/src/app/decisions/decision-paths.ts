import type { Params } from '@angular/router';

import type { ReviewKind } from '@licensregistret/domain';

/** Where the decision pages live; the pages link to each other by these. */
export const DECISION_PATHS = {
  queue: '/beslut',
  demand: '/beslut/efterfragan',
  reviews: '/beslut/granskning',
} as const;

/**
 * The queue's query parameters: the open request's id (the side panel), and the filters a link
 * can start the queue with (the demand view links to one service's requests).
 */
export const QUEUE_PARAMS = {
  request: 'begaran',
  service: 'tjanst',
  unit: 'enhet',
  states: 'status',
} as const;

/** The review form's address segment for each kind, in Swedish. */
export const REVIEW_KIND_SLUGS: Record<ReviewKind, string> = {
  DATA_PROTECTION: 'dataskydd',
  INFORMATION_SECURITY: 'informationssakerhet',
  PROCUREMENT: 'avtal-och-kostnad',
};

export function reviewKindOfSlug(slug: string): ReviewKind | null {
  const found = Object.entries(REVIEW_KIND_SLUGS).find(([, candidate]) => candidate === slug);
  return found ? (found[0] as ReviewKind) : null;
}

/** The review form of one kind for a service, e.g. `/beslut/granskning/<id>/dataskydd`. */
export function reviewPath(serviceId: string, kind: ReviewKind): string[] {
  return [DECISION_PATHS.reviews, serviceId, REVIEW_KIND_SLUGS[kind]];
}

/** The queue with a request open in the side panel. */
export function requestParams(requestId: string): Params {
  return { [QUEUE_PARAMS.request]: requestId };
}
