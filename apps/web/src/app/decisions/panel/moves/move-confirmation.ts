import {
  DECISION_OUTCOME_LABELS,
  DECISION_REASONS,
  type DecisionOutcome,
  HAND_OFFS,
  type HandOffEvent,
  type HandOffRecipient,
  type RequestDetail,
  type RequestMove,
} from '@licensregistret/domain';

import { checked } from '../../../shared/forms/flags';
import { reasonNames } from '../../decision-labels';
import type { MoveFormValue } from './move-form';

/** A decision's moves and the hand-off (libs/shared/domain hand-offs.ts) that says who is told. */
const HAND_OFF_OF: Partial<Record<RequestMove, HandOffEvent>> = {
  DECIDE: 'DECIDED',
  CORRECT_DECISION: 'DECISION_CORRECTED',
  REOPEN_DECISION: 'DECISION_REOPENED',
};

const COPY: Partial<Record<RequestMove, { heading: string; confirm: string }>> = {
  DECIDE: { heading: 'Bekräfta beslutet', confirm: 'Bekräfta beslut' },
  CORRECT_DECISION: { heading: 'Bekräfta det rättade beslutet', confirm: 'Bekräfta rättelsen' },
  REOPEN_DECISION: {
    heading: 'Bekräfta att granskningen öppnas igen',
    confirm: 'Öppna granskningen igen',
  },
};

export interface MoveConfirmation {
  heading: string;
  confirmLabel: string;
  /** What will be recorded, as the school and the history will read it. */
  facts: { term: string; value: string }[];
  /** Who will be told, in words. */
  told: string[];
}

function recipients(who: HandOffRecipient, request: RequestDetail): string[] {
  if (who === 'JOINED_UNITS') {
    return request.joinedUnits.map(
      (joined) => `${joined.joinedByName} och rektor för ${joined.unitName}, som anslöt sig`,
    );
  }
  return [recipient(who, request)];
}

function recipient(who: Exclude<HandOffRecipient, 'JOINED_UNITS'>, request: RequestDetail): string {
  switch (who) {
    case 'REQUESTER':
      return `${request.requesterName}, som gjorde begäran`;
    case 'UNIT_PRINCIPALS':
      return `Rektor för ${request.unitName}`;
    case 'SPECIALISTS':
      return 'Alla objektspecialister';
    case 'SPECIALIST_IN_CHARGE':
      return 'Objektspecialisten som har hand om begäran';
    case 'OBJECT_MANAGERS':
      return 'Objektledarna';
    case 'REVIEWERS_MISSING_OR_DUE':
      return 'Granskarna vars granskning saknas';
  }
}

/**
 * What the confirmation step of a decision, a correction or a reopening shows: the outcome,
 * reasons, explanation and conditions as they will be recorded, and who will be told. Null for
 * a move that is made without confirmation.
 */
export function moveConfirmation(
  move: RequestMove,
  value: MoveFormValue,
  request: RequestDetail,
): MoveConfirmation | null {
  const event = HAND_OFF_OF[move];
  const copy = COPY[move];
  if (!event || !copy) return null;
  const facts: MoveConfirmation['facts'] = [];
  if (move === 'REOPEN_DECISION') {
    const decision = request.decision;
    if (decision) {
      facts.push({
        term: 'Beslutet som inte längre gäller',
        value: DECISION_OUTCOME_LABELS[decision.outcome],
      });
    }
    facts.push({ term: 'Begäran går till', value: 'Granskning' });
  } else {
    const outcome = value.outcome as DecisionOutcome;
    if (move === 'CORRECT_DECISION' && request.decision) {
      facts.push({
        term: 'Beslut i dag',
        value: DECISION_OUTCOME_LABELS[request.decision.outcome],
      });
    }
    facts.push({
      term: move === 'CORRECT_DECISION' ? 'Nytt beslut' : 'Beslut',
      value: DECISION_OUTCOME_LABELS[outcome],
    });
    const reasons = outcome === 'REJECTED' ? checked(value.reasons, DECISION_REASONS) : [];
    if (reasons.length > 0) facts.push({ term: 'Skäl', value: reasonNames(reasons) });
    if (value.text.trim()) {
      facts.push({ term: 'Motivering till skolan', value: value.text.trim() });
    }
    facts.push({
      term: 'Villkor',
      value:
        outcome === 'APPROVED_WITH_CONDITIONS' && value.conditions.trim()
          ? value.conditions.trim()
          : 'Inga',
    });
    if (outcome === 'APPROVED_WITH_CONDITIONS' && value.publicConditions.trim()) {
      facts.push({ term: 'Villkor i den publika listan', value: value.publicConditions.trim() });
    }
    if (outcome !== 'REJECTED' && value.description.trim()) {
      facts.push({ term: 'Beskrivning i katalogen', value: value.description.trim() });
    }
  }
  if (move !== 'DECIDE') {
    facts.push({ term: 'Varför beslutet ändras', value: value.correctionReason.trim() });
  }
  return {
    heading: copy.heading,
    confirmLabel: copy.confirm,
    facts,
    told: HAND_OFFS[event].tell.flatMap((who) => recipients(who, request)),
  };
}
