import {
  type IsoDate,
  type ReviewKind,
  type ServiceReview,
  reviewValidity,
} from '@licensregistret/domain';

/** A service review with its reviewer's name: `WHERE`/`ORDER BY` on `r` follow. */
export const SELECT_REVIEW = `
  SELECT r.id, r.service_id, r.kind, r.outcome, r.conditions, r.notes, r.findings,
         a.display_name AS reviewer_name, r.reviewed_on, r.redo_by, r.due_again_since,
         r.adopted_from, origin.slug AS adopted_from_slug, origin.name AS adopted_from_name,
         published.published_at
    FROM service_review r JOIN account a ON a.id = r.reviewer_id
    LEFT JOIN published_review source ON source.id = r.adopted_from
    LEFT JOIN municipality origin ON origin.id = source.municipality_id
    LEFT JOIN published_review published ON published.review_id = r.id`;

export interface ReviewRow {
  id: string;
  service_id: string;
  kind: ReviewKind;
  outcome: ServiceReview['outcome'];
  conditions: string;
  notes: string;
  findings: ServiceReview['findings'];
  reviewer_name: string;
  reviewed_on: IsoDate;
  redo_by: IsoDate;
  due_again_since: Date | null;
  adopted_from: string | null;
  adopted_from_slug: string | null;
  adopted_from_name: string | null;
  /** A Date from a row, a string from JSON (a request's detail). */
  published_at: Date | string | null;
}

export const toReview = (row: ReviewRow, today: IsoDate): ServiceReview => {
  const dueAgainSince = row.due_again_since?.toISOString() ?? null;
  return {
    id: row.id,
    serviceId: row.service_id,
    kind: row.kind,
    outcome: row.outcome,
    conditions: row.conditions,
    notes: row.notes,
    findings: row.findings,
    reviewerName: row.reviewer_name,
    reviewedOn: row.reviewed_on,
    redoBy: row.redo_by,
    dueAgainSince,
    validity: reviewValidity({ redoBy: row.redo_by, dueAgainSince }, today),
    adoptedFrom: adoptedFromOf(row),
    publishedAt: row.published_at === null ? null : new Date(row.published_at).toISOString(),
  } as ServiceReview;
};

/** The published review a review (or a published copy) was adopted from, with its municipality. */
export function adoptedFromOf(row: {
  adopted_from: string | null;
  adopted_from_slug: string | null;
  adopted_from_name: string | null;
}): ServiceReview['adoptedFrom'] {
  return row.adopted_from
    ? {
        id: row.adopted_from,
        municipality: { slug: row.adopted_from_slug ?? '', name: row.adopted_from_name ?? '' },
      }
    : null;
}
