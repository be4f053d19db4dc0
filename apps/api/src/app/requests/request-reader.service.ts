import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import {
  type CurrentReviews,
  REVIEW_KINDS,
  type RequestDetail,
  type RequestSnapshot,
  type RequestState,
  type RoutineSettings,
  approvalBlockers,
  availableMoves,
  isUnitScoped,
  needsManagerConfirmation,
} from '@licensregistret/domain';

import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.provider';
import type { Actor } from '../auth/actor';
import { ServicesService } from '../catalogue/services.service';
import { AppException } from '../common/app-exception';
import { ClockService } from '../common/clock.service';
import { ReviewsService } from '../reviews/reviews.service';
import { routineActorOf, unitIdsOf } from './request-access';
import { type DetailRow, type RequestRow, toContent, toSummary } from './request-rows';
import { requestDetailSql } from './request-sql';

/** The states in which the school may still edit what it wrote. */
export const EDITABLE_STATES: readonly RequestState[] = ['DRAFT', 'SUBMITTED'];

/** Reviews read earlier in the same transaction, and the service they belong to. */
export interface KnownReviews {
  serviceId: string;
  reviews: CurrentReviews;
}

const EMPTY_REVIEWS = Object.fromEntries(
  REVIEW_KINDS.map((kind) => [kind, null]),
) as CurrentReviews;

/**
 * Reads one request as an actor may see it, within the caller's transaction: its row (locked for
 * a change), the facts the routine judges it on, and the request in full with the moves the
 * actor may make. What the school's edits (RequestsService) and the routine's moves
 * (RequestMovesService) both need, so neither depends on the other.
 */
@Injectable()
export class RequestReader {
  constructor(
    private readonly clock: ClockService,
    private readonly services: ServicesService,
    private readonly reviews: ReviewsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get settings(): RoutineSettings {
    return { confirmationThreshold: this.config.confirmationThreshold };
  }

  /** The request if the actor may see it (locked for a change when `forUpdate`), else 404. */
  async readRow(
    manager: EntityManager,
    actor: Actor,
    id: string,
    forUpdate = false,
  ): Promise<DetailRow> {
    const [found] = (await manager.query(
      ...requestDetailSql(actor, id, this.clock.today(), forUpdate),
    )) as DetailRow[];
    if (!found) throw AppException.notFound('The request');
    return found;
  }

  /**
   * The request as the actor sees it, with the moves they may make now. `known` are reviews
   * the caller has just read in the same transaction, used while the request's service is the
   * one they belong to.
   */
  async detail(
    manager: EntityManager,
    actor: Actor,
    id: string,
    known?: KnownReviews,
  ): Promise<RequestDetail> {
    const row = await this.readRow(manager, actor, id);
    const today = this.clock.today();
    const service = row.service_id ? await this.services.get(row.service_id, manager) : null;
    const reviews = await this.currentReviews(manager, row.service_id, known);
    const snapshot = this.snapshotOf(row, reviews);
    const coveredBy = row.covered_by_licence_id
      ? await this.coveredBy(manager, row.covered_by_licence_id, row.covered_text ?? '')
      : null;
    const ownUnit = unitIdsOf(actor).includes(row.unit_id);
    const joinedUnits = (await manager.query(
      `SELECT j.unit_id, u.name AS unit_name, j.pupil_count, j.need, a.display_name, j.created_at
         FROM request_join j JOIN school_unit u ON u.id = j.unit_id JOIN account a ON a.id = j.account_id
        WHERE j.request_id = $1 ORDER BY j.created_at, j.id`,
      [id],
    )) as {
      unit_id: string;
      unit_name: string;
      pupil_count: number;
      need: string;
      display_name: string;
      created_at: Date;
    }[];
    return {
      ...toSummary(row),
      ...toContent(row),
      requesterId: row.requester_id,
      endorsedByName: row.endorsed_by_name,
      endorsedAt: row.endorsed_at?.toISOString() ?? null,
      decline:
        row.declined_at === null
          ? null
          : {
              text: row.decline_text ?? '',
              declinedByName: row.declined_by_name ?? '',
              declinedAt: row.declined_at.toISOString(),
            },
      stateBeforeInfo: row.state_before_info,
      openQuestion: row.open_question,
      service,
      coveredBy,
      implementedBy: row.implemented_by_licence_id
        ? await this.licence(manager, row.implemented_by_licence_id)
        : null,
      proposal: row.proposal,
      decision:
        row.decision_outcome === null
          ? null
          : {
              outcome: row.decision_outcome,
              reasons: row.decision_reasons,
              text: row.decision_text ?? '',
              conditions: row.decision_conditions ?? '',
              publicConditions: row.decision_public_conditions ?? '',
              decidedByName: row.decided_by_name ?? '',
              decidedAt: row.decided_at?.toISOString() ?? '',
            },
      whatChanged: row.what_changed,
      joinedUnits: joinedUnits.map((joined) => ({
        unitId: joined.unit_id,
        unitName: joined.unit_name,
        pupilCount: joined.pupil_count,
        need: joined.need,
        joinedByName: joined.display_name,
        joinedAt: joined.created_at.toISOString(),
      })),
      needsManagerConfirmation: needsManagerConfirmation(snapshot, this.settings),
      reviews,
      approvalBlockers: approvalBlockers(reviews ?? EMPTY_REVIEWS, today),
      availableMoves: availableMoves(snapshot, routineActorOf(actor), this.settings),
      editable: ownUnit && isUnitScoped(actor.roles) && EDITABLE_STATES.includes(row.state),
    };
  }

  /** The current reviews of the request's service (none without one), read unless known. */
  async currentReviews(
    manager: EntityManager,
    serviceId: string | null,
    known?: KnownReviews,
  ): Promise<CurrentReviews | null> {
    if (!serviceId) return null;
    if (known?.serviceId === serviceId) return known.reviews;
    return this.reviews.current(manager, serviceId);
  }

  /** The facts the routine judges a move on. */
  snapshotOf(row: RequestRow, reviews: CurrentReviews | null): RequestSnapshot {
    const procurement = reviews?.PROCUREMENT;
    return {
      state: row.state,
      stateBeforeInfo: row.state_before_info,
      unitId: row.unit_id,
      endorsed: row.endorsed_by !== null,
      proposedOutcome: row.proposal?.outcome ?? null,
      decidedOutcome: row.decision_outcome,
      annualCost:
        procurement?.kind === 'PROCUREMENT' ? Number(procurement.findings.annualCost) : null,
    };
  }

  /** The 409 for a change made on a version someone else has moved on from. */
  stale(row: RequestRow): AppException {
    return new AppException(
      'STALE_VERSION',
      `The request was changed by someone else (now ${row.state}, version ${row.version}); read it again.`,
      { extensions: { currentState: row.state, currentVersion: row.version } },
    );
  }

  private async licence(
    manager: EntityManager,
    licenceId: string,
  ): Promise<RequestDetail['implementedBy']> {
    const [licence] = (await manager.query(
      `SELECT l.id AS "licenceId", a.id AS "agreementId", a.agreement_number AS "agreementNumber",
              l.starts_on AS "startsOn", l.ends_on AS "endsOn"
         FROM licence l JOIN agreement a ON a.id = l.agreement_id WHERE l.id = $1`,
      [licenceId],
    )) as NonNullable<RequestDetail['implementedBy']>[];
    return licence ?? null;
  }

  private async coveredBy(
    manager: EntityManager,
    licenceId: string,
    text: string,
  ): Promise<RequestDetail['coveredBy']> {
    const [licence] = (await manager.query(
      `SELECT l.id, a.agreement_number, l.ends_on FROM licence l JOIN agreement a ON a.id = l.agreement_id
        WHERE l.id = $1`,
      [licenceId],
    )) as { id: string; agreement_number: string; ends_on: string }[];
    return licence
      ? {
          licenceId: licence.id,
          agreementNumber: licence.agreement_number,
          endsOn: licence.ends_on,
          text,
        }
      : null;
  }
}
