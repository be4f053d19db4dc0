import {
  type IsoDate,
  OPEN_REQUEST_STATES,
  type RequestSort,
  type RequestState,
  addDays,
} from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
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
import type { RequestListQueryDto } from './dto/request-list-query.dto';
import { ownOrJoined, unitIdsOf, visibleTo } from './request-access';
import {
  OPEN_BY_TOOL,
  OPEN_STATES_SQL,
  REQUEST_FROM,
  SELECT_REQUEST,
  SUMMARY_COLUMNS,
  demandCountOf,
  requestHistoryOf,
  selectDetail,
} from './request-rows';

/** Each sort's expression and kind; `nullable` where the column may be NULL (see requestOrder). */
const SORTS: Record<RequestSort, SortKey> = {
  number: { expression: 'r.number', kind: 'int', nullable: false },
  submittedAt: { expression: 'r.submitted_at', kind: 'timestamp', nullable: true },
  createdAt: { expression: 'r.created_at', kind: 'timestamp', nullable: false },
  state: { expression: 'r.state', kind: 'text', nullable: false },
  unitName: { expression: 'u.name', kind: 'text', nullable: false },
  toolName: { expression: 'coalesce(d.name, r.new_tool_name)', kind: 'text', nullable: true },
  demandCount: { expression: 'coalesce(dc.open_count, 0)', kind: 'int', nullable: false },
};

/** The kind of each sort's value, for the cursor's check. */
export const REQUEST_SORT_KINDS = sortKindsOf(SORTS);

export const DEFAULT_REQUEST_LIST_SORT = 'createdAt:desc';

/** The same orders on the columns of a page already chosen (`p`); by demand there is none. */
const PAGE_ORDER_BY: Record<Exclude<RequestSort, 'demandCount'>, string> = {
  number: 'p.number',
  submittedAt: 'p.submitted_at',
  createdAt: 'p.created_at',
  state: 'p.state',
  unitName: 'p.unit_name',
  toolName: 'p.tool_name',
};

/** The open states as a constant, matching the predicate of the open-requests index. */
const ONLY_OPEN = `r.state = ANY (${OPEN_STATES_SQL})`;

/** The request list's filters, as the query string gives them once validated. */
export interface RequestListFilters {
  mine?: boolean;
  states: readonly RequestState[] | null;
  unitId?: string;
  serviceId?: string;
  minAgeDays?: number;
  minDemand?: number;
  sort?: string;
}

/** Who is looking: what they may see depends on their roles and units. */
export type Viewer = Pick<Actor, 'roles' | 'schoolUnits'>;

export function filtersOf(query: RequestListQueryDto): RequestListFilters {
  const states = query.state as unknown as RequestState[] | undefined;
  return { ...query, states: states && states.length > 0 ? states : null };
}

/**
 * The list's WHERE (on `r`, with what the viewer may see), its order, and the same order on a
 * chosen page's columns (null when sorted by demand, which needs every row's count first).
 */
function requestListSql(
  viewer: Viewer,
  filters: RequestListFilters,
  today: IsoDate,
): { conditions: SqlConditions; sort: string; order: KeysetOrder; pageOrderBy: string | null } {
  const sortText = filters.sort || DEFAULT_REQUEST_LIST_SORT;
  const sort = parseSort<RequestSort>(sortText, { column: 'createdAt', direction: 'desc' });
  const conditions = new SqlConditions();
  conditions.add(visibleTo(viewer, conditions));
  if (filters.mine) {
    conditions.add(ownOrJoined(conditions.param(unitIdsOf(viewer))));
  }
  const states = filters.states;
  if (states) {
    // Open states are also said as a constant, which a prepared statement's generic plan can
    // match with the index of open requests (a parameter it cannot); all of them (the queue's
    // default) as the constant alone, which lets a count read nothing but that index.
    const allOpen = OPEN_REQUEST_STATES.every((state) => states.includes(state));
    const onlyOpen = states.every((state) => OPEN_REQUEST_STATES.includes(state));
    if (!(allOpen && onlyOpen)) {
      conditions.add(`r.state = ANY (${conditions.param(states)}::text[])`);
    }
    if (onlyOpen) conditions.add(ONLY_OPEN);
  }
  if (filters.unitId) conditions.add(`r.unit_id = ${conditions.param(filters.unitId)}`);
  if (filters.serviceId) conditions.add(`r.service_id = ${conditions.param(filters.serviceId)}`);
  if (filters.minAgeDays !== undefined) {
    const submittedBy = conditions.param(addDays(today, -filters.minAgeDays));
    conditions.add(`(r.submitted_at AT TIME ZONE 'Europe/Stockholm')::date <= ${submittedBy}`);
  }
  if (filters.minDemand !== undefined) {
    // The tools asked for often enough, counted once per tool rather than once per row.
    conditions.add(
      `r.tool_key IN (SELECT o.tool_key FROM request o WHERE o.state = ANY (${OPEN_STATES_SQL})
         GROUP BY o.tool_key HAVING count(*) >= ${conditions.param(filters.minDemand)})`,
    );
  }
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const { expression, kind, nullable } = SORTS[sort.column];
  // Only drafts lack a submission time (a CHECK says so): without them the keyset condition
  // needs no "or NULL", and the index of open requests by submission answers it as a range.
  const submitted = states !== null && !states.includes('DRAFT');
  const onPage = sort.column === 'demandCount' ? null : PAGE_ORDER_BY[sort.column];
  return {
    conditions,
    sort: sortText,
    order: {
      expression,
      kind,
      direction,
      nulls: 'LAST',
      nullable: nullable && !(sort.column === 'submittedAt' && submitted),
      id: 'r.id',
    },
    pageOrderBy: onPage && `${onPage} ${direction} NULLS LAST, p.id ${direction}`,
  };
}

/** A request list as SQL: see requestRowsSql. */
export interface RequestListSql {
  /** Every row in the list's order: what the export reads through a cursor. */
  rows: SqlStatement;
  /** How many rows there are. */
  count: SqlStatement;
  /**
   * One page of the rows: `offset` rows skipped, after the row of `after` when given. Each row
   * also carries its sort value as text (`sort_key`), for the page's nextCursor.
   */
  page(page: { offset: number; limit: number }, after?: string): SqlStatement;
  /** The sort as the cursor names it (`createdAt:desc` when none was asked for). */
  sort: string;
}

/**
 * Every row of the list in its order, a page of them, and their count, as SQL with parameters.
 *
 * A row's demand count (the open requests for its tool) is what made a deep page costly: it was
 * computed for every row before the offset too. Now a page in any order but by demand is chosen
 * first, and only its own rows (at most MAX_PAGE_SIZE) get a count; the whole list (the export),
 * a list sorted by demand and the `minDemand` filter count the open requests once per tool
 * (OPEN_BY_TOOL) instead of once per row. A page after a cursor (keyset.ts) starts at its row
 * instead of reading and throwing away every row before it.
 */
export function requestRowsSql(
  viewer: Viewer,
  filters: RequestListFilters,
  today: IsoDate,
): RequestListSql {
  const { conditions, sort, order, pageOrderBy } = requestListSql(viewer, filters, today);
  const where = conditions.where;
  const count: SqlStatement = [
    `SELECT count(*)::int AS total FROM request r ${where}`,
    [...conditions.parameters],
  ];
  const columns = SUMMARY_COLUMNS.replaceAll('$today', conditions.param(today));
  const parameters = conditions.parameters;
  const orderBy = orderByOf(order);
  const byDemand = `${REQUEST_FROM}
       LEFT JOIN (${OPEN_BY_TOOL}) dc ON dc.tool_key = r.tool_key`;
  const rows: SqlStatement = [
    `SELECT ${columns}, coalesce(dc.open_count, 0) AS demand_count ${byDemand}
     ${where} ORDER BY ${orderBy}`,
    parameters,
  ];
  const page = (paging: { offset: number; limit: number }, afterText?: string): SqlStatement => {
    const after = afterText === undefined ? null : cursorOf(afterText, sort, REQUEST_SORT_KINDS);
    const pageParameters = [...parameters];
    const param = (value: unknown) => `$${pageParameters.push(value)}`;
    const pageWhere = after
      ? `${where ? `${where} AND` : 'WHERE'} ${afterCondition(order, after, param)}`
      : where;
    const limit = param(paging.limit);
    const offset = param(paging.offset);
    const key = `${keyTextOf(order)} AS sort_key`;
    if (pageOrderBy === null) {
      return [
        `SELECT ${columns}, coalesce(dc.open_count, 0) AS demand_count, ${key} ${byDemand}
         ${pageWhere} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`,
        pageParameters,
      ];
    }
    return [
      `SELECT p.*, ${demandCountOf('p')} AS demand_count
         FROM (SELECT r.tool_key, ${columns}, ${key} ${REQUEST_FROM}
               ${pageWhere} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}) p
        ORDER BY ${pageOrderBy}`,
      pageParameters,
    ];
  };
  return { rows, count, page, sort };
}

/**
 * One request in full as the viewer may see it (no row when they may not), as SQL; locked for
 * a change when `forUpdate`: a concurrent change then waits and reads the committed row.
 * `columns` (on the row `q`) are selected besides.
 */
export function requestDetailSql(
  viewer: Viewer,
  id: string,
  today: IsoDate,
  forUpdate = false,
  columns = '',
): SqlStatement {
  const conditions = new SqlConditions();
  const todayParam = conditions.param(today);
  conditions.add(`r.id = ${conditions.param(id)}`).add(visibleTo(viewer, conditions));
  const where = `${conditions.where}${forUpdate ? ' FOR UPDATE OF r' : ''}`;
  return [
    selectDetail(SELECT_REQUEST.replaceAll('$today', todayParam), where, columns),
    conditions.parameters,
  ];
}

/**
 * A request's history as the viewer may see it, in one statement: no row when they may not see
 * the request, one row with a null `id` when it has no history yet, else its events in order.
 */
export function requestHistorySql(viewer: Viewer, id: string): SqlStatement {
  const conditions = new SqlConditions();
  conditions.add(`r.id = ${conditions.param(id)}`).add(visibleTo(viewer, conditions));
  return [
    `SELECT h.* FROM (SELECT r.id, r.service_id, r.created_at FROM request r ${conditions.where}) q
       LEFT JOIN LATERAL (${requestHistoryOf('q.id', 'q.service_id', 'q.created_at')}) h ON true
      ORDER BY h.seq`,
    conditions.parameters,
  ];
}
