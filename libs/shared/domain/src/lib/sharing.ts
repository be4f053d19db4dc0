import type { DecisionReason } from './decision-reasons';
import type { IsoDate } from './iso-date';
import type { Municipality } from './municipalities';
import type { PUBLIC_CATALOGUE_STATUSES } from './public-services';
import type { ReviewFindings, ReviewKind, ReviewOutcome } from './reviews';
import type { Role } from './roles';

/**
 * What municipalities share about a tool (issue 18): a review or a decision, published by the
 * municipality that made it, copied at that moment and read-only for everyone signed in. A tool
 * is one national record; each municipality's catalogue entry refers to it, so the same tool in
 * two municipalities is known to be the same.
 */

/** A review as published, with where it comes from: never the reviewer's name. */
export type PublishedReview = {
  [K in ReviewKind]: {
    id: string;
    kind: K;
    /** The municipality that published it. */
    municipality: Municipality;
    /** Published by the caller's own municipality. */
    own: boolean;
    /** The role that signed the review (REVIEW_ROLE of its kind). */
    reviewerRole: Role;
    reviewedOn: IsoDate;
    /** When it was published, ISO 8601. */
    publishedAt: string;
    /** The tool's version when it was reviewed: 1, then one more for each reported change. */
    serviceVersion: number;
    outcome: ReviewOutcome;
    conditions: string;
    findings: ReviewFindings[K];
    /** The published review this one was adopted from, if it was. */
    adoptedFrom: { id: string; municipality: Municipality } | null;
  };
}[ReviewKind];

/** A municipality's decision on a tool as published: its public text only. */
export interface PublishedDecision {
  id: string;
  municipality: Municipality;
  own: boolean;
  status: (typeof PUBLIC_CATALOGUE_STATUSES)[number];
  decidedOn: IsoDate | null;
  /** The conditions as written for the public (empty when none). */
  publicConditions: string;
  /** A rejection's grounds: the five fixed reasons, never the free text. */
  rejectionReasons: DecisionReason[];
  publishedAt: string;
  serviceVersion: number;
}

/** What the registry's municipalities have published about a service's tool, newest first. */
export interface SharedKnowledge {
  /** The tool's current version (1 + the changes reported of it). */
  serviceVersion: number;
  reviews: PublishedReview[];
  decisions: PublishedDecision[];
}

/** Adopting a published review: the start of the caller's own review of their own service. */
export interface AdoptReviewRequest {
  /** The caller's municipality's service of the same tool. */
  serviceId: string;
  /** The adopter's redo date (their own review's). */
  redoBy: IsoDate;
}
