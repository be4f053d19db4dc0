import type { ServiceCategory } from './catalogue';
import type { DecisionReason } from './decision-reasons';
import { organisationNumberProblem } from './organisation-number';
import type { Role } from './roles';

/** Where a request for a digital tool is in the routine (shared/domain.md). */
export const REQUEST_STATES = [
  'DRAFT',
  'SUBMITTED',
  'IN_TRIAGE',
  'QUEUED',
  'NEEDS_INFO',
  'IN_REVIEW',
  'ALREADY_COVERED',
  'DECIDED',
  'IMPLEMENTED',
  'WITHDRAWN',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  DRAFT: 'Utkast',
  SUBMITTED: 'Inskickad',
  IN_TRIAGE: 'Bedöms',
  QUEUED: 'Väntar på samlad bedömning',
  NEEDS_INFO: 'Komplettering begärd',
  IN_REVIEW: 'Granskas',
  ALREADY_COVERED: 'Finns redan',
  DECIDED: 'Beslutad',
  IMPLEMENTED: 'Införd',
  WITHDRAWN: 'Återtagen',
};

/** States in which the routine has ended; a request there can no longer be withdrawn. */
export const CLOSED_REQUEST_STATES: readonly RequestState[] = [
  'ALREADY_COVERED',
  'DECIDED',
  'IMPLEMENTED',
  'WITHDRAWN',
];

/**
 * Not closed, drafts included: what the school may still withdraw, and its "ongoing" requests.
 */
export const UNFINISHED_REQUEST_STATES: readonly RequestState[] = REQUEST_STATES.filter(
  (state) => !CLOSED_REQUEST_STATES.includes(state),
);

/**
 * Submitted and not closed: the requests the routine still holds. They count as demand, fill the
 * decision queue by default and the dashboard's age buckets, and are what the partial indexes
 * `request_open_tool_idx` and `request_open_submitted_idx` cover; their SQL repeats this list
 * (migrations are history), and a test compares the indexes' definitions with it.
 */
export const OPEN_REQUEST_STATES: readonly RequestState[] = UNFINISHED_REQUEST_STATES.filter(
  (state) => state !== 'DRAFT',
);

export const DECISION_OUTCOMES = ['APPROVED', 'APPROVED_WITH_CONDITIONS', 'REJECTED'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/**
 * Whether an outcome approves the tool (with or without conditions): only then must the service's
 * reviews and GDPR's stops allow it (approvalBlockers); a rejection needs none of them.
 */
export function isApproval(outcome: DecisionOutcome | '' | null | undefined): boolean {
  return outcome === 'APPROVED' || outcome === 'APPROVED_WITH_CONDITIONS';
}

export const DECISION_OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  APPROVED: 'Godkänd',
  APPROVED_WITH_CONDITIONS: 'Godkänd med villkor',
  REJECTED: 'Avslagen',
};

export const REQUEST_MOVES = [
  'ENDORSE',
  'DECLINE',
  'SUBMIT',
  'START_TRIAGE',
  'QUEUE',
  'UNQUEUE',
  'MARK_COVERED',
  'ASK_FOR_INFO',
  'ANSWER',
  'START_REVIEW',
  'PROPOSE_DECISION',
  'DECIDE',
  'CORRECT_DECISION',
  'REOPEN_DECISION',
  'IMPLEMENT',
  'WITHDRAW',
] as const;
export type RequestMove = (typeof REQUEST_MOVES)[number];

/** Whether a string (an event's kind, a query parameter) is a move of the routine. */
export function isRequestMove(kind: string): kind is RequestMove {
  return (REQUEST_MOVES as readonly string[]).includes(kind);
}

/** Who may make a move: by role, and for the school's roles only for their own unit. */
interface MoveRule {
  from: readonly RequestState[];
  /** The state after the move; `SAME` keeps it, `PREVIOUS` returns to where it was before. */
  to: RequestState | 'SAME' | 'PREVIOUS';
  roles: readonly Role[];
  /** The school's roles act only for the request's own unit. */
  ownUnitOnly: boolean;
  label: string;
}

const SCHOOL: readonly Role[] = ['REQUESTER', 'PRINCIPAL'];

/** The routine: from where, to where, and by whom each move is made. */
export const REQUEST_ROUTINE: Record<RequestMove, MoveRule> = {
  ENDORSE: {
    // Once submitted, again after a change by someone else has cleared the endorsement.
    from: ['DRAFT', 'SUBMITTED'],
    to: 'SAME',
    roles: ['PRINCIPAL'],
    ownUnitOnly: true,
    label: 'Tillstyrk',
  },
  DECLINE: {
    // The principal sends it back to the requester with a reason, who may revise it and ask again.
    from: ['DRAFT', 'SUBMITTED'],
    to: 'DRAFT',
    roles: ['PRINCIPAL'],
    ownUnitOnly: true,
    label: 'Avstyrk',
  },
  SUBMIT: {
    from: ['DRAFT'],
    to: 'SUBMITTED',
    roles: SCHOOL,
    ownUnitOnly: true,
    label: 'Skicka in',
  },
  START_TRIAGE: {
    from: ['SUBMITTED'],
    to: 'IN_TRIAGE',
    roles: ['OBJECT_SPECIALIST'],
    ownUnitOnly: false,
    label: 'Börja bedöma',
  },
  QUEUE: {
    from: ['IN_TRIAGE'],
    to: 'QUEUED',
    roles: ['OBJECT_SPECIALIST'],
    ownUnitOnly: false,
    label: 'Spara till samlad bedömning',
  },
  UNQUEUE: {
    from: ['QUEUED'],
    to: 'IN_TRIAGE',
    roles: ['OBJECT_SPECIALIST'],
    ownUnitOnly: false,
    label: 'Ta upp igen',
  },
  MARK_COVERED: {
    from: ['IN_TRIAGE'],
    to: 'ALREADY_COVERED',
    roles: ['OBJECT_SPECIALIST'],
    ownUnitOnly: false,
    label: 'Finns redan för enheten',
  },
  ASK_FOR_INFO: {
    from: ['IN_TRIAGE', 'IN_REVIEW'],
    to: 'NEEDS_INFO',
    roles: ['OBJECT_SPECIALIST'],
    ownUnitOnly: false,
    label: 'Begär komplettering',
  },
  ANSWER: {
    from: ['NEEDS_INFO'],
    to: 'PREVIOUS',
    roles: SCHOOL,
    ownUnitOnly: true,
    label: 'Komplettera',
  },
  START_REVIEW: {
    from: ['IN_TRIAGE'],
    to: 'IN_REVIEW',
    roles: ['OBJECT_SPECIALIST'],
    ownUnitOnly: false,
    label: 'Börja granska',
  },
  PROPOSE_DECISION: {
    from: ['IN_REVIEW'],
    to: 'SAME',
    roles: ['OBJECT_SPECIALIST'],
    ownUnitOnly: false,
    label: 'Föreslå beslut',
  },
  DECIDE: {
    from: ['IN_REVIEW'],
    to: 'DECIDED',
    roles: ['OBJECT_SPECIALIST', 'OBJECT_MANAGER'],
    ownUnitOnly: false,
    label: 'Besluta',
  },
  CORRECT_DECISION: {
    // A new decision replaces the old one, which stays in the history. Once the tool is in use
    // (IMPLEMENTED) only another approval: ending its use is procurement's, through the licence.
    from: ['DECIDED', 'IMPLEMENTED'],
    to: 'SAME',
    roles: ['OBJECT_MANAGER'],
    ownUnitOnly: false,
    label: 'Rätta beslutet',
  },
  REOPEN_DECISION: {
    from: ['DECIDED'],
    to: 'IN_REVIEW',
    roles: ['OBJECT_MANAGER'],
    ownUnitOnly: false,
    label: 'Öppna granskningen igen',
  },
  IMPLEMENT: {
    from: ['DECIDED'],
    to: 'IMPLEMENTED',
    roles: ['OBJECT_SPECIALIST', 'PROCUREMENT'],
    ownUnitOnly: false,
    label: 'Markera som införd',
  },
  WITHDRAW: {
    from: UNFINISHED_REQUEST_STATES,
    to: 'WITHDRAWN',
    roles: SCHOOL,
    ownUnitOnly: true,
    label: 'Återta',
  },
};

/** What the routine needs to know of a request to judge a move. */
export interface RequestSnapshot {
  state: RequestState;
  /** The state before NEEDS_INFO, where an answer sends it back. */
  stateBeforeInfo: RequestState | null;
  unitId: string;
  /** The unit's principal has endorsed it. */
  endorsed: boolean;
  /** An object specialist's proposed decision awaits an object manager's confirmation. */
  proposedOutcome: DecisionOutcome | null;
  decidedOutcome: DecisionOutcome | null;
  /** The service's annual cost in SEK, as far as known; decides whether a manager confirms. */
  annualCost: number | null;
}

export interface RoutineActor {
  roles: readonly Role[];
  unitIds: readonly string[];
}

export interface RoutineSettings {
  /** Above this annual cost (SEK), a decision is proposed by a specialist and made by a manager. */
  confirmationThreshold: number;
}

/** What a move carries: text, a decision, a covering licence, why a decision is corrected. */
export interface MoveInput {
  text?: string;
  /** CORRECT_DECISION and REOPEN_DECISION: why the decision is corrected or reopened (logged). */
  correctionReason?: string;
  outcome?: DecisionOutcome;
  reasons?: readonly DecisionReason[];
  conditions?: string;
  licenceId?: string;
}

/** Why a move is refused: 403 for who, 409 for when, 400 for what it lacks (naming the field). */
export type MoveProblem =
  | { status: 403; message: string }
  | { status: 409; message: string }
  | { status: 400; field: string; message: string };

/** Whether a decision must be made by an object manager rather than the specialist. */
export function needsManagerConfirmation(
  request: RequestSnapshot,
  settings: RoutineSettings,
): boolean {
  return request.annualCost !== null && request.annualCost > settings.confirmationThreshold;
}

/** The state a move leads to from the request's state. */
export function stateAfter(move: RequestMove, request: RequestSnapshot): RequestState {
  const to = REQUEST_ROUTINE[move].to;
  if (to === 'SAME') return request.state;
  if (to === 'PREVIOUS') return request.stateBeforeInfo ?? 'IN_TRIAGE';
  return to;
}

/** Who and when: the problem with making this move now, ignoring what it carries. */
function whoAndWhen(
  move: RequestMove,
  request: RequestSnapshot,
  actor: RoutineActor,
  settings: RoutineSettings,
): MoveProblem | null {
  const rule = REQUEST_ROUTINE[move];
  const role = rule.roles.find((candidate) => actor.roles.includes(candidate));
  if (!role) {
    return { status: 403, message: `${move} is for ${rule.roles.join(' or ')}` };
  }
  if (rule.ownUnitOnly && !actor.unitIds.includes(request.unitId)) {
    return { status: 403, message: `${move} is only for the request's own school unit` };
  }
  if (!rule.from.includes(request.state)) {
    return { status: 409, message: `${move} is not possible from ${request.state}` };
  }
  switch (move) {
    case 'ENDORSE':
      return request.endorsed ? { status: 409, message: 'the request is already endorsed' } : null;
    case 'DECLINE':
      // Only what awaits the principal: an endorsed request goes on, or the school withdraws it.
      return request.endorsed
        ? { status: 409, message: 'an endorsed request is not declined' }
        : null;
    case 'START_TRIAGE':
      // A submitted request changed after its endorsement waits for the principal again.
      return request.endorsed
        ? null
        : { status: 409, message: 'the principal must endorse the changed request first' };
    case 'PROPOSE_DECISION':
      return needsManagerConfirmation(request, settings)
        ? null
        : {
            status: 409,
            message: 'below the confirmation threshold the specialist decides directly',
          };
    case 'DECIDE': {
      const confirming = needsManagerConfirmation(request, settings);
      if (confirming && !actor.roles.includes('OBJECT_MANAGER')) {
        return { status: 403, message: 'above the threshold an object manager makes the decision' };
      }
      if (confirming && request.proposedOutcome === null) {
        return { status: 409, message: 'an object specialist proposes the decision first' };
      }
      if (!confirming && !actor.roles.includes('OBJECT_SPECIALIST')) {
        return { status: 403, message: 'below the threshold an object specialist decides' };
      }
      return null;
    }
    case 'IMPLEMENT':
      return request.decidedOutcome === 'REJECTED'
        ? { status: 409, message: 'a rejected request is not implemented' }
        : null;
    default:
      return null;
  }
}

/** A field a move's body lacks or gets wrong, and why (in English; the UI words it itself). */
export interface FieldProblem<F extends string = string> {
  field: F;
  message: string;
}

/** The fields of a move's body the routine checks. */
export type MoveInputField =
  'text' | 'licenceId' | 'outcome' | 'reasons' | 'conditions' | 'correctionReason';

/**
 * What a move must carry, every field that is missing, in the order the API names the first:
 * a question or an answer its text; finding it covered the licence; a decision (proposed or
 * made) its outcome, and a rejection at least one reason and an explanation, an approval with
 * conditions the conditions; a decline its reason; a correction its reason and the new decision,
 * reopening its reason. The API refuses the first; a form shows them all.
 */
export function moveInputProblems(
  move: RequestMove,
  input: MoveInput,
): FieldProblem<MoveInputField>[] {
  switch (move) {
    case 'ASK_FOR_INFO':
    case 'ANSWER':
      return input.text?.trim()
        ? []
        : [{ field: 'text', message: 'write the question or the answer' }];
    case 'MARK_COVERED':
      return input.licenceId
        ? []
        : [{ field: 'licenceId', message: 'name the licence that already covers the unit' }];
    case 'DECLINE':
      return input.text?.trim()
        ? []
        : [{ field: 'text', message: 'write why the request is declined' }];
    case 'PROPOSE_DECISION':
    case 'DECIDE':
      return decisionInputProblems(input);
    case 'CORRECT_DECISION':
      return [...correctionReasonProblems(input), ...decisionInputProblems(input)];
    case 'REOPEN_DECISION':
      return correctionReasonProblems(input);
    default:
      return [];
  }
}

function correctionReasonProblems(input: MoveInput): FieldProblem<MoveInputField>[] {
  return input.correctionReason?.trim()
    ? []
    : [{ field: 'correctionReason', message: 'write why the decision is changed' }];
}

function decisionInputProblems(input: MoveInput): FieldProblem<MoveInputField>[] {
  if (!input.outcome) return [{ field: 'outcome', message: 'choose an outcome' }];
  const problems: FieldProblem<MoveInputField>[] = [];
  if (input.outcome === 'REJECTED') {
    if (!input.reasons || input.reasons.length === 0) {
      problems.push({
        field: 'reasons',
        message: 'a rejection names at least one of the five reasons',
      });
    }
    if (!input.text?.trim()) {
      problems.push({ field: 'text', message: 'a rejection explains itself to the school' });
    }
  }
  if (input.outcome === 'APPROVED_WITH_CONDITIONS' && !input.conditions?.trim()) {
    problems.push({ field: 'conditions', message: 'write the conditions' });
  }
  return problems;
}

/** What the move must carry: the endorsement a submission waits for, then the body's fields. */
function whatItCarries(
  move: RequestMove,
  request: RequestSnapshot,
  actor: RoutineActor,
  input: MoveInput,
): MoveProblem | null {
  if (move === 'SUBMIT' && awaitsEndorsement(request, actor)) {
    return {
      status: 400,
      field: 'endorsement',
      message: 'the principal must endorse the request first',
    };
  }
  const [first] = moveInputProblems(move, input);
  if (first) return { status: 400, ...first };
  if (
    move === 'CORRECT_DECISION' &&
    request.state === 'IMPLEMENTED' &&
    !isApproval(input.outcome)
  ) {
    return {
      status: 409,
      message: 'an implemented request is corrected to another approval; its licence ends first',
    };
  }
  return null;
}

/** How a new tool enters review: as a catalogue service, or a new one with supplier and category. */
export interface NewToolReviewInput {
  /** The catalogue service the tool turned out to be; when given, nothing else is needed. */
  serviceId?: string;
  /** The new service's supplier: one of the registry's ... */
  supplierId?: string;
  /** ... or a new one by organisation number (named as the request named it). */
  supplierOrganisationNumber?: string;
  category?: ServiceCategory | '';
}

export type NewToolReviewField =
  'serviceId' | 'supplierId' | 'supplierOrganisationNumber' | 'category';

/**
 * What starting the review of a request for a tool not in the catalogue needs (START_REVIEW
 * while the request has no service): the catalogue service it is, or else the new service's
 * supplier (existing, or new by a valid organisation number) and its category. Every problem,
 * supplier before category; the API refuses the first.
 */
export function newToolReviewProblems(
  input: NewToolReviewInput,
): FieldProblem<NewToolReviewField>[] {
  if (input.serviceId !== undefined) {
    return input.serviceId
      ? []
      : [{ field: 'serviceId', message: 'serviceId must be a catalogue service' }];
  }
  const problems: FieldProblem<NewToolReviewField>[] = [];
  if (input.supplierId !== undefined) {
    if (!input.supplierId) {
      problems.push({ field: 'supplierId', message: 'supplierId must be a supplier' });
    }
  } else if (input.supplierOrganisationNumber !== undefined) {
    if (organisationNumberProblem(input.supplierOrganisationNumber) !== null) {
      problems.push({
        field: 'supplierOrganisationNumber',
        message: 'supplierOrganisationNumber must be a valid organisation number',
      });
    }
  } else {
    problems.push({
      field: 'supplierId',
      message: 'name the supplier: supplierId, or supplierOrganisationNumber for a new one',
    });
  }
  if (!input.category) {
    problems.push({ field: 'category', message: 'choose the category of the new service' });
  }
  return problems;
}

/** The first problem with making `move` now with `input`, or null when it may be made. */
export function moveProblem(
  move: RequestMove,
  request: RequestSnapshot,
  actor: RoutineActor,
  settings: RoutineSettings,
  input: MoveInput = {},
): MoveProblem | null {
  return whoAndWhen(move, request, actor, settings) ?? whatItCarries(move, request, actor, input);
}

/** A requester submits only once the principal has endorsed; a principal's submission endorses. */
function awaitsEndorsement(request: RequestSnapshot, actor: RoutineActor): boolean {
  return !request.endorsed && !actor.roles.includes('PRINCIPAL');
}

/**
 * The moves this actor may offer on this request now (what the UI shows as buttons): those the
 * routine allows them from here, leaving out a submission still waiting for the endorsement.
 */
export function availableMoves(
  request: RequestSnapshot,
  actor: RoutineActor,
  settings: RoutineSettings,
): RequestMove[] {
  return REQUEST_MOVES.filter(
    (move) =>
      whoAndWhen(move, request, actor, settings) === null &&
      !(move === 'SUBMIT' && awaitsEndorsement(request, actor)),
  );
}
