import {
  type IsoDate,
  type ReviewKind,
  type ServiceReview,
  reviewValidity,
} from '@licensregistret/domain';

/** A service review with its reviewer's name: `WHERE`/`ORDER BY` on `r` follow. */
export const SELECT_REVIEW = `
  SELECT r.id, r.service_id, r.kind, r.outcome, r.conditions, r.notes, r.findings,
         a.display_name AS reviewer_name, r.reviewed_on, r.redo_by, r.due_again_since
    FROM service_review r JOIN account a ON a.id = r.reviewer_id`;

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
  } as ServiceReview;
};
