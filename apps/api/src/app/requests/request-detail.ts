import {
  type CurrentReviews,
  type IsoDate,
  REVIEW_KINDS,
  type RequestDetail,
  type RequestSnapshot,
  type RequestState,
  type RoutineSettings,
  approvalBlockers,
  availableMoves,
  isUnitScoped,
  needsManagerConfirmation,
} from '@licensregistret/domain';

import { isoInstant } from '../../database/instant';
import { SELECT_SERVICE, type ServiceRow, toService } from '../catalogue/service-rows';
import { type EventRecord, insertEventSql } from '../common/event-log.service';
import { SqlConditions, type SqlStatement } from '../common/sql-builder';
import { type ReviewRow, SELECT_REVIEW, toReview } from '../reviews/review-rows';
import { routineActorOf, unitIdsOf, visibleTo } from './request-access';
import {
  type DetailRow,
  type RequestRow,
  selectChangedRequest,
  selectDetail,
  toContent,
  toSummary,
} from './request-rows';
import { type Viewer, requestDetailSql } from './request-sql';

/**
 * A request in full in one statement: the request row as the viewer may see it and, as JSON
 * columns on it, what the detail shows besides (its service's current reviews, the service, the
 * units that joined, the licences named). Read for GET /api/requests/:id and as the answer of a
 * move, by the API and by the bench's baseline, and mapped by toDetail in both.
 */

/** The states in which the school may still edit what it wrote. */
export const EDITABLE_STATES: readonly RequestState[] = ['DRAFT', 'SUBMITTED'];

/** The newest review of each kind of the service of `q` (ReviewsService.current), as JSON. */
const CURRENT_REVIEWS = `(SELECT json_agg(v) FROM (${SELECT_REVIEW.replace(
  'SELECT',
  'SELECT DISTINCT ON (r.kind)',
)} WHERE r.service_id = q.service_id ORDER BY r.kind, r.created_at DESC, r.id) v)`;

/** The columns of a full detail beyond the row (see DetailExtras). */
const DETAIL_EXTRAS = `,
  ${CURRENT_REVIEWS} AS detail_reviews,
  (SELECT row_to_json(s) FROM (${SELECT_SERVICE} WHERE d.id = q.service_id) s) AS detail_service,
  (SELECT json_agg(j ORDER BY j.created_at, j.id)
     FROM (SELECT j.id, j.unit_id, u.name AS unit_name, j.pupil_count, j.need, a.display_name,
                  j.created_at
             FROM request_join j JOIN school_unit u ON u.id = j.unit_id
             JOIN account a ON a.id = j.account_id
            WHERE j.request_id = q.id) j) AS detail_joined,
  (SELECT json_build_object('licenceId', l.id, 'agreementNumber', a.agreement_number,
                            'endsOn', l.ends_on)
     FROM licence l JOIN agreement a ON a.id = l.agreement_id
    WHERE l.id = q.covered_by_licence_id) AS detail_covered,
  (SELECT json_build_object('licenceId', l.id, 'agreementId', a.id,
                            'agreementNumber', a.agreement_number, 'startsOn', l.starts_on,
                            'endsOn', l.ends_on)
     FROM licence l JOIN agreement a ON a.id = l.agreement_id
    WHERE l.id = q.implemented_by_licence_id) AS detail_implemented`;

/** A review as JSON: its timestamp a string. */
type ReviewJson = Omit<ReviewRow, 'due_again_since'> & { due_again_since: string | null };

/** The JSON columns of a full detail (timestamps in them are strings). */
export interface DetailExtras {
  detail_reviews: ReviewJson[] | null;
  detail_service: ServiceRow | null;
  detail_joined:
    | {
        unit_id: string;
        unit_name: string;
        pupil_count: number;
        need: string;
        display_name: string;
        created_at: string;
      }[]
    | null;
  detail_covered: { licenceId: string; agreementNumber: string; endsOn: IsoDate } | null;
  detail_implemented: RequestDetail['implementedBy'];
}

export type FullDetailRow = DetailRow & DetailExtras;

/** A move's facts: the row locked, and its service's current reviews. */
export type MoveFactsRow = DetailRow & Pick<DetailExtras, 'detail_reviews'>;

const EMPTY_REVIEWS = Object.fromEntries(
  REVIEW_KINDS.map((kind) => [kind, null]),
) as CurrentReviews;

/** One request in full as the viewer may see it (no row when they may not). */
export function requestFullDetailSql(viewer: Viewer, id: string, today: IsoDate): SqlStatement {
  return requestDetailSql(viewer, id, today, false, DETAIL_EXTRAS);
}

/**
 * What the routine judges a move on, in one statement: the request as the viewer may see it,
 * locked for the change (a concurrent move waits, then reads the committed row), and its
 * service's current reviews.
 */
export function moveFactsSql(viewer: Viewer, id: string, today: IsoDate): SqlStatement {
  return requestDetailSql(viewer, id, today, true, `, ${CURRENT_REVIEWS} AS detail_reviews`);
}

/** A move to write: the new state, what else it sets (`set`, parameters from `$3`), its event. */
export interface MoveWrite {
  id: string;
  to: RequestState;
  set?: string;
  parameters?: unknown[];
  event: EventRecord;
}

/**
 * A move written and the request read back in one statement: the UPDATE, the event's INSERT,
 * and the request in full as the viewer may see it afterwards (no row when they no longer may).
 * `withReviews` false leaves the reviews out (`detail_reviews` null), for a caller that has them.
 */
export function moveWriteSql(
  viewer: Viewer,
  move: MoveWrite,
  today: IsoDate,
  withReviews = true,
): SqlStatement {
  const conditions = new SqlConditions();
  conditions.param(move.id);
  conditions.param(move.to);
  for (const parameter of move.parameters ?? []) conditions.param(parameter);
  const insert = insertEventSql(move.event, (value) => conditions.param(value));
  const todayParam = conditions.param(today);
  conditions.add(visibleTo(viewer, conditions));
  const extras = withReviews ? DETAIL_EXTRAS : DETAIL_EXTRAS.replace(CURRENT_REVIEWS, 'NULL::json');
  return [
    `WITH moved AS (
       UPDATE request SET state = $2, version = version + 1, updated_at = now()${
         move.set ? `, ${move.set}` : ''
       } WHERE id = $1 RETURNING *),
     logged AS (${insert})
     ${selectDetail(selectChangedRequest('moved').replaceAll('$today', todayParam), conditions.where, extras)}`,
    conditions.parameters,
  ];
}

/** The service's current reviews from a detail's JSON (null without a service). */
export function currentReviewsOf(
  row: Pick<RequestRow, 'service_id'> & Pick<DetailExtras, 'detail_reviews'>,
  today: IsoDate,
): CurrentReviews | null {
  if (!row.service_id) return null;
  const current = { ...EMPTY_REVIEWS };
  for (const review of row.detail_reviews ?? []) {
    const dueAgainSince = review.due_again_since === null ? null : new Date(review.due_again_since);
    current[review.kind] = toReview({ ...review, due_again_since: dueAgainSince }, today) as never;
  }
  return current;
}

/** The facts the routine judges a move on. */
export function snapshotOf(row: RequestRow, reviews: CurrentReviews | null): RequestSnapshot {
  const procurement = reviews?.PROCUREMENT;
  return {
    state: row.state,
    stateBeforeInfo: row.state_before_info,
    unitId: row.unit_id,
    endorsed: row.endorsed_by !== null,
    proposedOutcome: row.proposal?.outcome ?? null,
    decidedOutcome: row.decision_outcome,
    annualCost:
      procurement?.kind === 'PROCUREMENT' ? Number(procurement.findings.annualCost) : null,
  };
}

/**
 * The request as the viewer sees it, with the moves they may make now. `reviews` are the
 * service's current reviews when the row's own JSON leaves them out.
 */
export function toDetail(
  row: FullDetailRow,
  viewer: Viewer,
  settings: RoutineSettings,
  today: IsoDate,
  reviews: CurrentReviews | null = currentReviewsOf(row, today),
): RequestDetail {
  const snapshot = snapshotOf(row, reviews);
  const ownUnit = unitIdsOf(viewer).includes(row.unit_id);
  const covered = row.detail_covered;
  return {
    ...toSummary(row),
    ...toContent(row),
    requesterId: row.requester_id,
    endorsedByName: row.endorsed_by_name,
    endorsedAt: row.endorsed_at === null ? null : isoInstant(row.endorsed_at),
    decline:
      row.declined_at === null
        ? null
        : {
            text: row.decline_text ?? '',
            declinedByName: row.declined_by_name ?? '',
            declinedAt: isoInstant(row.declined_at),
          },
    stateBeforeInfo: row.state_before_info,
    openQuestion: row.open_question,
    service: row.detail_service ? toService(row.detail_service) : null,
    coveredBy: covered ? { ...covered, text: row.covered_text ?? '' } : null,
    implementedBy: row.detail_implemented,
    proposal: row.proposal,
    decision:
      row.decision_outcome === null
        ? null
        : {
            outcome: row.decision_outcome,
            reasons: row.decision_reasons,
            text: row.decision_text ?? '',
            conditions: row.decision_conditions ?? '',
            publicConditions: row.decision_public_conditions ?? '',
            decidedByName: row.decided_by_name ?? '',
            decidedAt: row.decided_at === null ? '' : isoInstant(row.decided_at),
          },
    whatChanged: row.what_changed,
    joinedUnits: (row.detail_joined ?? []).map((joined) => ({
      unitId: joined.unit_id,
      unitName: joined.unit_name,
      pupilCount: joined.pupil_count,
      need: joined.need,
      joinedByName: joined.display_name,
      joinedAt: new Date(joined.created_at).toISOString(),
    })),
    needsManagerConfirmation: needsManagerConfirmation(snapshot, settings),
    reviews,
    approvalBlockers: approvalBlockers(reviews ?? EMPTY_REVIEWS, today),
    availableMoves: availableMoves(snapshot, routineActorOf(viewer), settings),
    editable: ownUnit && isUnitScoped(viewer.roles) && EDITABLE_STATES.includes(row.state),
  };
}
