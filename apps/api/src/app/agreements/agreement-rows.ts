import {
  type Agreement,
  type AgreementSortColumn,
  type ContractStatus,
  type ContractTerms,
  EXPIRING_WITHIN_DAYS,
  type IsoDate,
  type Role,
  availableAgreementActions,
  contractStatus,
  daysBetween,
  lastDayToGiveNotice,
  nextDeadline,
} from '@licensregistret/domain';

import {
  type KeysetOrder,
  type SortKey,
  afterCondition,
  cursorOf,
  keyTextOf,
  orderByOf,
  sortKindsOf,
} from '../common/keyset';
import { parseSort } from '../common/list-params';
import { SqlConditions, type SqlStatement } from '../common/sql-builder';
import type { AgreementListQueryDto } from './dto/agreement.dto';
import { LICENCE_COVERS_UNIT } from './licence-coverage';

const HAS_FOLLOW_UP = `EXISTS (SELECT 1 FROM agreement f WHERE f.follows_id = a.id)`;

/** The SQL twin of contractStatus for row `a`, on the day in the given parameter. */
export function statusSql(todayParam: string): string {
  return `agreement_status(a.signed_on, a.terminated_on, a.ends_on, a.renews_automatically,
            a.next_deadline_kind, a.next_deadline, a.action_from, ${HAS_FOLLOW_UP}, ${todayParam})`;
}

/**
 * For each status, a condition the planner can answer from an index, true of every agreement
 * with that status (the exact status is then checked by agreement_status).
 */
export function statusPrefilter(status: ContractStatus, today: string): string {
  switch (status) {
    case 'DRAFT':
      return `a.signed_on IS NULL`;
    case 'TERMINATED':
      return `a.terminated_on IS NOT NULL`;
    case 'EXPIRED':
      return `a.ends_on < ${today}`;
    case 'NOTICE_WINDOW_PASSED':
      return `a.next_deadline < ${today}`;
    case 'ACTION_NEEDED':
      return `a.action_from <= ${today}`;
    case 'EXPIRING':
      return `a.ends_on <= ${today} + ${EXPIRING_WITHIN_DAYS}`;
    case 'ACTIVE':
      return `a.ends_on >= ${today}`;
  }
}

/**
 * An agreement with its supplier's and owner's names and its services, and `extra` columns:
 * `WHERE` on `a`, `s` follows.
 */
const selectAgreement = (extra?: string) => `
  SELECT a.*,${extra ? ` ${extra},` : ''} s.name AS supplier_name, s.organisation_number AS supplier_organisation_number,
         o.display_name AS owner_name,
         (SELECT f.id FROM agreement f WHERE f.follows_id = a.id ORDER BY f.starts_on DESC LIMIT 1)
           AS followed_by_id,
         coalesce((SELECT json_agg(x ORDER BY x.name) FROM (
                     SELECT DISTINCT d.id, d.name FROM licence l JOIN digital_service d ON d.id = l.service_id
                      WHERE l.agreement_id = a.id) x), '[]') AS services
    FROM agreement a
    JOIN supplier s ON s.id = a.supplier_id
    LEFT JOIN account o ON o.id = a.owner_id`;

export const SELECT_AGREEMENT = selectAgreement();

export interface AgreementRow {
  id: string;
  supplier_id: string;
  supplier_name: string;
  supplier_organisation_number: string;
  agreement_number: string;
  case_number: string;
  procurement_route: Agreement['procurementRoute'];
  framework_name: string | null;
  call_off_reference: string | null;
  signed_on: IsoDate | null;
  starts_on: IsoDate;
  ends_on: IsoDate;
  extension_options: number;
  extension_months: number;
  extension_options_used: number;
  next_extension_decision_by: IsoDate | null;
  notice_period_months: number;
  internal_lead_days: number;
  renews_automatically: boolean;
  annual_cost: string;
  cost_model: Agreement['costModel'];
  owner_id: string | null;
  owner_name: string | null;
  scope_school_forms: Agreement['scopeSchoolForms'];
  dpa_signed: boolean;
  dpa_signed_on: IsoDate | null;
  sub_processors: string[];
  documents: Agreement['documents'];
  follows_id: string | null;
  followed_by_id: string | null;
  terminated_on: IsoDate | null;
  services: Agreement['services'];
  version: number;
}

function termsOf(
  agreement: Omit<ContractTerms, 'hasFollowUp'> & { followedById: string | null },
): ContractTerms {
  return { ...agreement, hasFollowUp: agreement.followedById !== null };
}

/** The agreement as the API answers; `roles` are the caller's, for the actions they may take. */
export function toAgreement(
  row: AgreementRow,
  today: IsoDate,
  roles: readonly Role[] = [],
): Agreement {
  const base = {
    id: row.id,
    supplierId: row.supplier_id,
    supplierName: row.supplier_name,
    agreementNumber: row.agreement_number,
    caseNumber: row.case_number,
    procurementRoute: row.procurement_route,
    frameworkName: row.framework_name,
    callOffReference: row.call_off_reference,
    signedOn: row.signed_on,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    extensionOptions: row.extension_options,
    extensionMonths: row.extension_months,
    extensionOptionsUsed: row.extension_options_used,
    nextExtensionDecisionBy: row.next_extension_decision_by,
    noticePeriodMonths: row.notice_period_months,
    internalLeadDays: row.internal_lead_days,
    renewsAutomatically: row.renews_automatically,
    annualCost: Number(row.annual_cost),
    costModel: row.cost_model,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    scopeSchoolForms: row.scope_school_forms,
    dataProcessingAgreement: {
      signed: row.dpa_signed,
      signedOn: row.dpa_signed_on,
      subProcessors: row.sub_processors,
    },
    documents: row.documents,
    followsId: row.follows_id,
    followedById: row.followed_by_id,
    terminatedOn: row.terminated_on,
    services: row.services,
    version: row.version,
  };
  const terms = termsOf(base);
  return {
    ...base,
    status: contractStatus(terms, today),
    lastDayToGiveNotice: lastDayToGiveNotice(terms),
    nextDeadline: nextDeadline(terms),
    daysLeft: daysBetween(today, row.ends_on),
    extensionOptionsLeft: row.extension_options - row.extension_options_used,
    availableActions: availableAgreementActions(base, roles, today),
  };
}

/**
 * Each sort's expression and kind; NULLs come where PostgreSQL puts them by default (last going
 * up, first going down), as the indexes (sort, id) read forwards and backwards have them.
 */
const SORTS: Record<AgreementSortColumn, SortKey> = {
  endsOn: { expression: 'a.ends_on', kind: 'date', nullable: false },
  lastDayToGiveNotice: { expression: 'a.last_day_to_give_notice', kind: 'date', nullable: true },
  nextDeadline: { expression: 'a.next_deadline', kind: 'date', nullable: true },
  annualCost: { expression: 'a.annual_cost', kind: 'numeric', nullable: false },
  supplierName: { expression: 's.name', kind: 'text', nullable: false },
  agreementNumber: { expression: 'a.agreement_number', kind: 'text', nullable: false },
};

/** The kind of each sort's value, for the cursor's check. */
export const AGREEMENT_SORT_KINDS = sortKindsOf(SORTS);

export const DEFAULT_AGREEMENT_LIST_SORT = 'endsOn:asc';

/** The list's WHERE (on `a` and `s`) and order. */
function agreementListSql(
  query: AgreementListQueryDto,
  today: IsoDate,
): { sql: SqlConditions; sort: string; order: KeysetOrder } {
  const sortText = query.sort || DEFAULT_AGREEMENT_LIST_SORT;
  const sort = parseSort<AgreementSortColumn>(sortText, { column: 'endsOn', direction: 'asc' });
  const sql = new SqlConditions();
  if (query.status) {
    const todayParam = `${sql.param(today)}::date`;
    const statuses = [...new Set(query.status.split(','))] as ContractStatus[];
    sql.add(`(${statuses.map((status) => statusPrefilter(status, todayParam)).join(' OR ')})`);
    sql.add(`${statusSql(todayParam)} = ANY(${sql.param(statuses)}::text[])`);
  }
  if (query.supplierId) sql.add(`a.supplier_id = ${sql.param(query.supplierId)}`);
  if (query.endsFrom) sql.add(`a.ends_on >= ${sql.param(query.endsFrom)}::date`);
  if (query.endsTo) sql.add(`a.ends_on <= ${sql.param(query.endsTo)}::date`);
  if (query.noticeFrom) {
    sql.add(`a.last_day_to_give_notice >= ${sql.param(query.noticeFrom)}::date`);
  }
  if (query.noticeTo) sql.add(`a.last_day_to_give_notice <= ${sql.param(query.noticeTo)}::date`);
  if (query.minCost !== undefined) sql.add(`a.annual_cost >= ${sql.param(query.minCost)}`);
  if (query.maxCost !== undefined) sql.add(`a.annual_cost <= ${sql.param(query.maxCost)}`);
  if (query.schoolForm) {
    const form = sql.param(query.schoolForm);
    sql.add(`EXISTS (SELECT 1 FROM licence l WHERE l.agreement_id = a.id AND (
               l.scope = 'MUNICIPALITY' OR l.school_forms @> ARRAY[${form}::text]
               OR (l.scope = 'UNITS' AND EXISTS (SELECT 1 FROM licence_unit lu JOIN school_unit u ON u.id = lu.school_unit_id
                                                  WHERE lu.licence_id = l.id AND u.school_forms @> ARRAY[${form}::text]))))`);
  }
  if (query.unitId) {
    sql.add(`EXISTS (SELECT 1 FROM licence l JOIN school_unit u ON u.id = ${sql.param(query.unitId)}::uuid
                      WHERE l.agreement_id = a.id AND ${LICENCE_COVERS_UNIT})`);
  }
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const { expression, kind, nullable } = SORTS[sort.column];
  return {
    sql,
    sort: sortText,
    order: {
      expression,
      kind,
      direction,
      nulls: direction === 'ASC' ? 'LAST' : 'FIRST',
      nullable,
      id: 'a.id',
    },
  };
}

/** The agreement list as SQL: see agreementRowsSql. */
export interface AgreementListSql {
  /** Every row in the list's order: what the export reads through a cursor. */
  rows: SqlStatement;
  /** How many rows there are. */
  count: SqlStatement;
  /**
   * One page of the rows: `offset` rows skipped, after the row of `after` when given. Each row
   * also carries its sort value as text (`sort_key`), for the page's nextCursor.
   */
  page(page: { offset: number; limit: number }, after?: string): SqlStatement;
  /** The sort as the cursor names it (`endsOn:asc` when none was asked for). */
  sort: string;
}

/**
 * Every agreement of the list's filters in its order (the export reads them through a cursor),
 * a page of them, and the count of them, as SQL with parameters: one place for the grid, the
 * export and the benchmark's baseline.
 */
export function agreementRowsSql(query: AgreementListQueryDto, today: IsoDate): AgreementListSql {
  const { sql, sort, order } = agreementListSql(query, today);
  const orderBy = orderByOf(order);
  const where = sql.where;
  const page = (paging: { offset: number; limit: number }, afterText?: string): SqlStatement => {
    const after = afterText === undefined ? null : cursorOf(afterText, sort, AGREEMENT_SORT_KINDS);
    const parameters = [...sql.parameters];
    const param = (value: unknown) => `$${parameters.push(value)}`;
    const pageWhere = after
      ? `${where ? `${where} AND` : 'WHERE'} ${afterCondition(order, after, param)}`
      : where;
    return [
      `${selectAgreement(`${keyTextOf(order)} AS sort_key`)} ${pageWhere} ORDER BY ${orderBy}
        LIMIT ${param(paging.limit)} OFFSET ${param(paging.offset)}`,
      parameters,
    ];
  };
  return {
    rows: [`${SELECT_AGREEMENT} ${where} ORDER BY ${orderBy}`, sql.parameters],
    count: [
      `SELECT count(*)::int AS total FROM agreement a JOIN supplier s ON s.id = a.supplier_id ${where}`,
      sql.parameters,
    ],
    page,
    sort,
  };
}
