import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type CurrentReviews,
  type DataLocation,
  type DataProtectionFindings,
  type InformationSecurityFindings,
  type IsoDate,
  REVIEW_KINDS,
  REVIEW_KIND_LABELS,
  REVIEW_OUTCOME_LABELS,
  REVIEW_ROLE,
  type ReviewKind,
  SERVICE_CHANGE_LABELS,
  type ServiceReview,
  type ServiceReviews,
  type SignInMethod,
  approvalBlockers,
} from '@licensregistret/domain';

import { runInMunicipality } from '../../database/query-scope';
import type { Actor } from '../auth/actor';
import { ServicesService } from '../catalogue/services.service';
import { AppException } from '../common/app-exception';
import { ClockService } from '../common/clock.service';
import { EventLogService } from '../common/event-log.service';
import { RequestValidationException, toFieldErrors } from '../common/validation';
import { HandOffsService } from '../notifications/hand-offs.service';
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
    private readonly handOffs: HandOffsService,
    private readonly services: ServicesService,
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
    if (
      body.kind === 'DATA_PROTECTION' &&
      (findings as DataProtectionFindings).processesPersonalData &&
      !(findings as DataProtectionFindings).purpose.trim()
    ) {
      throw AppException.invalid(
        'findings.purpose',
        'the purpose is needed when personal data is processed',
      );
    }
    if (body.outcome === 'APPROVED_WITH_CONDITIONS' && !body.conditions) {
      throw AppException.invalid('conditions', 'an approval with conditions names them');
    }
    return this.record(actor, serviceId, {
      kind: body.kind,
      outcome: body.outcome,
      conditions: body.conditions ?? '',
      notes: body.notes ?? '',
      findings,
      redoBy: body.redoBy,
      adoptedFrom: null,
    });
  }

  /**
   * A review of the caller's own service started from another municipality's published review
   * (SharingService.adopt): copied, and signed by the caller. The service must be of the same tool.
   */
  async adopt(
    actor: Actor,
    serviceId: string,
    review: NewReview & { nationalServiceId: string },
  ): Promise<ServiceReview> {
    const [service] = (await this.dataSource.query(
      `SELECT national_service_id FROM digital_service WHERE id = $1`,
      [serviceId],
    )) as { national_service_id: string }[];
    if (!service) throw AppException.invalid('serviceId', 'serviceId names no service of yours');
    if (service.national_service_id !== review.nationalServiceId) {
      throw AppException.invalid('serviceId', 'the published review is of another tool');
    }
    return this.record(actor, serviceId, review);
  }

  /** Records a review, its facts for the catalogue and its history, and tells who waits for it. */
  private async record(actor: Actor, serviceId: string, review: NewReview): Promise<ServiceReview> {
    const today = this.clock.today();
    if (review.redoBy <= today) {
      throw AppException.invalid('redoBy', 'the date to redo the review must be after today');
    }
    return this.dataSource.transaction(async (manager) => {
      await this.requireService(manager, serviceId);
      const [{ id }] = (await manager.query(
        `INSERT INTO service_review (service_id, kind, outcome, conditions, notes, findings, reviewer_id,
           reviewed_on, redo_by, adopted_from)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          serviceId,
          review.kind,
          review.outcome,
          review.conditions,
          review.notes,
          JSON.stringify(review.findings),
          actor.id,
          today,
          review.redoBy,
          review.adoptedFrom,
        ],
      )) as { id: string }[];
      await this.services.recordReviewFacts(
        manager,
        actor,
        serviceId,
        reviewFacts(review.kind, review.findings),
      );
      await this.events.record(manager, {
        actorId: actor.id,
        subjectType: 'service',
        subjectId: serviceId,
        kind: 'review',
        // The history's text is read by people: in Swedish.
        message: `${REVIEW_KIND_LABELS[review.kind]}: ${REVIEW_OUTCOME_LABELS[review.outcome]}${
          review.adoptedFrom ? ' (utgår från en annan kommuns granskning)' : ''
        }`,
        changes: {
          kind: { old: null, new: review.kind },
          outcome: { old: null, new: review.outcome },
        },
      });
      const [row] = (await manager.query(`${SELECT_REVIEW} WHERE r.id = $1`, [id])) as ReviewRow[];
      const saved = toReview(row, today);
      await this.tellReviewSaved(manager, actor, saved);
      return saved;
    });
  }

  /**
   * A new version, migration or sub-processor of the tool: its version goes up by one, and every
   * current review of it is due again, in every municipality that has the tool; each one's
   * reviewers are told. One transaction: each municipality's part is written as that
   * municipality (row-level security), found through `municipalities_with_tool`.
   */
  async reportChange(
    actor: Actor,
    serviceId: string,
    body: ReportServiceChangeDto,
  ): Promise<ServiceReviews> {
    return this.dataSource.transaction(async (manager) => {
      await this.requireService(manager, serviceId, true);
      const [[tool]] = (await manager.query(
        `UPDATE national_service n SET version = n.version + 1
           FROM digital_service d WHERE d.id = $1 AND n.id = d.national_service_id
         RETURNING n.id, n.version`,
        [serviceId],
      )) as [{ id: string; version: number }[], number];
      if (!tool) throw AppException.notFound('The service');
      await manager.query(
        `INSERT INTO service_change (national_service_id, kind, description, version)
         VALUES ($1, $2, $3, $4)`,
        [tool.id, body.kind, body.description, tool.version],
      );
      const change = `${SERVICE_CHANGE_LABELS[body.kind]}: ${body.description}`;
      const holders = (await manager.query(`SELECT * FROM municipalities_with_tool($1)`, [
        tool.id,
      ])) as { municipality_id: string; service_id: string; municipality_name: string }[];
      const ownName =
        holders.find((holder) => holder.municipality_id === actor.municipalityId)
          ?.municipality_name ?? '';
      for (const holder of holders) {
        if (holder.municipality_id === actor.municipalityId) {
          await this.markDueAfterChange(manager, actor, actor.id, holder.service_id, change);
          continue;
        }
        // Told in the other municipality as who reported it, and where: its history names no
        // account of another municipality.
        const reporter = { ...actor, displayName: `${actor.displayName}, ${ownName}` };
        await runInMunicipality(holder.municipality_id, () =>
          this.markDueAfterChange(manager, reporter, null, holder.service_id, change),
        );
      }
      return this.read(manager, serviceId);
    });
  }

  /** A municipality's service after a reported change: its reviews due, its reviewers told. */
  private async markDueAfterChange(
    manager: EntityManager,
    actor: Actor,
    historyActorId: string | null,
    serviceId: string,
    change: string,
  ): Promise<void> {
    const [made] = (await manager.query(
      `UPDATE service_review SET due_again_since = now()
        WHERE service_id = $1 AND due_again_since IS NULL
        RETURNING kind`,
      [serviceId],
    )) as [{ kind: ReviewKind }[], number];
    const [service] = (await manager.query(`SELECT name FROM digital_service WHERE id = $1`, [
      serviceId,
    ])) as { name: string }[];
    await this.handOffs.tell(manager, 'REVIEW_DUE_AFTER_CHANGE', {
      actor,
      serviceId,
      reviewKinds: REVIEW_KINDS.filter((kind) => made.some((row) => row.kind === kind)),
      facts: { toolName: service?.name ?? '', text: change },
    });
    await this.events.record(manager, {
      actorId: historyActorId,
      subjectType: 'service',
      subjectId: serviceId,
      kind: 'change-reported',
      message: change,
      changes: { change: { old: null, new: change } },
    });
  }

  /**
   * The specialist in charge of each request of the service under review is told of the review,
   * or, when it was the last one wanted and nothing blocks an approval, that the reviews are in.
   */
  private async tellReviewSaved(
    manager: EntityManager,
    actor: Actor,
    review: ServiceReview,
  ): Promise<void> {
    const requests = (await manager.query(
      `SELECT r.id, r.number, r.requester_id, r.unit_id, u.name AS unit_name, d.name AS tool_name
         FROM request r JOIN school_unit u ON u.id = r.unit_id
         JOIN digital_service d ON d.id = r.service_id
        WHERE r.service_id = $1 AND r.state = 'IN_REVIEW'
        ORDER BY r.number`,
      [review.serviceId],
    )) as {
      id: string;
      number: number;
      requester_id: string;
      unit_id: string;
      unit_name: string;
      tool_name: string;
    }[];
    if (requests.length === 0) return;
    const complete =
      approvalBlockers(await this.current(manager, review.serviceId), this.clock.today()).length ===
      0;
    for (const request of requests) {
      await this.handOffs.tell(manager, complete ? 'REVIEWS_COMPLETE' : 'REVIEW_SAVED', {
        actor,
        request: { id: request.id, requesterId: request.requester_id, unitId: request.unit_id },
        facts: {
          number: request.number,
          toolName: request.tool_name,
          unitName: request.unit_name,
          reviewKind: review.kind,
          outcomeLabel: REVIEW_OUTCOME_LABELS[review.outcome],
          conditions: review.conditions,
        },
      });
    }
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

/** A review to record: made here, or adopted from another municipality's published one. */
export interface NewReview {
  kind: ReviewKind;
  outcome: ServiceReview['outcome'];
  conditions: string;
  notes: string;
  findings: object;
  redoBy: IsoDate;
  /** The published review it was adopted from, if it was. */
  adoptedFrom: string | null;
}

/** What a review establishes about its service for the catalogue. */
function reviewFacts(
  kind: ReviewKind,
  findings: object,
): { signInMethod?: SignInMethod; dataLocation?: DataLocation } {
  if (kind === 'INFORMATION_SECURITY') {
    return { signInMethod: (findings as InformationSecurityFindings).signInMethod };
  }
  if (kind === 'DATA_PROTECTION') {
    return { dataLocation: (findings as DataProtectionFindings).storageLocation };
  }
  return {};
}
