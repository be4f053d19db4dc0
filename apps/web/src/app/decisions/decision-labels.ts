import {
  DECISION_OUTCOME_LABELS,
  DECISION_REASON_LABELS,
  type DecisionOutcome,
  type DecisionReason,
  REQUEST_STATES,
  type RequestEventKind,
  type RequestState,
} from '@licensregistret/domain';

/** Every state the decision roles can see: all but drafts. */
export const QUEUE_STATES: readonly RequestState[] = REQUEST_STATES.filter(
  (state) => state !== 'DRAFT',
);

/** What happened, for the history: each move in the past tense, and the other event kinds. */
export const EVENT_KIND_LABELS: Record<RequestEventKind, string> = {
  CREATED: 'Skapad',
  EDITED: 'Ändrad',
  COMMENT: 'Kommentar',
  REVIEW: 'Granskning registrerad',
  SERVICE_CHANGED: 'Ändring av tjänsten rapporterad',
  ENDORSE: 'Tillstyrkt av rektor',
  SUBMIT: 'Inskickad',
  START_TRIAGE: 'Bedömning påbörjad',
  QUEUE: 'Sparad till samlad bedömning',
  UNQUEUE: 'Tagen upp igen',
  MARK_COVERED: 'Finns redan för enheten',
  ASK_FOR_INFO: 'Komplettering begärd',
  ANSWER: 'Kompletterad',
  START_REVIEW: 'Granskning påbörjad',
  PROPOSE_DECISION: 'Beslut föreslaget',
  DECIDE: 'Beslutad',
  IMPLEMENT: 'Införd',
  WITHDRAW: 'Återtagen',
};

/** A kind in words; one this app does not know yet (a newer API) as it is. */
export function eventKindLabel(kind: string): string {
  return (EVENT_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

/** "Godkänd", or "Avslagen (Ekonomi, Behov)" with the reasons of a rejection. */
export function outcomeText(outcome: DecisionOutcome | null, reasons: readonly DecisionReason[]) {
  if (!outcome) return '';
  const label = DECISION_OUTCOME_LABELS[outcome];
  return reasons.length === 0 ? label : `${label} (${reasonNames(reasons)})`;
}

export function reasonNames(reasons: readonly DecisionReason[]): string {
  return reasons.map((reason) => DECISION_REASON_LABELS[reason].label).join(', ');
}

/** The date part of an ISO timestamp, "2026-02-02". */
export function datePart(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '';
}
