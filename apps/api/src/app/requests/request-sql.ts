import {
  type IsoDate,
  OPEN_REQUEST_STATES,
  type RequestSort,
  type RequestState,
  addDays,
} from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { parseSort } from '../common/list-params';
import { SqlConditions, type SqlStatement } from '../common/sql-builder';
import type { RequestListQueryDto } from './dto/request-list-query.dto';
import { unitIdsOf, visibleTo } from './request-access';
import {
  DEMAND_COUNT,
  OPEN_STATES_SQL,
  SELECT_REQUEST,
  SELECT_REQUEST_SUMMARY,
  selectDetail,
} from './request-rows';

const ORDER_BY: Record<RequestSort, string> = {
  number: 'r.number',
  submittedAt: 'r.submitted_at',
  createdAt: 'r.created_at',
  state: 'r.state',
  unitName: 'u.name',
  toolName: 'tool_name',
  demandCount: 'demand_count',
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

/** The list's WHERE (on `r`, with what the viewer may see) and ORDER BY. */
function requestListSql(
  viewer: Viewer,
  filters: RequestListFilters,
  today: IsoDate,
): { conditions: SqlConditions; orderBy: string } {
  const sort = parseSort<RequestSort>(filters.sort, {
    column: 'createdAt',
    direction: 'desc',
  });
  const conditions = new SqlConditions();
  conditions.add(visibleTo(viewer, conditions));
  if (filters.mine) {
    conditions.add(`r.unit_id = ANY (${conditions.param(unitIdsOf(viewer))}::uuid[])`);
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
    conditions.add(`${DEMAND_COUNT} >= ${conditions.param(filters.minDemand)}`);
  }
  const direction = sort.direction === 'desc' ? 'DESC' : 'ASC';
  return {
    conditions,
    orderBy: `${ORDER_BY[sort.column]} ${direction} NULLS LAST, r.id ${direction}`,
  };
}

/**
 * Every row of the list in its order (the export reads them through a cursor; `paged` makes a
 * page of it) and the count of them, as SQL with parameters.
 */
export function requestRowsSql(
  viewer: Viewer,
  filters: RequestListFilters,
  today: IsoDate,
): { rows: SqlStatement; count: SqlStatement } {
  const { conditions, orderBy } = requestListSql(viewer, filters, today);
  const where = conditions.where;
  const count: SqlStatement = [
    `SELECT count(*)::int AS total FROM request r ${where}`,
    [...conditions.parameters],
  ];
  const select = SELECT_REQUEST_SUMMARY.replaceAll('$today', conditions.param(today));
  return { rows: [`${select} ${where} ORDER BY ${orderBy}`, conditions.parameters], count };
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
