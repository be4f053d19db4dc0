import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type CurrentReviews,
  DECISION_OUTCOME_LABELS,
  DECISION_REASON_LABELS,
  type DecisionOutcome,
  type HandOffEvent,
  type HandOffFacts,
  type MoveProblem,
  type RequestDetail,
  type ReviewKind,
  type ServiceCategory,
  approvalBlockers,
  describeBlocker,
  isApproval,
  moveProblem,
  newToolReviewProblems,
  reviewKindsWanted,
  stateAfter,
} from '@licensregistret/domain';

import { LICENCE_COVERS_UNIT, licenceInForce } from '../agreements/licence-coverage';
import type { Actor } from '../auth/actor';
import { ServicesService } from '../catalogue/services.service';
import { SuppliersService } from '../catalogue/suppliers.service';
import { AppException } from '../common/app-exception';
import { ClockService } from '../common/clock.service';
import { HandOffsService } from '../notifications/hand-offs.service';
import type { MoveDto } from './dto/move.dto';
import { routineActorOf } from './request-access';
import {
  type FullDetailRow,
  type MoveFactsRow,
  currentReviewsOf,
  moveFactsSql,
  moveWriteSql,
  snapshotOf,
} from './request-detail';
import { RequestReader } from './request-reader.service';

/**
 * Moves a request through the routine: the routine in libs/shared/domain says who may make which
 * move from where; this adds what only the database knows (the version, the licence, the reviews)
 * and writes the change, its event and its notifications in one transaction.
 */
/**
 * The decision a DECIDE or CORRECT_DECISION body makes: reasons only for a rejection, conditions
 * (and their public text) only for an approval with conditions.
 */
function decisionIn(body: MoveDto) {
  const outcome = body.outcome as DecisionOutcome;
  const withConditions = outcome === 'APPROVED_WITH_CONDITIONS';
  return {
    outcome,
    reasons: outcome === 'REJECTED' ? (body.reasons ?? []) : [],
    text: body.text ?? '',
    conditions: withConditions ? (body.conditions ?? '') : '',
    publicConditions: withConditions ? (body.publicConditions ?? '') : '',
  };
}

const SET_DECISION = `decision_outcome = $3, decision_reasons = $4, decision_text = $5,
  decision_conditions = $6, decided_by = $7, decided_at = now(), decision_public_conditions = $8`;

function decisionParameters(decision: ReturnType<typeof decisionIn>, actor: Actor): unknown[] {
  const { outcome, reasons, text, conditions, publicConditions } = decision;
  return [outcome, reasons, text, conditions, actor.id, publicConditions];
}

@Injectable()
export class RequestMovesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: RequestReader,
    private readonly services: ServicesService,
    private readonly suppliers: SuppliersService,
    private readonly handOffs: HandOffsService,
    private readonly clock: ClockService,
  ) {}

  async move(actor: Actor, id: string, body: MoveDto): Promise<RequestDetail> {
    return this.dataSource.transaction((manager) => this.moveIn(manager, actor, id, body));
  }

  /** One move in the caller's transaction (licensing moves several requests in one). */
  async moveIn(
    manager: EntityManager,
    actor: Actor,
    id: string,
    body: MoveDto,
  ): Promise<RequestDetail> {
    const today = this.clock.today();
    const [row] = (await manager.query(...moveFactsSql(actor, id, today))) as MoveFactsRow[];
    if (!row) throw AppException.notFound('The request');
    if (row.version !== body.version) throw this.requests.stale(row);
    const reviews = currentReviewsOf(row, today);
    const snapshot = snapshotOf(row, reviews);
    const problem = moveProblem(
      body.move,
      snapshot,
      routineActorOf(actor),
      this.requests.settings,
      body,
    );
    if (problem) throw this.refusal(problem, row);

    const to = stateAfter(body.move, snapshot);
    const apply = this.apply[body.move];
    const effect = await apply(manager, actor, row, body);
    const event = {
      actorId: actor.id,
      subjectType: 'request' as const,
      subjectId: id,
      kind: body.move,
      fromState: row.state,
      toState: to,
      message: (effect.message ?? body.text) || null,
      changes: effect.changes ?? {},
    };
    // A move changes no review: those read above hold for the answer unless the service changed.
    const write = { id, to, set: effect.set, parameters: effect.parameters, event };
    const [written] = (await manager.query(
      ...moveWriteSql(actor, write, today, effect.changesService === true),
    )) as FullDetailRow[];
    if (!written) throw AppException.notFound('The request');
    const after = this.requests.toDetail(
      written,
      actor,
      effect.changesService ? undefined : reviews,
    );
    await effect.notify?.(manager, after);
    return after;
  }

  private refusal(problem: MoveProblem, row: MoveFactsRow): AppException {
    const extensions = { currentState: row.state, currentVersion: row.version };
    if (problem.status === 400) {
      return new AppException('INVALID', problem.message, {
        errors: [{ field: problem.field, messages: [problem.message] }],
        extensions,
      });
    }
    return new AppException(problem.status === 403 ? 'FORBIDDEN' : 'CONFLICT', problem.message, {
      extensions,
    });
  }

  /** What each move writes beyond the state: `set` with parameters from `$3`, and who is told. */
  private readonly apply: Record<
    MoveDto['move'],
    (manager: EntityManager, actor: Actor, row: MoveFactsRow, body: MoveDto) => Promise<Effect>
  > = {
    ENDORSE: async (_manager, actor) => ({
      set: `endorsed_by = $3, endorsed_at = now(), ${CLEAR_DECLINE}`,
      parameters: [actor.id],
      notify: (manager, after) => this.tell(manager, 'ENDORSED', actor, after),
    }),
    DECLINE: async (_manager, actor, row, body) => ({
      // Back to a draft the requester may revise; the principal endorses it when it is right.
      set: 'submitted_at = NULL, declined_by = $3, declined_at = now(), decline_text = $4',
      parameters: [actor.id, body.text],
      changes: { decline: { old: row.decline_text, new: body.text } },
      notify: (manager, after) => this.tell(manager, 'DECLINED', actor, after, { text: body.text }),
    }),
    SUBMIT: async (_manager, actor, row) => ({
      // A principal's own submission is their endorsement.
      set: `submitted_at = now(), endorsed_by = coalesce(endorsed_by, $3), endorsed_at = coalesce(endorsed_at, now()), ${CLEAR_DECLINE}`,
      parameters: [actor.id],
      notify: (manager, after) => this.tell(manager, 'SUBMITTED', actor, after, { text: row.need }),
    }),
    START_TRIAGE: async () => ({}),
    QUEUE: async () => ({}),
    UNQUEUE: async () => ({}),
    START_REVIEW: (manager, actor, row, body) => this.startReview(manager, actor, row, body),
    MARK_COVERED: async (manager, actor, row, body) => {
      const licenceId = body.licenceId as string;
      const [covering] = (await manager.query(
        `SELECT l.id FROM licence l JOIN agreement a ON a.id = l.agreement_id, school_unit u
          WHERE l.id = $1 AND u.id = $2 AND ${LICENCE_COVERS_UNIT} AND ${licenceInForce('$3::date')}`,
        [licenceId, row.unit_id, this.clock.today()],
      )) as { id: string }[];
      if (!covering) {
        throw AppException.invalid(
          'licenceId',
          'licenceId must be a licence in force that covers the unit',
        );
      }
      return {
        set: 'covered_by_licence_id = $3, covered_text = $4',
        parameters: [licenceId, body.text ?? ''],
        changes: { licenceId: { old: null, new: licenceId } },
        notify: (manager, after) =>
          this.tell(manager, 'COVERED', actor, after, {
            agreementNumber: after.coveredBy?.agreementNumber,
            endsOn: after.coveredBy?.endsOn,
            text: body.text,
          }),
      };
    },
    ASK_FOR_INFO: async (_manager, actor, row, body) => ({
      set: 'state_before_info = $3, open_question = $4',
      parameters: [row.state, body.text],
      notify: (manager, after) =>
        this.tell(manager, 'INFO_REQUESTED', actor, after, { text: body.text }),
    }),
    ANSWER: async (_manager, actor, row, body) => ({
      set: 'state_before_info = NULL, open_question = NULL',
      notify: (manager, after) =>
        this.tell(manager, 'INFO_ANSWERED', actor, after, {
          question: row.open_question ?? '',
          text: body.text,
        }),
    }),
    PROPOSE_DECISION: async (manager, actor, row, body) => {
      await this.checkApprovalGates(row, body.outcome as DecisionOutcome);
      const proposal = {
        outcome: body.outcome,
        reasons: body.reasons ?? [],
        text: body.text ?? '',
        conditions: body.conditions ?? '',
        publicConditions: body.publicConditions ?? '',
        proposedByName: actor.displayName,
        proposedAt: new Date().toISOString(),
      };
      return {
        set: 'proposal = $3',
        parameters: [JSON.stringify(proposal)],
        changes: { proposal: { old: row.proposal, new: proposal } },
        notify: (manager, after) =>
          this.tell(manager, 'DECISION_PROPOSED', actor, after, {
            outcomeLabel: DECISION_OUTCOME_LABELS[body.outcome as DecisionOutcome],
            reasonLabels: (body.reasons ?? []).map(
              (reason) => DECISION_REASON_LABELS[reason].label,
            ),
            conditions: body.conditions,
            text: body.text,
          }),
      };
    },
    DECIDE: (manager, actor, row, body) => this.decide(manager, actor, row, body),
    CORRECT_DECISION: (manager, actor, row, body) =>
      this.correctDecision(manager, actor, row, body),
    REOPEN_DECISION: (manager, actor, row, body) => this.reopenDecision(manager, actor, row, body),
    IMPLEMENT: (manager, actor, row, body) => this.implement(manager, actor, row, body),
    WITHDRAW: async () => ({}),
  };

  private async decide(
    manager: EntityManager,
    actor: Actor,
    row: MoveFactsRow,
    body: MoveDto,
  ): Promise<Effect> {
    const decision = decisionIn(body);
    await this.checkApprovalGates(row, decision.outcome);
    if (row.service_id) {
      await this.services.recordDecision(manager, actor, row.service_id, {
        outcome: decision.outcome,
        conditions: decision.conditions,
        publicConditions: decision.publicConditions,
        description: body.description,
      });
    }
    const { reasons, conditions, publicConditions } = decision;
    return {
      set: SET_DECISION,
      parameters: decisionParameters(decision, actor),
      changes: {
        outcome: { old: null, new: decision.outcome },
        ...(reasons.length ? { reasons: { old: null, new: reasons } } : {}),
        ...(conditions ? { conditions: { old: null, new: conditions } } : {}),
        ...(publicConditions ? { publicConditions: { old: null, new: publicConditions } } : {}),
      },
      notify: (manager, after) =>
        this.tell(manager, 'DECIDED', actor, after, {
          outcomeLabel: DECISION_OUTCOME_LABELS[decision.outcome],
          reasonLabels: reasons.map((reason) => DECISION_REASON_LABELS[reason].label),
          conditions,
          text: body.text,
        }),
    };
  }

  /**
   * A new decision in place of the old, which stays in the history (the DECIDE event and this
   * one's changes); those told of the decision are told again. The event's message is why.
   */
  private async correctDecision(
    manager: EntityManager,
    actor: Actor,
    row: MoveFactsRow,
    body: MoveDto,
  ): Promise<Effect> {
    const decision = decisionIn(body);
    const { outcome, reasons, conditions, publicConditions } = decision;
    await this.checkApprovalGates(row, outcome);
    const previous = row.decision_outcome as DecisionOutcome;
    if (row.service_id) {
      await this.services.reconsiderDecision(manager, actor, row.service_id, row.id, previous, {
        outcome,
        conditions,
        publicConditions,
        description: body.description,
      });
    }
    return {
      set: SET_DECISION,
      parameters: decisionParameters(decision, actor),
      message: body.correctionReason,
      changes: {
        outcome: { old: previous, new: outcome },
        reasons: { old: row.decision_reasons, new: reasons },
        text: { old: row.decision_text, new: decision.text },
        conditions: { old: row.decision_conditions, new: conditions },
        publicConditions: { old: row.decision_public_conditions, new: publicConditions },
      },
      notify: (manager, after) =>
        this.tell(manager, 'DECISION_CORRECTED', actor, after, {
          outcomeLabel: DECISION_OUTCOME_LABELS[outcome],
          previousOutcomeLabel: DECISION_OUTCOME_LABELS[previous],
          correctionReason: body.correctionReason,
          reasonLabels: reasons.map((reason) => DECISION_REASON_LABELS[reason].label),
          conditions,
          text: body.text,
        }),
    };
  }

  /** The decision set aside and the request back in review; the old one stays in the history. */
  private async reopenDecision(
    manager: EntityManager,
    actor: Actor,
    row: MoveFactsRow,
    body: MoveDto,
  ): Promise<Effect> {
    const previous = row.decision_outcome as DecisionOutcome;
    if (row.service_id) {
      await this.services.reconsiderDecision(
        manager,
        actor,
        row.service_id,
        row.id,
        previous,
        null,
      );
    }
    return {
      set: `decision_outcome = NULL, decision_reasons = '{}', decision_text = NULL,
            decision_conditions = NULL, decided_by = NULL, decided_at = NULL, proposal = NULL,
            decision_public_conditions = NULL`,
      message: body.correctionReason,
      changes: {
        outcome: { old: previous, new: null },
        reasons: { old: row.decision_reasons, new: [] },
        text: { old: row.decision_text, new: null },
        conditions: { old: row.decision_conditions, new: null },
        ...(row.proposal ? { proposal: { old: row.proposal, new: null } } : {}),
      },
      notify: (manager, after) =>
        this.tell(manager, 'DECISION_REOPENED', actor, after, {
          previousOutcomeLabel: DECISION_OUTCOME_LABELS[previous],
          correctionReason: body.correctionReason,
        }),
    };
  }

  /**
   * The tool is in use. Named, the licence must be the request's service's, not yet ended, and
   * reach every unit that asked (its own and those that joined); the schools are told.
   */
  private async implement(
    manager: EntityManager,
    actor: Actor,
    row: MoveFactsRow,
    body: MoveDto,
  ): Promise<Effect> {
    if (!body.licenceId) {
      return {
        notify: (manager, after) =>
          this.tell(manager, 'IMPLEMENTED', actor, after, { text: body.text }),
      };
    }
    const [licence] = (await manager.query(
      `SELECT l.id, a.agreement_number, l.starts_on, l.ends_on,
              coalesce((SELECT array_agg(u.name ORDER BY u.name)
                          FROM school_unit u
                         WHERE (u.id = $2 OR u.id IN (SELECT unit_id FROM request_join WHERE request_id = $3))
                           AND NOT ${LICENCE_COVERS_UNIT}), '{}') AS left_out
         FROM licence l JOIN agreement a ON a.id = l.agreement_id
        WHERE l.id = $1 AND l.service_id = $4 AND l.ends_on >= $5`,
      [body.licenceId, row.unit_id, row.id, row.service_id, this.clock.today()],
    )) as {
      id: string;
      agreement_number: string;
      starts_on: string;
      ends_on: string;
      left_out: string[];
    }[];
    if (!licence) {
      throw AppException.invalid(
        'licenceId',
        "licenceId must be a licence of the request's service that has not ended",
      );
    }
    if (licence.left_out.length > 0) {
      throw AppException.invalid(
        'licenceId',
        `the licence does not reach every unit that asked: ${licence.left_out.join(', ')}`,
      );
    }
    return {
      set: 'implemented_by_licence_id = $3',
      parameters: [licence.id],
      changes: { licenceId: { old: null, new: licence.id } },
      notify: (manager, after) =>
        this.tell(manager, 'IMPLEMENTED', actor, after, {
          agreementNumber: licence.agreement_number,
          startsOn: licence.starts_on,
          endsOn: licence.ends_on,
          text: body.text,
        }),
    };
  }

  /** An approval needs every review valid and the GDPR stops clear (a rejection needs none). */
  private async checkApprovalGates(row: MoveFactsRow, outcome: DecisionOutcome): Promise<void> {
    if (!isApproval(outcome)) return;
    if (!row.service_id) {
      throw new AppException('CONFLICT', 'A request is approved for a service under review.', {
        extensions: { currentState: row.state, currentVersion: row.version },
      });
    }
    const today = this.clock.today();
    const blockers = approvalBlockers(currentReviewsOf(row, today) as CurrentReviews, today);
    if (blockers.length > 0) {
      throw new AppException(
        'CONFLICT',
        `The request cannot be approved yet: ${blockers.map(describeBlocker).join('; ')}.`,
        { extensions: { currentState: row.state, currentVersion: row.version, blockers } },
      );
    }
  }

  /**
   * Accepting a request for review: a proposed new tool becomes a catalogue service "under
   * review" now, not before, so typos in requests never reach the catalogue.
   */
  private async startReview(
    manager: EntityManager,
    actor: Actor,
    row: MoveFactsRow,
    body: MoveDto,
  ): Promise<Effect> {
    // Each reviewer whose review of the service is missing or due is told it is wanted.
    const notify: Effect['notify'] = (manager, after) =>
      this.tell(
        manager,
        'REVIEW_WANTED',
        actor,
        after,
        {},
        reviewKindsWanted(after.approvalBlockers),
      );
    if (row.service_id) return { notify };
    const [problem] = newToolReviewProblems(body);
    if (problem) throw AppException.invalid(problem.field, problem.message);
    let serviceId = body.serviceId ?? null;
    if (serviceId) {
      if (!(await this.services.exists(manager, serviceId))) {
        throw AppException.invalid('serviceId', 'serviceId must be a catalogue service');
      }
    } else {
      serviceId = await this.services.createUnderReview(manager, actor, {
        name: row.new_tool_name as string,
        supplierId: await this.supplierFor(manager, actor, row, body),
        category: body.category as ServiceCategory,
        // The catalogue's words are the specialist's, never the school's need text.
        description: body.description ?? '',
        schoolForms: row.school_forms,
        webAddress: row.new_tool_web_address,
        personalData: row.personal_data,
        origin: `Från begäran ${row.number}`,
      });
    }
    return {
      set: 'service_id = $3',
      parameters: [serviceId],
      changesService: true,
      changes: { serviceId: { old: null, new: serviceId } },
      notify,
    };
  }

  /** The new service's supplier: one of the registry's, or found or made by organisation number. */
  private async supplierFor(
    manager: EntityManager,
    actor: Actor,
    row: MoveFactsRow,
    body: MoveDto,
  ): Promise<string> {
    if (body.supplierId) {
      if (!(await this.suppliers.exists(manager, body.supplierId))) {
        throw AppException.invalid('supplierId', 'supplierId must be a supplier');
      }
      return body.supplierId;
    }
    return this.suppliers.findOrCreateByOrganisationNumber(
      manager,
      actor,
      {
        organisationNumber: body.supplierOrganisationNumber as string,
        name: row.new_tool_supplier as string,
      },
      'supplierId',
    );
  }

  /** Tells those the hand-off table names for this move (libs/shared/domain hand-offs.ts). */
  private async tell(
    manager: EntityManager,
    event: HandOffEvent,
    actor: Actor,
    after: RequestDetail,
    facts: Partial<HandOffFacts> = {},
    reviewKinds: ReviewKind[] = [],
  ): Promise<void> {
    await this.handOffs.tell(manager, event, {
      actor,
      request: after,
      serviceId: after.serviceId,
      reviewKinds,
      facts: {
        number: after.number,
        toolName: after.toolName,
        unitName: after.unitName,
        pupilCount: after.pupilCount,
        ...facts,
      },
    });
  }
}

/** A decline holds until the request is endorsed (or a principal submits it, which endorses). */
const CLEAR_DECLINE = 'declined_by = NULL, declined_at = NULL, decline_text = NULL';

interface Effect {
  /** Extra assignments of the UPDATE, their parameters numbered from $3. */
  set?: string;
  parameters?: unknown[];
  changes?: Record<string, { old: unknown; new: unknown }>;
  /** The event's message when it is not the body's text. */
  message?: string;
  /** Whether `set` gives the request a service (whose reviews the answer then reads). */
  changesService?: boolean;
  notify?: (manager: EntityManager, after: RequestDetail) => Promise<void>;
}
