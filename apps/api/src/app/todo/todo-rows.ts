import {
  EXPIRING_WITHIN_DAYS,
  type IsoDate,
  REVIEW_KINDS,
  REVIEW_KIND_LABELS,
  REVIEW_ROLE,
  type ReviewKind,
  type Role,
  TODO_COUNT_CAP,
  TODO_LIMIT,
  type TodoAction,
  type TodoItem,
} from '@licensregistret/domain';

import { statusSql } from '../agreements/agreement-rows';

/**
 * Parameters: $1 the person, $2 their units, $3 their roles, $4 today, $5 the review kinds they
 * make, $6 the decision confirmation threshold, $7 one action or null.
 *
 * Each branch is one kind of thing to do, guarded by the role it is for (a one-time filter, so
 * the others cost nothing), reads only keys from an index (the partial indexes of the todo
 * migration) and stops at TODO_COUNT_CAP, oldest first; the oldest TODO_LIMIT of them all are
 * then joined to their names.
 */
const only = (action: TodoAction) => `($7::text IS NULL OR $7 = '${action}')`;
const CAP = `LIMIT ${TODO_COUNT_CAP}`;

/** The latest review of kind `kind` of service `service`: `redo_by` is null when none is made. */
const latestReview = (service: string, kind: string) => `LEFT JOIN LATERAL (
    SELECT sr.redo_by, sr.due_again_since FROM service_review sr
     WHERE sr.service_id = ${service} AND sr.kind = ${kind}
     ORDER BY sr.created_at DESC LIMIT 1) cur ON true`;

/** Not valid (reviewValidity in libs/shared/domain): missing, due again, or past its redo date. */
const NOT_VALID = `(cur.redo_by IS NULL OR cur.due_again_since IS NOT NULL OR cur.redo_by < $4)`;

/** Declined by the principal and not changed since (a decline and its move share one now()). */
const DECLINED_UNCHANGED = `(r.declined_at IS NOT NULL AND r.updated_at <= r.declined_at)`;

const ALL_REVIEW_KINDS = `ARRAY[${REVIEW_KINDS.map((kind) => `'${kind}'`).join(', ')}]`;

export const TODO_SQL = `
WITH items AS (
  (SELECT 'ENDORSE'::text AS action, r.id AS request_id, NULL::uuid AS service_id,
          NULL::text AS review_kind, NULL::uuid AS agreement_id, r.updated_at AS since,
          NULL::text AS extra
     FROM request r
    WHERE 'PRINCIPAL' = ANY ($3) AND ${only('ENDORSE')} AND r.unit_id = ANY ($2)
      AND r.state IN ('DRAFT', 'SUBMITTED') AND r.endorsed_by IS NULL AND r.requester_id <> $1
      AND NOT ${DECLINED_UNCHANGED}
    ORDER BY r.updated_at ${CAP})
  UNION ALL
  (SELECT 'SUBMIT', r.id, NULL, NULL, NULL, r.updated_at, NULL
     FROM request r
    WHERE ${only('SUBMIT')} AND r.unit_id = ANY ($2) AND r.state = 'DRAFT' AND r.requester_id = $1
      AND (r.endorsed_by IS NOT NULL OR 'PRINCIPAL' = ANY ($3))
    ORDER BY r.updated_at ${CAP})
  UNION ALL
  (SELECT 'REVISE', r.id, NULL, NULL, NULL, r.declined_at, NULL
     FROM request r
    WHERE ${only('REVISE')} AND r.unit_id = ANY ($2) AND r.state = 'DRAFT' AND r.requester_id = $1
      AND ${DECLINED_UNCHANGED}
    ORDER BY r.declined_at ${CAP})
  UNION ALL
  (SELECT 'ANSWER', r.id, NULL, NULL, NULL, r.updated_at, NULL
     FROM request r
    WHERE ('REQUESTER' = ANY ($3) OR 'PRINCIPAL' = ANY ($3)) AND ${only('ANSWER')}
      AND r.unit_id = ANY ($2) AND r.state = 'NEEDS_INFO'
    ORDER BY r.updated_at ${CAP})
  UNION ALL
  (SELECT 'TRIAGE', r.id, NULL, NULL, NULL, r.submitted_at, NULL
     FROM request r
    WHERE 'OBJECT_SPECIALIST' = ANY ($3) AND ${only('TRIAGE')}
      AND r.state IN ('SUBMITTED', 'IN_TRIAGE')
      AND (r.state = 'IN_TRIAGE' OR r.endorsed_by IS NOT NULL)
    ORDER BY r.submitted_at ${CAP})
  UNION ALL
  (SELECT 'REVIEW', NULL, g.service_id, k.kind, NULL, g.since, g.waiting::text
     FROM (SELECT r.service_id, min(r.updated_at) AS since, count(*) AS waiting
             FROM request r
            WHERE cardinality($5::text[]) > 0 AND ${only('REVIEW')}
              AND r.state = 'IN_REVIEW' AND r.service_id IS NOT NULL
            GROUP BY r.service_id) g
    CROSS JOIN unnest($5::text[]) k(kind)
    ${latestReview('g.service_id', 'k.kind')}
    WHERE ${NOT_VALID}
    ORDER BY g.since ${CAP})
  UNION ALL
  (SELECT 'DECIDE', r.id, NULL, NULL, NULL, r.updated_at, NULL
     FROM request r
    WHERE 'OBJECT_SPECIALIST' = ANY ($3) AND ${only('DECIDE')}
      AND r.state = 'IN_REVIEW' AND r.service_id IS NOT NULL AND r.proposal IS NULL
      AND NOT EXISTS (SELECT 1 FROM unnest(${ALL_REVIEW_KINDS}) k(kind)
                      ${latestReview('r.service_id', 'k.kind')}
                      WHERE ${NOT_VALID})
    ORDER BY r.updated_at ${CAP})
  UNION ALL
  (SELECT 'CONFIRM_DECISION', r.id, NULL, NULL, NULL, (r.proposal ->> 'proposedAt')::timestamptz,
          NULL
     FROM request r
    WHERE 'OBJECT_MANAGER' = ANY ($3) AND ${only('CONFIRM_DECISION')}
      AND r.state = 'IN_REVIEW' AND r.proposal IS NOT NULL
    ORDER BY 6 ${CAP})
  UNION ALL
  (SELECT 'IMPLEMENT', r.id, NULL, NULL, NULL, r.decided_at, NULL
     FROM request r
    WHERE 'PROCUREMENT' = ANY ($3) AND ${only('IMPLEMENT')}
      AND r.state = 'DECIDED' AND r.decision_outcome <> 'REJECTED'
    ORDER BY r.decided_at ${CAP})
  UNION ALL
  (SELECT 'REDO_REVIEW', NULL, sr.service_id, sr.kind, NULL,
          coalesce(sr.due_again_since, sr.redo_by::timestamptz),
          CASE WHEN sr.due_again_since IS NOT NULL THEN 'DUE_AGAIN' ELSE 'EXPIRED' END
     FROM service_review sr JOIN digital_service d ON d.id = sr.service_id
    WHERE sr.kind = ANY ($5::text[]) AND ${only('REDO_REVIEW')}
      AND (sr.due_again_since IS NOT NULL OR sr.redo_by < $4)
      AND d.catalogue_status IN ('APPROVED', 'APPROVED_WITH_CONDITIONS')
      AND NOT EXISTS (SELECT 1 FROM service_review n
                       WHERE n.service_id = sr.service_id AND n.kind = sr.kind
                         AND n.created_at > sr.created_at)
      AND NOT EXISTS (SELECT 1 FROM request r
                       WHERE r.service_id = sr.service_id AND r.state = 'IN_REVIEW')
    ORDER BY 6 ${CAP})
  UNION ALL
  (SELECT 'AGREEMENT_DEADLINE', NULL, NULL, NULL, a.id,
          CASE WHEN st.status = 'ACTION_NEEDED' THEN a.action_from
               ELSE a.ends_on - ${EXPIRING_WITHIN_DAYS} END::timestamptz,
          st.status || ' ' || a.next_deadline_kind || ' ' ||
            CASE WHEN st.status = 'ACTION_NEEDED' THEN a.next_deadline ELSE a.ends_on END
     FROM agreement a
    CROSS JOIN LATERAL (SELECT ${statusSql('$4::date')} AS status) st
    WHERE (a.owner_id = $1 OR (a.owner_id IS NULL AND 'PROCUREMENT' = ANY ($3)))
      AND ${only('AGREEMENT_DEADLINE')} AND a.ends_on >= $4
      AND ((a.action_from <= $4 AND a.next_deadline >= $4)
           OR a.ends_on <= $4::date + ${EXPIRING_WITHIN_DAYS})
      AND st.status IN ('ACTION_NEEDED', 'EXPIRING')
    ORDER BY 6 ${CAP})
),
counted AS (SELECT i.*, count(*) OVER (PARTITION BY i.action) AS of_action FROM items i),
top AS (
  SELECT c.*, count(*) OVER ()::int AS total,
         max(c.of_action) OVER () >= ${TODO_COUNT_CAP} AS total_capped
    FROM counted c
   ORDER BY c.since, c.action, c.request_id, c.service_id, c.review_kind, c.agreement_id
   LIMIT ${TODO_LIMIT}
)
SELECT t.action, t.request_id, t.service_id, t.review_kind, t.agreement_id, t.since, t.total,
       t.total_capped, r.number,
       coalesce(d.name, r.new_tool_name, sd.name, a.agreement_number) AS name,
       coalesce(u.name, s.name) AS place,
       CASE t.action
         WHEN 'ANSWER' THEN r.open_question
         WHEN 'REVISE' THEN r.decline_text
         WHEN 'TRIAGE' THEN r.state
         WHEN 'DECIDE' THEN
           CASE WHEN (SELECT (sr.findings ->> 'annualCost')::numeric FROM service_review sr
                       WHERE sr.service_id = r.service_id AND sr.kind = 'PROCUREMENT'
                       ORDER BY sr.created_at DESC LIMIT 1) > $6 THEN 'ABOVE_THRESHOLD' END
         ELSE t.extra END AS extra
  FROM top t
  LEFT JOIN request r ON r.id = t.request_id
  LEFT JOIN school_unit u ON u.id = r.unit_id
  LEFT JOIN digital_service d ON d.id = r.service_id
  LEFT JOIN digital_service sd ON sd.id = t.service_id
  LEFT JOIN agreement a ON a.id = t.agreement_id
  LEFT JOIN supplier s ON s.id = a.supplier_id
 ORDER BY t.since, t.action, t.request_id, t.service_id, t.review_kind, t.agreement_id`;

export interface TodoRow {
  action: TodoAction;
  request_id: string | null;
  service_id: string | null;
  review_kind: ReviewKind | null;
  agreement_id: string | null;
  number: number | null;
  name: string;
  place: string | null;
  since: Date;
  extra: string | null;
  total: number;
  total_capped: boolean;
}

/** "2026-03-01" from a date-time, in Swedish time. */
const day = (value: string): string => value.slice(0, 10);

/** Who asks: their id, roles and units. */
export interface TodoViewer {
  id: string;
  roles: readonly Role[];
  unitIds: readonly string[];
}

/** TODO_SQL's parameters for a person, today, the confirmation threshold and a chosen action. */
export function todoParameters(
  viewer: TodoViewer,
  today: IsoDate,
  confirmationThreshold: number,
  action: TodoAction | null,
): unknown[] {
  const reviewKinds = REVIEW_KINDS.filter((kind) => viewer.roles.includes(REVIEW_ROLE[kind]));
  return [
    viewer.id,
    viewer.unitIds,
    viewer.roles,
    today,
    reviewKinds,
    confirmationThreshold,
    action,
  ];
}

/** A row as the API answers it, with its Swedish title and detail. */
export function toTodoItem(row: TodoRow): TodoItem {
  const request = row.number !== null ? `Begäran ${row.number}: ${row.name}` : row.name;
  const title =
    row.action === 'AGREEMENT_DEADLINE'
      ? `Avtal ${row.name} – ${row.place}`
      : row.place
        ? `${request} – ${row.place}`
        : request;
  return {
    action: row.action,
    title,
    detail: detailOf(row),
    since: row.since.toISOString(),
    requestId: row.action === 'REVIEW' || row.action === 'REDO_REVIEW' ? null : row.request_id,
    serviceId: row.service_id,
    reviewKind: row.review_kind,
    agreementId: row.agreement_id,
  };
}

function detailOf(row: TodoRow): string {
  const kind = row.review_kind ? REVIEW_KIND_LABELS[row.review_kind] : '';
  switch (row.action) {
    case 'ENDORSE':
      return 'Väntar på din tillstyrkan';
    case 'SUBMIT':
      return 'Tillstyrkt, men inte inskickad';
    case 'REVISE':
      return `Rektor avstyrkte: ${row.extra ?? ''}`;
    case 'ANSWER':
      return `Fråga: ${row.extra ?? ''}`;
    case 'TRIAGE':
      return row.extra === 'IN_TRIAGE' ? 'Bedöms' : 'Inskickad, inte bedömd';
    case 'REVIEW': {
      const count = Number(row.extra);
      return count > 1 ? `${kind} (${count} begäranden väntar)` : kind;
    }
    case 'DECIDE':
      return row.extra === 'ABOVE_THRESHOLD'
        ? 'Alla granskningar klara. Över beslutsgränsen: föreslå beslut till objektledaren'
        : 'Alla granskningar klara';
    case 'CONFIRM_DECISION':
      return 'Beslutsförslag väntar på fastställande';
    case 'IMPLEMENT':
      return 'Godkänd, inte införd';
    case 'REDO_REVIEW':
      return row.extra === 'DUE_AGAIN'
        ? `${kind}: ska göras om efter en ändring`
        : `${kind}: förfallen`;
    case 'AGREEMENT_DEADLINE': {
      const [status, deadlineKind, date] = (row.extra ?? '').split(' ');
      if (status === 'EXPIRING') return `Löper ut ${day(date as IsoDate)}, inget avtal tar vid`;
      return deadlineKind === 'EXTENSION'
        ? `Beslut om förlängning senast ${day(date)}`
        : `Sista dag att säga upp: ${day(date)}`;
    }
  }
}
