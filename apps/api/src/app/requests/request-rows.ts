import {
  type DecisionOutcome,
  type DecisionReason,
  type IsoDate,
  OPEN_REQUEST_STATES,
  type PersonalDataKind,
  type RequestContent,
  type RequestEvent,
  type RequestEventRowKind,
  type RequestProposal,
  type RequestState,
  type RequestSummary,
  SERVICE_REVIEW_EVENT_KINDS,
  type SchoolForm,
  type ServiceReviewEventKind,
  requestEventKindOf,
} from '@licensregistret/domain';

import { type Instant, isoInstant } from '../../database/instant';

/**
 * The domain's open states as a SQL array constant (not a parameter), which a prepared
 * statement's generic plan can match with the partial indexes on open requests.
 */
export const OPEN_STATES_SQL = `'{${OPEN_REQUEST_STATES.join(',')}}'::text[]`;

/**
 * The demand count of the request `alias` (the open requests for its tool), from the partial
 * index on open requests by tool. One index probe per row it is computed for: a list computes it
 * only for the rows of its page, once the page is chosen (request-sql.ts).
 */
export const demandCountOf = (alias: string) => `(SELECT count(*) FROM request o
   WHERE o.tool_key = ${alias}.tool_key AND o.state = ANY (${OPEN_STATES_SQL}))::int`;

/**
 * The open requests of each tool, counted once for a whole list: `open_count` by `tool_key`
 * (an index-only scan of the open-requests index by tool), joined to the list by tool.
 */
export const OPEN_BY_TOOL = `SELECT o.tool_key, count(*)::int AS open_count FROM request o
   WHERE o.state = ANY (${OPEN_STATES_SQL}) GROUP BY o.tool_key`;

/**
 * What a request's list row derives besides its own columns and its demand count. `$today` is
 * replaced by a parameter.
 */
const LISTED = `u.name AS unit_name, ra.display_name AS requester_name,
         coalesce(d.name, r.new_tool_name) AS tool_name,
         CASE WHEN r.submitted_at IS NULL THEN NULL
              ELSE (($today::date) - (r.submitted_at AT TIME ZONE 'Europe/Stockholm')::date) END AS age_days`;

/** A request (`r`, from the table or a CTE's rows `source`) and the rows its list row reads besides. */
const requestFrom = (source: string) => `
    FROM ${source} r
    JOIN school_unit u ON u.id = r.unit_id
    JOIN account ra ON ra.id = r.requester_id
    LEFT JOIN digital_service d ON d.id = r.service_id`;

export const REQUEST_FROM = requestFrom('request');

/** A request in full, with what its grid row shows. */
export const SELECT_REQUEST = `
  SELECT r.*, ${LISTED}, ${demandCountOf('r')} AS demand_count ${REQUEST_FROM}`;

/**
 * SELECT_REQUEST on the rows an UPDATE of the same statement returns (`source`, a CTE). The
 * statement's other parts see the table as it was before it, so the demand count leaves the
 * request's own old row out and counts its new state instead.
 */
export const selectChangedRequest = (source: string) => `
  SELECT r.*, ${LISTED}, ((SELECT count(*) FROM request o
     WHERE o.tool_key = r.tool_key AND o.state = ANY (${OPEN_STATES_SQL}) AND o.id <> r.id)
     + (r.state = ANY (${OPEN_STATES_SQL}))::int)::int AS demand_count ${requestFrom(source)}`;

/**
 * The columns the grid and the export show (those toSummary reads) but the demand count, which
 * a list adds once it knows its rows (request-sql.ts). From `REQUEST_FROM`; `$today` is replaced
 * by a parameter.
 */
export const SUMMARY_COLUMNS = `r.id, r.number, r.state, r.unit_id, r.service_id, r.school_forms,
         r.pupil_count, r.created_at, r.submitted_at, r.decision_outcome, r.decision_reasons,
         r.version, ${LISTED}`;

export interface RequestRow {
  id: string;
  number: number;
  unit_id: string;
  unit_name: string;
  requester_id: string;
  requester_name: string;
  service_id: string | null;
  tool_name: string;
  new_tool_name: string | null;
  new_tool_supplier: string | null;
  new_tool_web_address: string | null;
  need: string;
  subjects: string[];
  target_group: string;
  school_forms: SchoolForm[];
  pupil_count: number;
  staff_count: number;
  personal_data: PersonalDataKind;
  personal_data_description: string;
  wanted_from: IsoDate | null;
  state: RequestState;
  state_before_info: RequestState | null;
  open_question: string | null;
  endorsed_by: string | null;
  endorsed_at: Instant | null;
  declined_by: string | null;
  declined_at: Instant | null;
  decline_text: string | null;
  covered_by_licence_id: string | null;
  covered_text: string | null;
  implemented_by_licence_id: string | null;
  proposal: RequestProposal | null;
  decision_outcome: DecisionOutcome | null;
  decision_reasons: DecisionReason[];
  decision_text: string | null;
  decision_conditions: string | null;
  decision_public_conditions: string | null;
  what_changed: string | null;
  decided_by: string | null;
  decided_at: Instant | null;
  version: number;
  created_at: Instant;
  submitted_at: Instant | null;
  age_days: number | null;
  demand_count: number;
}

export type RequestSummaryRow = Pick<
  RequestRow,
  | 'id'
  | 'number'
  | 'state'
  | 'unit_id'
  | 'unit_name'
  | 'requester_name'
  | 'service_id'
  | 'tool_name'
  | 'school_forms'
  | 'pupil_count'
  | 'created_at'
  | 'submitted_at'
  | 'age_days'
  | 'demand_count'
  | 'decision_outcome'
  | 'decision_reasons'
  | 'version'
>;

export const toSummary = (row: RequestSummaryRow): RequestSummary => ({
  id: row.id,
  number: row.number,
  state: row.state,
  unitId: row.unit_id,
  unitName: row.unit_name,
  requesterName: row.requester_name,
  serviceId: row.service_id,
  toolName: row.tool_name,
  schoolForms: row.school_forms,
  pupilCount: row.pupil_count,
  createdAt: isoInstant(row.created_at),
  submittedAt: row.submitted_at === null ? null : isoInstant(row.submitted_at),
  ageDays: row.age_days,
  demandCount: row.state === 'DRAFT' ? 0 : row.demand_count,
  decisionOutcome: row.decision_outcome,
  decisionReasons: row.decision_reasons,
  version: row.version,
});

export const toContent = (row: RequestRow): RequestContent => ({
  unitId: row.unit_id,
  serviceId: row.service_id,
  newTool:
    row.new_tool_name === null
      ? null
      : {
          name: row.new_tool_name,
          supplierName: row.new_tool_supplier ?? '',
          webAddress: row.new_tool_web_address ?? '',
        },
  need: row.need,
  subjects: row.subjects,
  targetGroup: row.target_group,
  schoolForms: row.school_forms,
  pupilCount: row.pupil_count,
  staffCount: row.staff_count,
  personalData: row.personal_data,
  personalDataDescription: row.personal_data_description,
  wantedFrom: row.wanted_from,
});

/**
 * A request read in full: the grid row, who endorsed and who decided, and `columns` (on `q`) the
 * caller wants besides.
 */
export const selectDetail = (selectRequest: string, where: string, columns = '') => `
  SELECT q.*, e.display_name AS endorsed_by_name, dd.display_name AS decided_by_name,
         dc.display_name AS declined_by_name${columns}
    FROM (${selectRequest} ${where}) q
    LEFT JOIN account e ON e.id = q.endorsed_by
    LEFT JOIN account dc ON dc.id = q.declined_by
    LEFT JOIN account dd ON dd.id = q.decided_by`;

export type DetailRow = RequestRow & {
  endorsed_by_name: string | null;
  decided_by_name: string | null;
  declined_by_name: string | null;
};

/**
 * A request's history: its moves and comments, and the reviews and reported changes of its
 * service since the request was made, in the order they happened (`seq`). The request, its
 * service and its creation time are SQL expressions (parameters, or a joined row's columns).
 */
export const requestHistoryOf = (request: string, service: string, since: string) => `
  SELECT e.id AS seq, e.id::text AS id, e.occurred_at, a.display_name AS actor_name, e.kind,
         e.from_state, e.to_state, e.message,
         CASE WHEN e.kind IN ('DECIDE', 'CORRECT_DECISION') THEN e.changes -> 'outcome' ->> 'new' END
           AS outcome
    FROM event e LEFT JOIN account a ON a.id = e.actor_id
   WHERE (e.subject_type = 'request' AND e.subject_id = ${request})
      OR (e.subject_type = 'service' AND e.subject_id = ${service}
          AND e.kind IN (${SERVICE_REVIEW_EVENT_KINDS.map((kind) => `'${kind}'`).join(', ')})
          AND e.occurred_at >= ${since})`;

export interface RequestEventRow {
  id: string;
  occurred_at: Instant;
  actor_name: string | null;
  kind: RequestEventRowKind | ServiceReviewEventKind;
  from_state: RequestState | null;
  to_state: RequestState | null;
  message: string | null;
  outcome: DecisionOutcome | null;
}

export const toRequestEvent = (event: RequestEventRow): RequestEvent => ({
  id: event.id,
  occurredAt: isoInstant(event.occurred_at),
  actorName: event.actor_name,
  kind: requestEventKindOf(event.kind),
  fromState: event.from_state,
  toState: event.to_state,
  text: event.message,
  outcome: event.outcome,
});
