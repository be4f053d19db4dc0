import {
  DECISION_REASONS,
  type DecisionOutcome,
  type DecisionReason,
  type MoveRequest,
  type RequestDetail,
  type RequestMove,
  type ServiceCategory,
  isApproval,
  moveInputProblems,
  newToolReviewProblems,
  organisationNumberMessage,
} from '@licensregistret/domain';

import { checked, flagsOf } from '../../../shared/forms/flags';
import type { FieldMessages, FormErrors } from '../../../shared/forms/form-errors';

/** How a new tool enters review: linked to a service of the registry, or created under review. */
export type ServiceChoice = 'EXISTING_SERVICE' | 'NEW_SERVICE';
/** Whose service a new one is: a supplier of the registry, or a new one by organisation number. */
export type SupplierChoice = 'EXISTING_SUPPLIER' | 'NEW_SUPPLIER';

/** Every field any move's form has; each move reads only its own. */
export interface MoveFormValue {
  text: string;
  licenceId: string;
  outcome: DecisionOutcome | '';
  reasons: Record<DecisionReason, boolean>;
  conditions: string;
  serviceChoice: ServiceChoice;
  serviceId: string;
  supplierChoice: SupplierChoice;
  supplierId: string;
  supplierOrganisationNumber: string;
  category: ServiceCategory | '';
  /** The catalogue's description of the service, in the specialist's words. */
  description: string;
  /** An approval's conditions as the public list shows them. */
  publicConditions: string;
  /** Why an object manager corrects or reopens a decision. */
  correctionReason: string;
}

export function emptyMoveForm(): MoveFormValue {
  return {
    text: '',
    licenceId: '',
    outcome: '',
    reasons: flagsOf(DECISION_REASONS),
    conditions: '',
    serviceChoice: 'NEW_SERVICE',
    serviceId: '',
    supplierChoice: 'EXISTING_SUPPLIER',
    supplierId: '',
    supplierOrganisationNumber: '',
    category: '',
    description: '',
    publicConditions: '',
    correctionReason: '',
  };
}

/**
 * The form's value for a move on this request: a manager's decision starts from the proposal, a
 * correction from the decision it corrects.
 */
export function moveFormFor(move: RequestMove, request: RequestDetail): MoveFormValue {
  const value = emptyMoveForm();
  const proposal = request.proposal;
  const decision = request.decision;
  if (move === 'CORRECT_DECISION' && decision) {
    return {
      ...value,
      outcome: decision.outcome,
      reasons: flagsOf(DECISION_REASONS, decision.reasons),
      text: decision.text,
      conditions: decision.conditions,
      publicConditions: decision.publicConditions,
    };
  }
  if (move === 'DECIDE' && proposal) {
    return {
      ...value,
      outcome: proposal.outcome,
      reasons: flagsOf(DECISION_REASONS, proposal.reasons),
      text: proposal.text,
      conditions: proposal.conditions,
      publicConditions: proposal.publicConditions ?? '',
    };
  }
  return value;
}

/** TEXT: a question, an answer or a decline; REOPEN: only why the decision is reopened. */
export type MoveForm = 'TEXT' | 'LICENCE' | 'NEW_TOOL' | 'DECISION' | 'REOPEN';

/** Moves that ask for confirmation, showing what will be decided and who will be told. */
export const CONFIRMED_MOVES: readonly RequestMove[] = [
  'DECIDE',
  'CORRECT_DECISION',
  'REOPEN_DECISION',
];

/** The form a move needs on this request, or null when it carries nothing and is made at once. */
export function moveForm(move: RequestMove, request: RequestDetail): MoveForm | null {
  switch (move) {
    case 'ASK_FOR_INFO':
    case 'ANSWER':
    case 'DECLINE':
      return 'TEXT';
    case 'MARK_COVERED':
      return 'LICENCE';
    case 'START_REVIEW':
      return request.serviceId === null ? 'NEW_TOOL' : null;
    case 'PROPOSE_DECISION':
    case 'DECIDE':
    case 'CORRECT_DECISION':
      return 'DECISION';
    case 'REOPEN_DECISION':
      return 'REOPEN';
    default:
      return null;
  }
}

/** Messages per request field (MoveRequest's property names), for this form's and the API's checks. */
export const MOVE_MESSAGES: Record<string, FieldMessages> = {
  text: { invalid: 'Skriv texten.' },
  licenceId: { invalid: 'Välj den licens som redan täcker skolenheten.' },
  outcome: { invalid: 'Välj ett beslut.' },
  reasons: { invalid: 'Ett avslag ska ange minst ett av de fem skälen.' },
  conditions: { invalid: 'Skriv villkoren.' },
  serviceId: { invalid: 'Välj den tjänst i registret som verktyget är.' },
  supplierId: {
    invalid: 'Välj leverantör.',
    duplicate: 'Det finns redan en leverantör med det namnet i registret. Välj den i listan.',
  },
  supplierOrganisationNumber: {
    invalid: 'Skriv leverantörens organisationsnummer som NNNNNN-NNNN.',
  },
  category: { invalid: 'Välj kategori för tjänsten.' },
  correctionReason: { invalid: 'Skriv varför beslutet ändras. Skälet sparas i historiken.' },
};

/** The text field's message depends on what the text is. */
const TEXT_MESSAGES: Partial<Record<RequestMove, string>> = {
  ASK_FOR_INFO: 'Skriv frågan till skolan.',
  ANSWER: 'Skriv svaret.',
  PROPOSE_DECISION: 'Ett avslag ska förklaras för skolan.',
  DECIDE: 'Ett avslag ska förklaras för skolan.',
  CORRECT_DECISION: 'Ett avslag ska förklaras för skolan.',
  DECLINE: 'Skriv varför du avstyrker begäran.',
};

/** The control each field's messages point to. */
export const MOVE_FIELD_IDS: Record<string, string> = {
  text: 'move-text',
  licenceId: 'move-licence',
  outcome: 'move-outcome-APPROVED',
  reasons: `move-reason-${DECISION_REASONS[0]}`,
  conditions: 'move-conditions',
  serviceId: 'move-service',
  supplierId: 'move-supplier',
  supplierOrganisationNumber: 'move-org-number',
  category: 'move-category',
  description: 'move-description',
  publicConditions: 'move-public-conditions',
  correctionReason: 'move-correction-reason',
};

/**
 * The routine's own rules (moveInputProblems and newToolReviewProblems in request-routine.ts) on
 * the body this form would send, so most mistakes stay in the form; every field at once.
 */
export function validateMove(
  move: RequestMove,
  value: MoveFormValue,
  request: RequestDetail,
): FormErrors {
  const fields: FormErrors['fields'] = {};
  const body = toMoveRequest(move, value, request);
  const problems =
    moveForm(move, request) === 'NEW_TOOL'
      ? newToolReviewProblems(body)
      : moveInputProblems(move, body);
  for (const { field } of problems) {
    const message =
      field === 'text'
        ? (TEXT_MESSAGES[move] ?? MOVE_MESSAGES.text.invalid)
        : field === 'supplierOrganisationNumber'
          ? (organisationNumberMessage(body.supplierOrganisationNumber) ??
            MOVE_MESSAGES[field].invalid)
          : MOVE_MESSAGES[field].invalid;
    fields[field] = [message];
  }
  return { fields, general: [] };
}

/** The body of the move: the version the panel shows, and what this move carries. */
export function toMoveRequest(
  move: RequestMove,
  value: MoveFormValue,
  request: RequestDetail,
): MoveRequest {
  const body: MoveRequest = { move, version: request.version };
  switch (moveForm(move, request)) {
    case 'TEXT':
      return { ...body, text: value.text.trim() };
    case 'LICENCE': {
      // The note to the school is optional here.
      const text = value.text.trim();
      return { ...body, licenceId: value.licenceId, ...(text ? { text } : {}) };
    }
    case 'NEW_TOOL':
      if (value.serviceChoice === 'EXISTING_SERVICE')
        return { ...body, serviceId: value.serviceId };
      return {
        ...body,
        ...(value.supplierChoice === 'EXISTING_SUPPLIER'
          ? { supplierId: value.supplierId }
          : { supplierOrganisationNumber: value.supplierOrganisationNumber.trim() }),
        category: value.category as ServiceCategory,
        ...(value.description.trim() ? { description: value.description.trim() } : {}),
      };
    case 'DECISION': {
      const outcome = value.outcome as DecisionOutcome;
      return {
        ...body,
        outcome,
        reasons: checked(value.reasons, DECISION_REASONS),
        text: value.text.trim(),
        conditions: outcome === 'APPROVED_WITH_CONDITIONS' ? value.conditions.trim() : '',
        ...(outcome === 'APPROVED_WITH_CONDITIONS' && value.publicConditions.trim()
          ? { publicConditions: value.publicConditions.trim() }
          : {}),
        ...(isApproval(outcome) && value.description.trim()
          ? { description: value.description.trim() }
          : {}),
        ...(move === 'CORRECT_DECISION' ? { correctionReason: value.correctionReason.trim() } : {}),
      };
    }
    case 'REOPEN':
      return { ...body, correctionReason: value.correctionReason.trim() };
    default:
      return body;
  }
}
