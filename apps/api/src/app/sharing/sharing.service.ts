import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import {
  PUBLIC_CATALOGUE_STATUSES,
  type PublishedDecision,
  type PublishedReview,
  REVIEW_KIND_LABELS,
  REVIEW_ROLE,
  type ReviewKind,
  type ServiceReview,
  type SharedKnowledge,
} from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { EventLogService } from '../common/event-log.service';
import { JOIN_REJECTION_REASONS } from '../public/public-decision.sql';
import { ReviewsService } from '../reviews/reviews.service';
import type { AdoptReviewDto } from './dto/adopt-review.dto';
import {
  type PublishedDecisionRow,
  type PublishedReviewRow,
  SELECT_PUBLISHED_DECISION,
  SELECT_PUBLISHED_REVIEW,
  toPublishedDecision,
  toPublishedReview,
} from './sharing.sql';

/**
 * What municipalities share about a tool (docs/tenancy.md): a municipality publishes a copy of
 * its review or decision, with where it comes from; everyone signed in reads the copies of the
 * tools they have; a reviewer adopts another municipality's review as the start of their own.
 */
@Injectable()
export class SharingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: ReviewsService,
    private readonly events: EventLogService,
  ) {}

  /** What the registry's municipalities published about the tool of the caller's service. */
  async forService(serviceId: string): Promise<SharedKnowledge> {
    const manager = this.dataSource.manager;
    const tool = await this.toolOf(manager, serviceId);
    const reviews = (await manager.query(
      `${SELECT_PUBLISHED_REVIEW} WHERE p.national_service_id = $1 ORDER BY p.published_at DESC, p.id`,
      [tool.id],
    )) as PublishedReviewRow[];
    const decisions = (await manager.query(
      `${SELECT_PUBLISHED_DECISION} WHERE p.national_service_id = $1
        ORDER BY p.published_at DESC, p.id`,
      [tool.id],
    )) as PublishedDecisionRow[];
    return {
      serviceVersion: tool.version,
      reviews: reviews.map(toPublishedReview),
      decisions: decisions.map(toPublishedDecision),
    };
  }

  /** Publishes the municipality's review: a copy, read-only for the others, once per review. */
  async publishReview(actor: Actor, reviewId: string): Promise<PublishedReview> {
    return this.dataSource.transaction(async (manager) => {
      const [review] = (await manager.query(
        `SELECT r.id, r.kind, r.service_id, r.reviewed_on, r.outcome, r.conditions, r.findings,
                r.adopted_from, d.national_service_id, n.version,
                EXISTS (SELECT 1 FROM published_review p WHERE p.review_id = r.id) AS published
           FROM service_review r JOIN digital_service d ON d.id = r.service_id
           JOIN national_service n ON n.id = d.national_service_id
          WHERE r.id = $1`,
        [reviewId],
      )) as {
        id: string;
        kind: ReviewKind;
        service_id: string;
        reviewed_on: string;
        outcome: string;
        conditions: string;
        findings: object;
        adopted_from: string | null;
        national_service_id: string;
        version: number;
        published: boolean;
      }[];
      if (!review) throw AppException.notFound('The review');
      requireReviewer(actor, review.kind);
      if (review.published) {
        throw new AppException('CONFLICT', 'The review is published already.');
      }
      const [{ id }] = (await manager.query(
        `INSERT INTO published_review (national_service_id, review_id, kind, reviewer_role,
           reviewed_on, outcome, conditions, findings, service_version, adopted_from)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          review.national_service_id,
          review.id,
          review.kind,
          REVIEW_ROLE[review.kind],
          review.reviewed_on,
          review.outcome,
          review.conditions,
          JSON.stringify(review.findings),
          review.version,
          review.adopted_from,
        ],
      )) as { id: string }[];
      await this.events.record(manager, {
        actorId: actor.id,
        subjectType: 'service',
        subjectId: review.service_id,
        kind: 'review-published',
        message: `${REVIEW_KIND_LABELS[review.kind]} publicerad för andra kommuner`,
        changes: {},
      });
      const [row] = (await manager.query(`${SELECT_PUBLISHED_REVIEW} WHERE p.id = $1`, [
        id,
      ])) as PublishedReviewRow[];
      return toPublishedReview(row as PublishedReviewRow);
    });
  }

  /** Adopts a published review: a review of the caller's own, copied and signed by them. */
  async adopt(actor: Actor, publishedId: string, body: AdoptReviewDto): Promise<ServiceReview> {
    const [published] = (await this.dataSource.query(`${SELECT_PUBLISHED_REVIEW} WHERE p.id = $1`, [
      publishedId,
    ])) as PublishedReviewRow[];
    if (!published) throw AppException.notFound('The published review');
    requireReviewer(actor, published.kind);
    return this.reviews.adopt(actor, body.serviceId, {
      kind: published.kind,
      outcome: published.outcome,
      conditions: published.conditions,
      findings: published.findings,
      redoBy: body.redoBy,
      notes: `Utgår från ${published.name}s granskning, publicerad ${published.published_at
        .toISOString()
        .slice(0, 10)}.`,
      adoptedFrom: published.id,
      nationalServiceId: published.national_service_id,
    });
  }

  /** Publishes the municipality's decision on a service: its public text only. */
  async publishDecision(actor: Actor, serviceId: string): Promise<PublishedDecision> {
    return this.dataSource.transaction(async (manager) => {
      const [service] = (await manager.query(
        `SELECT d.id, d.catalogue_status, d.status_decided_on, d.public_conditions,
                d.national_service_id, n.version,
                COALESCE(rejected.decision_reasons, '{}') AS rejection_reasons
           FROM digital_service d JOIN national_service n ON n.id = d.national_service_id
           ${JOIN_REJECTION_REASONS}
          WHERE d.id = $1 FOR UPDATE OF d`,
        [serviceId],
      )) as {
        id: string;
        catalogue_status: string;
        status_decided_on: string | null;
        public_conditions: string;
        national_service_id: string;
        version: number;
        rejection_reasons: string[];
      }[];
      if (!service) throw AppException.notFound('The service');
      if (!(PUBLIC_CATALOGUE_STATUSES as readonly string[]).includes(service.catalogue_status)) {
        throw new AppException('CONFLICT', 'Only a decided service’s decision can be published.');
      }
      const [{ id }] = (await manager.query(
        `INSERT INTO published_decision (national_service_id, service_id, status, decided_on,
           public_conditions, rejection_reasons, service_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (municipality_id, service_id) DO UPDATE
           SET status = EXCLUDED.status, decided_on = EXCLUDED.decided_on,
               public_conditions = EXCLUDED.public_conditions,
               rejection_reasons = EXCLUDED.rejection_reasons,
               service_version = EXCLUDED.service_version, published_at = now()
         RETURNING id`,
        [
          service.national_service_id,
          service.id,
          service.catalogue_status,
          service.status_decided_on,
          service.public_conditions,
          service.rejection_reasons,
          service.version,
        ],
      )) as { id: string }[];
      await this.events.record(manager, {
        actorId: actor.id,
        subjectType: 'service',
        subjectId: service.id,
        kind: 'decision-published',
        message: 'Beslutet publicerat för andra kommuner',
        changes: {},
      });
      const [row] = (await manager.query(`${SELECT_PUBLISHED_DECISION} WHERE p.id = $1`, [
        id,
      ])) as PublishedDecisionRow[];
      return toPublishedDecision(row as PublishedDecisionRow);
    });
  }

  /** The national tool of the caller's service (404 when the service is not theirs). */
  private async toolOf(
    manager: EntityManager,
    serviceId: string,
  ): Promise<{ id: string; version: number }> {
    const [tool] = (await manager.query(
      `SELECT n.id, n.version FROM digital_service d
         JOIN national_service n ON n.id = d.national_service_id WHERE d.id = $1`,
      [serviceId],
    )) as { id: string; version: number }[];
    if (!tool) throw AppException.notFound('The service');
    return tool;
  }
}

/** A review of a kind is published and adopted by the role that makes it (REVIEW_ROLE). */
function requireReviewer(actor: Actor, kind: ReviewKind): void {
  if (!actor.roles.includes(REVIEW_ROLE[kind])) {
    throw new AppException('FORBIDDEN', `A ${kind} review is the work of ${REVIEW_ROLE[kind]}.`);
  }
}
