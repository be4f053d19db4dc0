import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  EXPIRING_WITHIN_DAYS,
  type IsoDate,
  REVIEW_KINDS,
  REVIEW_KIND_LABELS,
  REVIEW_ROLE,
  type ReviewKind,
  TODO_LIMIT,
  type TodoAction,
  type TodoItem,
  type TodoList,
} from '@licensregistret/domain';

import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.provider';
import { statusSql } from '../agreements/agreement-rows';
import type { Actor } from '../auth/actor';
import { ClockService } from '../common/clock.service';
import { unitIdsOf } from '../requests/request-access';

/**
 * Parameters: $1 the person, $2 their units, $3 their roles, $4 today, $5 the review kinds they
 * make, $6 the decision confirmation threshold. Each branch is one kind of thing to do, guarded
 * by the role it is for, so the planner skips the others; every branch starts from an index
 * (request by state or unit, review by service and kind, agreement by its dates).
 */
const TOOL = `coalesce(d.name, r.new_tool_name)`;
const REQUEST_COLUMNS = `r.id AS request_id, NULL::uuid AS service_id, NULL::text AS review_kind,
  NULL::uuid AS agreement_id, r.number, ${TOOL} AS name, u.name AS place`;
const FROM_REQUEST = `FROM request r JOIN school_unit u ON u.id = r.unit_id
  LEFT JOIN digital_service d ON d.id = r.service_id`;

/** The latest review of kind `kind` of service `service`: `redo_by` is null when none is made. */
const latestReview = (service: string, kind: string) => `LEFT JOIN LATERAL (
    SELECT sr.redo_by, sr.due_again_since, sr.findings FROM service_review sr
     WHERE sr.service_id = ${service} AND sr.kind = ${kind}
     ORDER BY sr.created_at DESC LIMIT 1) cur ON true`;

/** Not valid (reviewValidity in libs/shared/domain): missing, due again, or past its redo date. */
const NOT_VALID = `(cur.redo_by IS NULL OR cur.due_again_since IS NOT NULL OR cur.redo_by < $4)`;

export const TODO_SQL = `
SELECT t.*, count(*) OVER ()::int AS total FROM (
  SELECT 'ENDORSE' AS action, ${REQUEST_COLUMNS}, r.updated_at AS since, NULL::text AS extra
    ${FROM_REQUEST}
   WHERE 'PRINCIPAL' = ANY ($3) AND r.unit_id = ANY ($2) AND r.state IN ('DRAFT', 'SUBMITTED')
     AND r.endorsed_by IS NULL AND r.requester_id <> $1
  UNION ALL
  SELECT 'SUBMIT', ${REQUEST_COLUMNS}, r.updated_at, NULL
    ${FROM_REQUEST}
   WHERE r.unit_id = ANY ($2) AND r.state = 'DRAFT' AND r.requester_id = $1
     AND (r.endorsed_by IS NOT NULL OR 'PRINCIPAL' = ANY ($3))
  UNION ALL
  SELECT 'ANSWER', ${REQUEST_COLUMNS}, r.updated_at, r.open_question
    ${FROM_REQUEST}
   WHERE ('REQUESTER' = ANY ($3) OR 'PRINCIPAL' = ANY ($3)) AND r.unit_id = ANY ($2)
     AND r.state = 'NEEDS_INFO'
  UNION ALL
  SELECT 'TRIAGE', ${REQUEST_COLUMNS}, r.submitted_at, r.state
    ${FROM_REQUEST}
   WHERE 'OBJECT_SPECIALIST' = ANY ($3) AND r.state IN ('SUBMITTED', 'IN_TRIAGE')
     AND (r.state = 'IN_TRIAGE' OR r.endorsed_by IS NOT NULL)
  UNION ALL
  SELECT 'REVIEW', min(r.id::text)::uuid, r.service_id, k.kind, NULL, min(r.number), min(d.name),
         NULL, min(coalesce(cur.due_again_since, started.at, r.updated_at)), count(*)::text
    FROM request r JOIN digital_service d ON d.id = r.service_id
    CROSS JOIN unnest($5::text[]) k(kind)
    ${latestReview('r.service_id', 'k.kind')}
    LEFT JOIN LATERAL (
      SELECT max(e.occurred_at) AS at FROM event e
       WHERE e.subject_type = 'request' AND e.subject_id = r.id AND e.kind = 'START_REVIEW') started
      ON true
   WHERE r.state = 'IN_REVIEW' AND ${NOT_VALID}
   GROUP BY r.service_id, k.kind
  UNION ALL
  SELECT 'DECIDE', ${REQUEST_COLUMNS}, r.updated_at,
         CASE WHEN (proc.findings ->> 'annualCost')::numeric > $6 THEN 'ABOVE_THRESHOLD' END
    ${FROM_REQUEST}
    LEFT JOIN LATERAL (
      SELECT sr.findings FROM service_review sr
       WHERE sr.service_id = r.service_id AND sr.kind = 'PROCUREMENT'
       ORDER BY sr.created_at DESC LIMIT 1) proc ON true
   WHERE 'OBJECT_SPECIALIST' = ANY ($3) AND r.state = 'IN_REVIEW' AND r.proposal IS NULL
     AND NOT EXISTS (
       SELECT 1 FROM unnest(ARRAY[${REVIEW_KINDS.map((kind) => `'${kind}'`).join(', ')}]) k(kind)
       ${latestReview('r.service_id', 'k.kind')}
        WHERE ${NOT_VALID})
  UNION ALL
  SELECT 'CONFIRM_DECISION', ${REQUEST_COLUMNS}, (r.proposal ->> 'proposedAt')::timestamptz,
         r.proposal ->> 'outcome'
    ${FROM_REQUEST}
   WHERE 'OBJECT_MANAGER' = ANY ($3) AND r.state = 'IN_REVIEW' AND r.proposal IS NOT NULL
  UNION ALL
  SELECT 'IMPLEMENT', ${REQUEST_COLUMNS}, r.decided_at, r.decision_outcome
    ${FROM_REQUEST}
   WHERE 'PROCUREMENT' = ANY ($3) AND r.state = 'DECIDED' AND r.decision_outcome <> 'REJECTED'
  UNION ALL
  SELECT 'REDO_REVIEW', NULL, sr.service_id, sr.kind, NULL, NULL, d.name, NULL,
         coalesce(sr.due_again_since, sr.redo_by::timestamptz),
         CASE WHEN sr.due_again_since IS NOT NULL THEN 'DUE_AGAIN' ELSE 'EXPIRED' END
    FROM service_review sr JOIN digital_service d ON d.id = sr.service_id
   WHERE sr.kind = ANY ($5::text[])
     AND (sr.due_again_since IS NOT NULL OR sr.redo_by < $4)
     AND d.catalogue_status IN ('APPROVED', 'APPROVED_WITH_CONDITIONS')
     AND NOT EXISTS (SELECT 1 FROM service_review n
                      WHERE n.service_id = sr.service_id AND n.kind = sr.kind
                        AND n.created_at > sr.created_at)
     AND NOT EXISTS (SELECT 1 FROM request r WHERE r.service_id = sr.service_id AND r.state = 'IN_REVIEW')
  UNION ALL
  SELECT 'AGREEMENT_DEADLINE', NULL, NULL, NULL, a.id, NULL, a.agreement_number, s.name,
         CASE WHEN status = 'ACTION_NEEDED' THEN a.action_from
              ELSE a.ends_on - ${EXPIRING_WITHIN_DAYS} END::timestamptz,
         status || ' ' || a.next_deadline_kind || ' ' ||
           CASE WHEN status = 'ACTION_NEEDED' THEN a.next_deadline ELSE a.ends_on END
    FROM agreement a JOIN supplier s ON s.id = a.supplier_id
    CROSS JOIN LATERAL (SELECT ${statusSql('$4::date')} AS status) st
   WHERE (a.owner_id = $1 OR (a.owner_id IS NULL AND 'PROCUREMENT' = ANY ($3)))
     AND a.ends_on >= $4
     AND ((a.action_from <= $4 AND a.next_deadline >= $4) OR a.ends_on <= $4::date + ${EXPIRING_WITHIN_DAYS})
     AND status IN ('ACTION_NEEDED', 'EXPIRING')
) t
WHERE $7::text IS NULL OR t.action = $7
ORDER BY t.since, t.action, t.request_id, t.service_id, t.review_kind, t.agreement_id
LIMIT ${TODO_LIMIT}`;

interface TodoRow {
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
}

/** "2026-03-01" from a date-time, in Swedish time. */
const day = (value: string): string => value.slice(0, 10);

/** The signed-in person's "Att göra": what waits for them, oldest first. */
@Injectable()
export class TodoService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, action?: TodoAction): Promise<TodoList> {
    const reviewKinds = REVIEW_KINDS.filter((kind) => actor.roles.includes(REVIEW_ROLE[kind]));
    const rows = (await this.dataSource.query(TODO_SQL, [
      actor.id,
      unitIdsOf(actor),
      actor.roles,
      this.clock.today(),
      reviewKinds,
      this.config.confirmationThreshold,
      action ?? null,
    ])) as TodoRow[];
    return { rows: rows.map((row) => this.toItem(row)), total: rows[0]?.total ?? 0 };
  }

  private toItem(row: TodoRow): TodoItem {
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
      detail: this.detail(row),
      since: row.since.toISOString(),
      requestId: row.action === 'REVIEW' || row.action === 'REDO_REVIEW' ? null : row.request_id,
      serviceId: row.service_id,
      reviewKind: row.review_kind,
      agreementId: row.agreement_id,
    };
  }

  private detail(row: TodoRow): string {
    const kind = row.review_kind ? REVIEW_KIND_LABELS[row.review_kind] : '';
    switch (row.action) {
      case 'ENDORSE':
        return 'Väntar på din tillstyrkan';
      case 'SUBMIT':
        return 'Tillstyrkt, men inte inskickad';
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
}
