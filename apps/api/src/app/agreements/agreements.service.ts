import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type Agreement,
  type AgreementActionChanges,
  type AgreementActionProblem,
  type CostSplit,
  type KeysetPage,
  type Role,
  agreementActionChanges,
  agreementActionInputProblems,
  agreementActionProblem,
  lastDayToGiveNotice,
  splitAnnualCost,
} from '@licensregistret/domain';

import { pgPoolOf } from '../../database/pg-pool';
import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { ClockService } from '../common/clock.service';
import { rethrowConstraintViolation } from '../common/database-errors';
import { type Changes, EventLogService, changedFields } from '../common/event-log.service';
import { cursorPages } from '../common/export/sql-cursor';
import { type KeyedRow, nextCursorOf } from '../common/keyset';
import { pageOf, totalUnlessKnown } from '../common/list-params';
import { definedOnly } from '../common/patch';
import type { ExportedAgreement } from './agreement-export';
import {
  type AgreementRow,
  SELECT_AGREEMENT,
  agreementRowsSql,
  toAgreement,
} from './agreement-rows';
import type { AgreementActionDto } from './dto/agreement-action.dto';
import type {
  AgreementListQueryDto,
  CreateAgreementDto,
  UpdateAgreementDto,
} from './dto/agreement.dto';
import { LICENCE_COVERS_UNIT } from './licence-coverage';

const TERM_FIELDS = [
  'supplierId',
  'agreementNumber',
  'caseNumber',
  'procurementRoute',
  'frameworkName',
  'callOffReference',
  'signedOn',
  'startsOn',
  'endsOn',
  'extensionOptions',
  'extensionMonths',
  'extensionOptionsUsed',
  'nextExtensionDecisionBy',
  'noticePeriodMonths',
  'internalLeadDays',
  'renewsAutomatically',
  'annualCost',
  'costModel',
  'ownerId',
  'scopeSchoolForms',
  'dataProcessingAgreement',
  'documents',
  'followsId',
  'terminatedOn',
] as const;

const CONSTRAINT_FIELDS = {
  agreement_supplier_id_fkey: 'supplierId',
  agreement_supplier_id_agreement_number_key: 'agreementNumber',
  agreement_owner_id_fkey: 'ownerId',
  agreement_follows_id_fkey: 'followsId',
};

type Terms = CreateAgreementDto;

@Injectable()
export class AgreementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventLogService,
    private readonly clock: ClockService,
  ) {}

  async list(query: AgreementListQueryDto, actor?: Actor): Promise<KeysetPage<Agreement>> {
    const today = this.clock.today();
    const sql = agreementRowsSql(query, today);
    const paging = pageOf(query);
    const pool = pgPoolOf(this.dataSource);
    const [{ rows }, total] = await Promise.all([
      pool.query<AgreementRow & KeyedRow>(...sql.page(paging, query.after)),
      totalUnlessKnown(query, async () => (await pool.query<{ total: number }>(...sql.count)).rows),
    ]);
    return {
      rows: rows.map((row) => toAgreement(row, today, actor?.roles)),
      total,
      nextCursor: nextCursorOf(rows, paging.limit, sql.sort),
    };
  }

  /** Every agreement of the list's filters, in its order, a page at a time (paging ignored). */
  async *exportPages(query: AgreementListQueryDto): AsyncGenerator<ExportedAgreement[]> {
    const today = this.clock.today();
    const [text, parameters] = agreementRowsSql(query, today).rows;
    for await (const rows of cursorPages<AgreementRow>(this.dataSource, text, parameters)) {
      yield rows.map((row) => ({
        ...toAgreement(row, today),
        supplierOrganisationNumber: row.supplier_organisation_number,
      }));
    }
  }

  /** One agreement; with `actor`, the lifecycle actions they may take on it now. */
  async get(id: string, actor?: Actor): Promise<Agreement> {
    return this.read(this.dataSource.manager, id, false, actor?.roles);
  }

  async create(actor: Actor, body: CreateAgreementDto): Promise<Agreement> {
    return this.dataSource.transaction(async (manager) => {
      await this.check(manager, body, null);
      const [{ id }] = await manager
        .query(
          `INSERT INTO agreement (${COLUMNS.join(', ')})
           VALUES (${COLUMNS.map((_, index) => `$${index + 1}`).join(', ')}) RETURNING id`,
          columnValues(body),
        )
        .catch((error: unknown) => rethrowConstraintViolation(error, CONSTRAINT_FIELDS));
      const agreement = await this.read(manager, id, false, actor.roles);
      await this.events.record(manager, {
        actorId: actor.id,
        subjectType: 'agreement',
        subjectId: id,
        kind: 'created',
        changes: changedFields(null, agreement, TERM_FIELDS),
      });
      return agreement;
    });
  }

  async update(actor: Actor, id: string, body: UpdateAgreementDto): Promise<Agreement> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.read(manager, id, true, actor.roles);
      if (before.version !== body.version) throw AppException.staleVersion(before);
      const { version, reason, ...changes } = body;
      const next: Terms = { ...before, ...definedOnly(changes) };
      await this.check(manager, next, id);
      await manager
        .query(
          `UPDATE agreement SET (${COLUMNS.join(', ')}) = (${COLUMNS.map((_, index) => `$${index + 2}`).join(', ')}),
                  version = version + 1, updated_at = now()
            WHERE id = $1`,
          [id, ...columnValues(next)],
        )
        .catch((error: unknown) => rethrowConstraintViolation(error, CONSTRAINT_FIELDS));
      const after = await this.read(manager, id, false, actor.roles);
      await this.events.record(manager, {
        actorId: actor.id,
        subjectType: 'agreement',
        subjectId: id,
        kind: 'updated',
        changes: changedFields(before, after, TERM_FIELDS),
        message: reason || null,
      });
      return after;
    });
  }

  /**
   * The annual cost per covered unit: by pupils for a per-pupil agreement, evenly otherwise. The
   * units are those its licences reach; the shares add up to the cost to the öre.
   */
  async costSplit(id: string): Promise<CostSplit> {
    const agreement = await this.get(id);
    const units: { id: string; name: string; pupil_count: number }[] = await this.dataSource.query(
      `SELECT DISTINCT u.id, u.name, u.pupil_count
         FROM licence l JOIN school_unit u ON ${LICENCE_COVERS_UNIT}
        WHERE l.agreement_id = $1
        ORDER BY u.name, u.id`,
      [id],
    );
    const shares = splitAnnualCost(
      Math.round(agreement.annualCost * 100),
      agreement.costModel,
      units.map((unit) => ({ key: unit, pupils: unit.pupil_count })),
    );
    return {
      agreementId: id,
      costModel: agreement.costModel,
      annualCost: agreement.annualCost,
      rows: shares.map((share) => ({
        unitId: share.key.id,
        unitName: share.key.name,
        pupils: share.key.pupil_count,
        amount: share.ore / 100,
      })),
    };
  }

  /**
   * A lifecycle action (agreement-lifecycle.ts) against the version read, in one transaction with
   * what follows from it: the licences that ran to the old end, the successor's link, the history.
   */
  async act(actor: Actor, id: string, body: AgreementActionDto): Promise<Agreement> {
    const today = this.clock.today();
    return this.dataSource.transaction(async (manager) => {
      const before = await this.read(manager, id, true, actor.roles);
      if (before.version !== body.version) throw AppException.staleVersion(before);
      const refused = agreementActionProblem(body.action, before, actor.roles, today);
      if (refused) throw actionRefusal(refused, before);
      const [invalid] = agreementActionInputProblems(body.action, before, body, today);
      if (invalid) throw actionRefusal({ status: 400, ...invalid }, before);
      const reason = body.reason?.trim() ?? null;
      const record = (subjectType: 'agreement' | 'licence', subjectId: string, changes: Changes) =>
        this.events.record(manager, {
          actorId: actor.id,
          subjectType,
          subjectId,
          kind: subjectType === 'agreement' ? body.action : 'updated',
          changes,
          message: reason,
        });

      if (body.action === 'REGISTER_SUCCESSOR') {
        const successorId = body.successorId as string;
        await this.linkSuccessor(manager, before, successorId, record);
        await manager.query(
          `UPDATE agreement SET version = version + 1, updated_at = now() WHERE id = $1`,
          [id],
        );
        await record('agreement', id, { followedById: { old: null, new: successorId } });
        return this.read(manager, id, false, actor.roles);
      }

      const changes = agreementActionChanges(body.action, before, body);
      if (changes.endsOn !== undefined) {
        await this.moveLicenceEnds(manager, before, changes.endsOn, body.action, record);
      }
      const set = Object.entries(changes).map(
        ([field], index) =>
          `${ACTION_COLUMNS[field as keyof AgreementActionChanges]} = $${index + 2}`,
      );
      await manager
        .query(
          `UPDATE agreement SET ${set.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`,
          [id, ...Object.values(changes)],
        )
        .catch((error: unknown) => rethrowConstraintViolation(error, CONSTRAINT_FIELDS));
      const after = await this.read(manager, id, false, actor.roles);
      await record('agreement', id, {
        ...changedFields(before, after, TERM_FIELDS),
        ...(body.action === 'GIVE_NOTICE'
          ? { noticeCaseNumber: { old: null, new: body.caseNumber?.trim() } }
          : {}),
      });
      return after;
    });
  }

  /** The successor follows this agreement: one not following another, and not earlier in its chain. */
  private async linkSuccessor(
    manager: EntityManager,
    agreement: Agreement,
    successorId: string,
    record: (type: 'agreement', id: string, changes: Changes) => Promise<void>,
  ): Promise<void> {
    const [successor] = (await manager.query(
      `SELECT id, agreement_number, starts_on, follows_id FROM agreement WHERE id = $1 FOR UPDATE`,
      [successorId],
    )) as { id: string; agreement_number: string; starts_on: string; follows_id: string | null }[];
    if (!successor) throw AppException.invalid('successorId', 'successorId must be an agreement');
    if (successor.follows_id !== null) {
      throw actionRefusal(
        {
          status: 409,
          message: `REGISTER_SUCCESSOR refused: agreement ${successor.agreement_number} already follows another agreement`,
        },
        agreement,
      );
    }
    const [earlier] = await manager.query(
      `WITH RECURSIVE chain (id, follows_id) AS (
         SELECT id, follows_id FROM agreement WHERE id = $1
         UNION SELECT a.id, a.follows_id FROM agreement a JOIN chain c ON a.id = c.follows_id)
       SELECT 1 FROM chain WHERE id = $2`,
      [agreement.id, successorId],
    );
    if (earlier) {
      throw actionRefusal(
        {
          status: 409,
          message: `REGISTER_SUCCESSOR refused: agreement ${successor.agreement_number} comes before this one in its chain`,
        },
        agreement,
      );
    }
    if (successor.starts_on < agreement.startsOn) {
      throw AppException.invalid(
        'successorId',
        `the following agreement cannot start before this one (${agreement.startsOn})`,
      );
    }
    await manager.query(
      `UPDATE agreement SET follows_id = $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [successorId, agreement.id],
    );
    await record('agreement', successorId, { followsId: { old: null, new: agreement.id } });
  }

  /**
   * A licence runs with its agreement: one that ran to the old end runs to an extended one, and
   * none runs past an early end (one starting after it refuses the early end).
   */
  private async moveLicenceEnds(
    manager: EntityManager,
    agreement: Agreement,
    endsOn: string,
    action: AgreementActionDto['action'],
    record: (type: 'licence', id: string, changes: Changes) => Promise<void>,
  ): Promise<void> {
    if (action === 'END_EARLY') {
      const [late] = (await manager.query(
        `SELECT d.name FROM licence l JOIN digital_service d ON d.id = l.service_id
          WHERE l.agreement_id = $1 AND l.starts_on > $2 LIMIT 1`,
        [agreement.id, endsOn],
      )) as { name: string }[];
      if (late) {
        throw AppException.invalid(
          'date',
          `the licence for ${late.name} starts after ${endsOn}; change the licence first`,
        );
      }
    }
    const [moved] = (await manager.query(
      `UPDATE licence l SET ends_on = $2, version = l.version + 1, updated_at = now()
         FROM (SELECT id, ends_on FROM licence WHERE agreement_id = $1
                  AND ${action === 'END_EARLY' ? 'ends_on > $2::date' : 'ends_on = $3::date'} FOR UPDATE) old
        WHERE l.id = old.id
        RETURNING l.id, old.ends_on AS old_ends_on`,
      action === 'END_EARLY' ? [agreement.id, endsOn] : [agreement.id, endsOn, agreement.endsOn],
    )) as [{ id: string; old_ends_on: string }[], number];
    for (const licence of moved) {
      await record('licence', licence.id, { endsOn: { old: licence.old_ends_on, new: endsOn } });
    }
  }

  private async read(
    manager: EntityManager,
    id: string,
    forUpdate = false,
    roles: readonly Role[] = [],
  ): Promise<Agreement> {
    const [row] = (await manager.query(
      `${SELECT_AGREEMENT} WHERE a.id = $1 ${forUpdate ? 'FOR UPDATE OF a' : ''}`,
      [id],
    )) as AgreementRow[];
    if (!row) throw AppException.notFound('The agreement');
    return toAgreement(row, this.clock.today(), roles);
  }

  /** The rules across fields that class-validator cannot see: each a 400 naming the field. */
  private async check(manager: EntityManager, terms: Terms, id: string | null): Promise<void> {
    if (terms.endsOn < terms.startsOn) {
      throw AppException.invalid('endsOn', 'endsOn must not be before startsOn');
    }
    if (lastDayToGiveNotice(terms) < terms.startsOn) {
      throw AppException.invalid(
        'noticePeriodMonths',
        'the notice period is longer than the agreement',
      );
    }
    if (terms.extensionOptionsUsed > terms.extensionOptions) {
      throw AppException.invalid(
        'extensionOptionsUsed',
        'more extension options used than there are',
      );
    }
    if (terms.terminatedOn && terms.terminatedOn < terms.startsOn) {
      throw AppException.invalid('terminatedOn', 'terminatedOn must not be before startsOn');
    }
    if (terms.followsId && terms.followsId === id) {
      throw AppException.invalid('followsId', 'an agreement cannot follow itself');
    }
    if (terms.ownerId) {
      const [owner] = await manager.query(
        `SELECT 1 FROM account WHERE id = $1 AND 'OBJECT_MANAGER' = ANY (roles)`,
        [terms.ownerId],
      );
      if (!owner)
        throw AppException.invalid(
          'ownerId',
          'the owner must be an account with the OBJECT_MANAGER role',
        );
    }
  }
}

const ACTION_COLUMNS: Record<keyof AgreementActionChanges, string> = {
  terminatedOn: 'terminated_on',
  endsOn: 'ends_on',
  extensionOptions: 'extension_options',
  extensionOptionsUsed: 'extension_options_used',
  nextExtensionDecisionBy: 'next_extension_decision_by',
};

/** A refused action as a problem: the field for a 400, and the version the refusal saw. */
function actionRefusal(problem: AgreementActionProblem, agreement: Agreement): AppException {
  const extensions = { currentStatus: agreement.status, currentVersion: agreement.version };
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

const COLUMNS = [
  'supplier_id',
  'agreement_number',
  'case_number',
  'procurement_route',
  'framework_name',
  'call_off_reference',
  'signed_on',
  'starts_on',
  'ends_on',
  'extension_options',
  'extension_months',
  'extension_options_used',
  'next_extension_decision_by',
  'notice_period_months',
  'internal_lead_days',
  'renews_automatically',
  'annual_cost',
  'cost_model',
  'owner_id',
  'scope_school_forms',
  'dpa_signed',
  'dpa_signed_on',
  'sub_processors',
  'documents',
  'follows_id',
  'terminated_on',
];

function columnValues(terms: Terms): unknown[] {
  return [
    terms.supplierId,
    terms.agreementNumber,
    terms.caseNumber,
    terms.procurementRoute,
    terms.frameworkName ?? null,
    terms.callOffReference ?? null,
    terms.signedOn ?? null,
    terms.startsOn,
    terms.endsOn,
    terms.extensionOptions,
    terms.extensionMonths,
    terms.extensionOptionsUsed,
    terms.nextExtensionDecisionBy ?? null,
    terms.noticePeriodMonths,
    terms.internalLeadDays,
    terms.renewsAutomatically,
    terms.annualCost,
    terms.costModel,
    terms.ownerId ?? null,
    terms.scopeSchoolForms,
    terms.dataProcessingAgreement.signed,
    terms.dataProcessingAgreement.signedOn ?? null,
    terms.dataProcessingAgreement.subProcessors,
    JSON.stringify(terms.documents),
    terms.followsId ?? null,
    terms.terminatedOn ?? null,
  ];
}
