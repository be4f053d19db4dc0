import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import {
  type Agreement,
  type CostSplit,
  type Page,
  lastDayToGiveNotice,
  splitAnnualCost,
} from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { ClockService } from '../common/clock.service';
import { rethrowConstraintViolation } from '../common/database-errors';
import { EventLogService, changedFields } from '../common/event-log.service';
import { cursorPages } from '../common/export/sql-cursor';
import { pageOf, totalUnlessKnown } from '../common/list-params';
import { definedOnly } from '../common/patch';
import { paged } from '../common/sql-builder';
import {
  type AgreementRow,
  SELECT_AGREEMENT,
  agreementRowsSql,
  toAgreement,
} from './agreement-rows';
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

  async list(query: AgreementListQueryDto): Promise<Page<Agreement>> {
    const today = this.clock.today();
    const sql = agreementRowsSql(query, today);
    const [rows, total] = await Promise.all([
      this.dataSource.query(...paged(sql.rows, pageOf(query))) as Promise<AgreementRow[]>,
      totalUnlessKnown(query, () => this.dataSource.query(...sql.count)),
    ]);
    return { rows: rows.map((row) => toAgreement(row, today)), total };
  }

  /** Every agreement of the list's filters, in its order, a page at a time (paging ignored). */
  async *exportPages(query: AgreementListQueryDto): AsyncGenerator<Agreement[]> {
    const today = this.clock.today();
    const [text, parameters] = agreementRowsSql(query, today).rows;
    for await (const rows of cursorPages<AgreementRow>(this.dataSource, text, parameters)) {
      yield rows.map((row) => toAgreement(row, today));
    }
  }

  async get(id: string): Promise<Agreement> {
    return this.read(this.dataSource.manager, id);
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
      const agreement = await this.read(manager, id);
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
      const before = await this.read(manager, id, true);
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
      const after = await this.read(manager, id);
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

  private async read(manager: EntityManager, id: string, forUpdate = false): Promise<Agreement> {
    const [row] = (await manager.query(
      `${SELECT_AGREEMENT} WHERE a.id = $1 ${forUpdate ? 'FOR UPDATE OF a' : ''}`,
      [id],
    )) as AgreementRow[];
    if (!row) throw AppException.notFound('The agreement');
    return toAgreement(row, this.clock.today());
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
