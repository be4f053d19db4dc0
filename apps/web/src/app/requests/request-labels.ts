import {
  DECISION_OUTCOME_LABELS,
  DECISION_REASON_LABELS,
  type DecisionOutcome,
  type DecisionReason,
  REQUEST_STATE_LABELS,
  type RequestDetail,
  type RequestMove,
  type RequestState,
  type Role,
  mayCall,
} from '@licensregistret/domain';

import { dayInSweden } from '../shared/format/format';

/** The moves a school makes; the other moves belong to the decision routine's own pages. */
export const SCHOOL_MOVES: readonly RequestMove[] = [
  'ENDORSE',
  'DECLINE',
  'SUBMIT',
  'ANSWER',
  'WITHDRAW',
];

/** Whether someone with these roles asks for tools for their own units. */
export function isSchoolRole(roles: readonly Role[] | null): boolean {
  return mayCall(['REQUESTER', 'PRINCIPAL'], roles);
}

export function stateLabel(state: RequestState): string {
  return REQUEST_STATE_LABELS[state] ?? state;
}

export function outcomeLabel(outcome: DecisionOutcome): string {
  return DECISION_OUTCOME_LABELS[outcome] ?? outcome;
}

/** "Ekonomi, Behov": the reasons in the routine's order, in Swedish. */
export function reasonsText(reasons: readonly DecisionReason[]): string {
  return reasons.map((reason) => DECISION_REASON_LABELS[reason]?.label ?? reason).join(', ');
}

/** "Avslagen (Ekonomi, Behov)", "Godkänd"; '' before a decision. */
export function decisionText(
  outcome: DecisionOutcome | null,
  reasons: readonly DecisionReason[],
): string {
  if (!outcome) return '';
  return reasons.length > 0
    ? `${outcomeLabel(outcome)} (${reasonsText(reasons)})`
    : outcomeLabel(outcome);
}

/** Where the request is, in words for the school. */
export const STATE_EXPLANATIONS: Record<RequestState, string> = {
  DRAFT: 'Begäran är ett utkast. Den är inte inskickad och syns bara för skolenheten.',
  SUBMITTED: 'Begäran är inskickad. Objektspecialisterna har inte börjat bedöma den än.',
  IN_TRIAGE: 'Objektspecialisterna bedömer begäran.',
  QUEUED:
    'Begäran väntar på en samlad bedömning tillsammans med andra skolenheters begäranden om samma verktyg.',
  NEEDS_INFO: 'Objektspecialisten behöver mer information. Svara på frågan så går begäran vidare.',
  IN_REVIEW: 'Verktyget granskas: dataskydd, informationssäkerhet, avtal och kostnad.',
  ALREADY_COVERED: 'Verktyget finns redan för skolenheten genom ett avtal kommunen har.',
  DECIDED: 'Begäran är beslutad.',
  IMPLEMENTED: 'Verktyget är infört och licensen finns på plats.',
  WITHDRAWN: 'Begäran är återtagen.',
};

/**
 * Who endorsed the request; on a draft not yet endorsed, what that means for submitting it (a
 * requester submits only after the principal's endorsement; a principal's submission endorses).
 * A submitted request without one was changed after the endorsement, which cleared it: it waits
 * for the principal again before the specialists take it up.
 */
export function endorsementText(request: RequestDetail, isPrincipal: boolean): string | null {
  if (request.endorsedByName) {
    const day = request.endorsedAt ? ` ${dayInSweden(request.endorsedAt)}` : '';
    return `Tillstyrkt av ${request.endorsedByName}${day}.`;
  }
  if (request.state === 'SUBMITTED') {
    return isPrincipal
      ? 'Begäran har ändrats sedan den tillstyrktes och behöver din tillstyrkan igen innan den bedöms.'
      : 'Begäran har ändrats sedan rektor tillstyrkte den. Rektor behöver tillstyrka den igen innan den bedöms.';
  }
  if (request.state !== 'DRAFT') return null;
  if (request.decline) {
    return isPrincipal
      ? 'Du har avstyrkt begäran. Beställaren kan ändra den, och du kan tillstyrka den när den är rätt.'
      : 'Rektor har avstyrkt begäran. Ändra den utifrån skälet; rektor får den då för tillstyrkan igen.';
  }
  return isPrincipal
    ? 'Begäran är inte tillstyrkt. Skickar du in den räknas det som din tillstyrkan.'
    : 'Rektor har inte tillstyrkt begäran än. När rektor har tillstyrkt den kan du skicka in den; rektor hittar utkastet under Begäranden.';
}
