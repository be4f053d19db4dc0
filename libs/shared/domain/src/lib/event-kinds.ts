import { AGREEMENT_ROUTE_ACTIONS } from './agreement-lifecycle';
import { REQUEST_MOVES } from './request-routine';

/**
 * Every kind of row the API writes to the append-only `event` table, by what it is about.
 *
 * The naming is mixed on purpose of history, not of taste: the catalogue's and the agreements'
 * changes were stored lowercase (`created`, `updated`) and a service's reviews and reported changes
 * kebab-case (`review`, `change-reported`), while a request's events are its moves in upper case
 * (`SUBMIT`, `DECIDE`...) plus `CREATED`, `EDITED`, `COMMENT`. The table refuses UPDATE (history is
 * append-only), so renaming would mean rewriting stored history; the stored values stay, and this
 * one list says what they are. A test checks every kind the API writes is in it.
 */

/** A change to a supplier, service, agreement or licence record (with old and new values). */
export const RECORD_EVENT_KINDS = ['created', 'updated'] as const;
export type RecordEventKind = (typeof RECORD_EVENT_KINDS)[number];

/** A lifecycle action on an agreement (the reason in the event's message). */
export const AGREEMENT_ACTION_EVENT_KINDS = AGREEMENT_ROUTE_ACTIONS;
export type AgreementActionEventKind = (typeof AGREEMENT_ACTION_EVENT_KINDS)[number];

/** What happens to a service's reviews: one is made, or a change makes them due again. */
export const SERVICE_REVIEW_EVENT_KINDS = ['review', 'change-reported'] as const;
export type ServiceReviewEventKind = (typeof SERVICE_REVIEW_EVENT_KINDS)[number];

/** A municipality published its review or decision of a service for the others (issue 18). */
export const SHARING_EVENT_KINDS = ['review-published', 'decision-published'] as const;

/** A document added to or removed from an agreement or a service (or one of its reviews). */
export const DOCUMENT_EVENT_KINDS = ['document-added', 'document-removed'] as const;
export type DocumentEventKind = (typeof DOCUMENT_EVENT_KINDS)[number];

/** A request's own events besides its moves (`JOINED`: another unit joined its demand). */
export const REQUEST_NON_MOVE_EVENT_KINDS = ['CREATED', 'EDITED', 'COMMENT', 'JOINED'] as const;

/** What a request's event row is: a move of the routine, or created, edited, commented on. */
export const REQUEST_EVENT_ROW_KINDS = [...REQUEST_NON_MOVE_EVENT_KINDS, ...REQUEST_MOVES] as const;
export type RequestEventRowKind = (typeof REQUEST_EVENT_ROW_KINDS)[number];

/** Every kind of event the API stores. */
export const EVENT_KINDS = [
  ...RECORD_EVENT_KINDS,
  ...AGREEMENT_ACTION_EVENT_KINDS,
  ...SERVICE_REVIEW_EVENT_KINDS,
  ...SHARING_EVENT_KINDS,
  ...DOCUMENT_EVENT_KINDS,
  ...REQUEST_EVENT_ROW_KINDS,
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * How a request's history names its events: its own rows' kinds, and its service's reviews and
 * reported changes (made since the request was) under names of their own.
 */
export const REQUEST_HISTORY_KIND_OF_SERVICE_EVENT = {
  review: 'REVIEW',
  'change-reported': 'SERVICE_CHANGED',
} as const satisfies Record<ServiceReviewEventKind, string>;

export type RequestEventKind =
  RequestEventRowKind | (typeof REQUEST_HISTORY_KIND_OF_SERVICE_EVENT)[ServiceReviewEventKind];

/** Every kind a request's history shows, in the order a label table lists them. */
export const REQUEST_EVENT_KINDS: readonly RequestEventKind[] = [
  ...REQUEST_NON_MOVE_EVENT_KINDS,
  ...SERVICE_REVIEW_EVENT_KINDS.map((kind) => REQUEST_HISTORY_KIND_OF_SERVICE_EVENT[kind]),
  ...REQUEST_MOVES,
];

export function isEventKind(kind: string): kind is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(kind);
}

/** A stored event's kind as a request's history names it. */
export function requestEventKindOf(
  stored: RequestEventRowKind | ServiceReviewEventKind,
): RequestEventKind {
  return stored === 'review' || stored === 'change-reported'
    ? REQUEST_HISTORY_KIND_OF_SERVICE_EVENT[stored]
    : stored;
}
