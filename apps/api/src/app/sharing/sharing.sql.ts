import type {
  DecisionReason,
  IsoDate,
  PublishedDecision,
  PublishedReview,
  ReviewFindings,
  ReviewKind,
  ReviewOutcome,
  Role,
} from '@licensregistret/domain';

import { adoptedFromOf } from '../reviews/review-rows';

/** The municipality the statement acts for (row-level security's setting). */
const CURRENT_MUNICIPALITY = `NULLIF(current_setting('app.municipality_id', true), '')::uuid`;

/** Published reviews with their provenance; `WHERE`/`ORDER BY` on `p` follow. */
export const SELECT_PUBLISHED_REVIEW = `
  SELECT p.id, p.national_service_id, p.kind, m.slug, m.name, p.municipality_id = ${CURRENT_MUNICIPALITY} AS own,
         p.reviewer_role, p.reviewed_on, p.published_at, p.service_version, p.outcome,
         p.conditions, p.findings, p.adopted_from, om.slug AS adopted_from_slug,
         om.name AS adopted_from_name
    FROM published_review p JOIN municipality m ON m.id = p.municipality_id
    LEFT JOIN published_review o ON o.id = p.adopted_from
    LEFT JOIN municipality om ON om.id = o.municipality_id`;

export interface PublishedReviewRow {
  id: string;
  national_service_id: string;
  kind: ReviewKind;
  slug: string;
  name: string;
  own: boolean;
  reviewer_role: Role;
  reviewed_on: IsoDate;
  published_at: Date;
  service_version: number;
  outcome: ReviewOutcome;
  conditions: string;
  findings: ReviewFindings[ReviewKind];
  adopted_from: string | null;
  adopted_from_slug: string | null;
  adopted_from_name: string | null;
}

export const toPublishedReview = (row: PublishedReviewRow): PublishedReview =>
  ({
    id: row.id,
    kind: row.kind,
    municipality: { slug: row.slug, name: row.name },
    own: row.own,
    reviewerRole: row.reviewer_role,
    reviewedOn: row.reviewed_on,
    publishedAt: row.published_at.toISOString(),
    serviceVersion: row.service_version,
    outcome: row.outcome,
    conditions: row.conditions,
    findings: row.findings,
    adoptedFrom: adoptedFromOf(row),
  }) as PublishedReview;

/** Published decisions with their municipality; `WHERE`/`ORDER BY` on `p` follow. */
export const SELECT_PUBLISHED_DECISION = `
  SELECT p.id, m.slug, m.name, p.municipality_id = ${CURRENT_MUNICIPALITY} AS own, p.status,
         p.decided_on, p.public_conditions, p.rejection_reasons, p.published_at, p.service_version
    FROM published_decision p JOIN municipality m ON m.id = p.municipality_id`;

export interface PublishedDecisionRow {
  id: string;
  slug: string;
  name: string;
  own: boolean;
  status: PublishedDecision['status'];
  decided_on: IsoDate | null;
  public_conditions: string;
  rejection_reasons: DecisionReason[];
  published_at: Date;
  service_version: number;
}

export const toPublishedDecision = (row: PublishedDecisionRow): PublishedDecision => ({
  id: row.id,
  municipality: { slug: row.slug, name: row.name },
  own: row.own,
  status: row.status,
  decidedOn: row.decided_on,
  publicConditions: row.public_conditions,
  rejectionReasons: row.rejection_reasons,
  publishedAt: row.published_at.toISOString(),
  serviceVersion: row.service_version,
});
