import {
  DECISION_OUTCOME_LABELS,
  DECISION_REASON_LABELS,
  type DecisionOutcome,
  type DecisionReason,
  REQUEST_STATES,
  type RequestState,
} from '@licensregistret/domain';

/** Every state the decision roles can see: all but drafts. */
export const QUEUE_STATES: readonly RequestState[] = REQUEST_STATES.filter(
  (state) => state !== 'DRAFT',
);

/** "Godkänd", or "Avslagen (Ekonomi, Behov)" with the reasons of a rejection. */
export function outcomeText(outcome: DecisionOutcome | null, reasons: readonly DecisionReason[]) {
  if (!outcome) return '';
  const label = DECISION_OUTCOME_LABELS[outcome];
  return reasons.length === 0 ? label : `${label} (${reasonNames(reasons)})`;
}

export function reasonNames(reasons: readonly DecisionReason[]): string {
  return reasons.map((reason) => DECISION_REASON_LABELS[reason].label).join(', ');
}
