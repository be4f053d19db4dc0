import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type CurrentReviews,
  REVIEW_KINDS,
  REVIEW_KIND_LABELS,
  REVIEW_OUTCOME_LABELS,
  REVIEW_ROLE,
  SERVICE_CHANGE_LABELS,
  type ServiceReview,
  type ServiceReviews,
  approvalBlockers,
} from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { ClockService } from '../common/clock.service';
import { EventLogService } from '../common/event-log.service';
import { RequestValidationException, toFieldErrors } from '../common/validation';
import {
  type CreateReviewDto,
  FINDINGS_BY_KIND,
  type ReportServiceChangeDto,
} from './dto/review.dto';
import { type ReviewRow, SELECT_REVIEW, toReview } from './review-rows';

/**
 * The GDPR, information-security and procurement reviews of a service. They belong to the
 * service, so every request for it reuses the latest of each kind until it expires or a change
 * of the service makes it due again.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventLogService,
    private readonly clock: ClockService,
  ) {}

  async forService(serviceId: string): Promise<ServiceReviews> {
    await this.requireService(this.dataSource.manager, serviceId);
    return this.read(this.dataSource.manager, serviceId);
  }

  /** The latest review of each kind, as the approval gates see them. */
  async current(manager: EntityManager, serviceId: string): Promise<CurrentReviews> {
    return this.latestByKind(await this.allRows(manager, serviceId));
  }

  async create(actor: Actor, serviceId: string, body: CreateReviewDto): Promise<ServiceReview> {
    if (!actor.roles.includes(REVIEW_ROLE[body.kind])) {
      throw new AppException(
        'FORBIDDEN',
        `A ${body.kind} review is made by ${REVIEW_ROLE[body.kind]}.`,
        {
          errors: [
            { field: 'kind', messages: [`kind ${body.kind} is for ${REVIEW_ROLE[body.kind]}`] },
          ],
        },
      );
    }
    const findingsClass: new () => object = FINDINGS_BY_KIND[body.kind];
    const findings = plainToInstance(findingsClass, body.findings);
    const problems = await validate(findings, { whitelist: true, forbidNonWhitelisted: true });
    if (problems.length > 0) {
      throw new RequestValidationException(toFieldErrors(problems, 'findings'));
    }
    if (body.outcome === 'APPROVED_WITH_CONDITIONS' && !body.conditions) {
      throw AppException.invalid('conditions', 'an approval with conditions names them');
    }
    const today = this.clock.today();
    if (body.redoBy <= today) {
      throw AppException.invalid('redoBy', 'the date to redo the review must be after today');
    }
    return this.dataSource.transaction(async (manager) => {
      await this.requireService(manager, serviceId);
      const [{ id }] = (await manager.query(
        `INSERT INTO service_review (service_id, kind, outcome, conditions, notes, findings, reviewer_id, reviewed_on, redo_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          serviceId,
          body.kind,
          body.outcome,
          body.conditions ?? '',
          body.notes ?? '',
          JSON.stringify(findings),
          actor.id,
          today,
          body.redoBy,
        ],
      )) as { id: string }[];
      await this.events.record(manager, {
        actorId: actor.id,
        subjectType: 'service',
        subjectId: serviceId,
        kind: 'review',
        // The history's text is read by people: in Swedish.
        message: `${REVIEW_KIND_LABELS[body.kind]}: ${REVIEW_OUTCOME_LABELS[body.outcome]}`,
        changes: { kind: { old: null, new: body.kind }, outcome: { old: null, new: body.outcome } },
      });
      const [row] = (await manager.query(`${SELECT_REVIEW} WHERE r.id = $1`, [id])) as ReviewRow[];
      return toReview(row, today);
    });
  }

  /** A new version, migration or sub-processor: every current review is due again. */
  async reportChange(
    actor: Actor,
    serviceId: string,
    body: ReportServiceChangeDto,
  ): Promise<ServiceReviews> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireService(manager, serviceId, true);
      await manager.query(
        `UPDATE service_review SET due_again_since = now()
          WHERE service_id = $1 AND due_again_since IS NULL`,
        [serviceId],
      );
      await this.events.record(manager, {
        actorId: actor.id,
        subjectType: 'service',
        subjectId: serviceId,
        kind: 'change-reported',
        message: `${SERVICE_CHANGE_LABELS[body.kind]}: ${body.description}`,
        changes: { change: { old: null, new: body.kind } },
      });
      return this.read(manager, serviceId);
    });
  }

  private async read(manager: EntityManager, serviceId: string): Promise<ServiceReviews> {
    const all = await this.allRows(manager, serviceId);
    const current = this.latestByKind(all);
    return { current, all, approvalBlockers: approvalBlockers(current, this.clock.today()) };
  }

  private async allRows(manager: EntityManager, serviceId: string): Promise<ServiceReview[]> {
    const today = this.clock.today();
    const rows = (await manager.query(
      `${SELECT_REVIEW} WHERE r.service_id = $1 ORDER BY r.created_at DESC, r.id`,
      [serviceId],
    )) as ReviewRow[];
    return rows.map((row) => toReview(row, today));
  }

  private latestByKind(newestFirst: ServiceReview[]): CurrentReviews {
    const current = Object.fromEntries(REVIEW_KINDS.map((kind) => [kind, null])) as CurrentReviews;
    for (const review of newestFirst) {
      current[review.kind] ??= review as never;
    }
    return current;
  }

  private async requireService(
    manager: EntityManager,
    serviceId: string,
    forUpdate = false,
  ): Promise<{ id: string }> {
    const [service] = (await manager.query(
      `SELECT id FROM digital_service WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
      [serviceId],
    )) as { id: string }[];
    if (!service) throw AppException.notFound('The service');
    return service;
  }
}
