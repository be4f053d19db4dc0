import {
  type IsoDate,
  OPEN_REQUEST_STATES,
  type RequestSort,
  type RequestState,
  addDays,
} from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { parseSort } from '../common/list-params';
import { SqlConditions, type SqlStatement, paged } from '../common/sql-builder';
import type { RequestListQueryDto } from './dto/request-list-query.dto';
import { ownOrJoined, unitIdsOf, visibleTo } from './request-access';
import {
  OPEN_BY_TOOL,
  OPEN_STATES_SQL,
  REQUEST_FROM,
  SELECT_REQUEST,
  SUMMARY_COLUMNS,
  demandCountOf,
  selectDetail,
} from './request-rows';

const ORDER_BY: Record<RequestSort, string> = {
  number: 'r.number',
  submittedAt: 'r.submitted_at',
  createdAt: 'r.created_at',
  state: 'r.state',
  unitName: 'u.name',
  toolName: 'coalesce(d.name, r.new_tool_name)',
  demandCount: 'demand_count',
};

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
 * The list's WHERE (on `r`, with what the viewer may see) and ORDER BY, and the same order on a
 * chosen page's columns (null when sorted by demand, which needs every row's count first).
 */
function requestListSql(
  viewer: Viewer,
  filters: RequestListFilters,
  today: IsoDate,
): { conditions: SqlConditions; orderBy: string; pageOrderBy: string | null } {
  const sort = parseSort<RequestSort>(filters.sort, {
    column: 'createdAt',
    direction: 'desc',
  });
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
  const onPage = sort.column === 'demandCount' ? null : PAGE_ORDER_BY[sort.column];
  return {
    conditions,
    orderBy: `${ORDER_BY[sort.column]} ${direction} NULLS LAST, r.id ${direction}`,
    pageOrderBy: onPage && `${onPage} ${direction} NULLS LAST, p.id ${direction}`,
  };
}

/** A request list as SQL: see requestRowsSql. */
export interface RequestListSql {
  /** Every row in the list's order: what the export reads through a cursor. */
  rows: SqlStatement;
  /** How many rows there are. */
  count: SqlStatement;
  /** One page of the rows. */
  page(page: { offset: number; limit: number }): SqlStatement;
}

/**
 * Every row of the list in its order, a page of them, and their count, as SQL with parameters.
 *
 * A row's demand count (the open requests for its tool) is what made a deep page costly: it was
 * computed for every row before the offset too. Now a page in any order but by demand is chosen
 * first, and only its own rows (at most MAX_PAGE_SIZE) get a count; the whole list (the export),
 * a list sorted by demand and the `minDemand` filter count the open requests once per tool
 * (OPEN_BY_TOOL) instead of once per row.
 */
export function requestRowsSql(
  viewer: Viewer,
  filters: RequestListFilters,
  today: IsoDate,
): RequestListSql {
  const { conditions, orderBy, pageOrderBy } = requestListSql(viewer, filters, today);
  const where = conditions.where;
  const count: SqlStatement = [
    `SELECT count(*)::int AS total FROM request r ${where}`,
    [...conditions.parameters],
  ];
  const columns = SUMMARY_COLUMNS.replaceAll('$today', conditions.param(today));
  const parameters = conditions.parameters;
  const rows: SqlStatement = [
    `SELECT ${columns}, coalesce(dc.open_count, 0) AS demand_count ${REQUEST_FROM}
       LEFT JOIN (${OPEN_BY_TOOL}) dc ON dc.tool_key = r.tool_key
     ${where} ORDER BY ${orderBy}`,
    parameters,
  ];
  const page = (paging: { offset: number; limit: number }): SqlStatement => {
    if (pageOrderBy === null) return paged(rows, paging);
    const limit = `$${parameters.length + 1}`;
    const offset = `$${parameters.length + 2}`;
    return [
      `SELECT p.*, ${demandCountOf('p')} AS demand_count
         FROM (SELECT r.tool_key, ${columns} ${REQUEST_FROM}
               ${where} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}) p
        ORDER BY ${pageOrderBy}`,
      [...parameters, paging.limit, paging.offset],
    ];
  };
  return { rows, count, page };
}

/**
 * One request in full as the viewer may see it (no row when they may not), as SQL; locked for
 * a change when `forUpdate`: a concurrent change then waits and reads the committed row.
 */
export function requestDetailSql(
  viewer: Viewer,
  id: string,
  today: IsoDate,
  forUpdate = false,
): SqlStatement {
  const conditions = new SqlConditions();
  const todayParam = conditions.param(today);
  conditions.add(`r.id = ${conditions.param(id)}`).add(visibleTo(viewer, conditions));
  const where = `${conditions.where}${forUpdate ? ' FOR UPDATE OF r' : ''}`;
  return [
    selectDetail(SELECT_REQUEST.replaceAll('$today', todayParam), where),
    conditions.parameters,
  ];
}
