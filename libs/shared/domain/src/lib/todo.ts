import type { ReviewKind } from './reviews';

/**
 * What waits for the signed-in person ("Att göra"), one row per thing to do:
 * - ENDORSE: a request of my unit waits for my endorsement (principal);
 * - SUBMIT: my endorsed draft waits to be sent in (requester);
 * - REVISE: the principal declined my request; it waits for me to change it (requester);
 * - ANSWER: a question to my unit's request waits for an answer (requester, principal);
 * - TRIAGE: a submitted, endorsed request waits to be triaged, or is in triage (specialist);
 * - REVIEW: a request in review waits for my review of its service (the reviewing roles);
 * - DECIDE: a request in review has every review in (specialist; above the threshold it
 *   proposes the decision);
 * - CONFIRM_DECISION: a proposed decision waits for confirmation (object manager);
 * - IMPLEMENT: an approved request waits for its licence ("Licensiera", procurement);
 * - REDO_REVIEW: my review of an approved or reviewed service is due again after a change or past
 *   its redo date (the reviewing roles);
 * - AGREEMENT_DEADLINE: an agreement I am responsible for (its owner, or procurement when it has
 *   none) needs a notice or extension decision, or ends soon with nothing to follow it.
 */
export const TODO_ACTIONS = [
  'ENDORSE',
  'SUBMIT',
  'REVISE',
  'ANSWER',
  'TRIAGE',
  'REVIEW',
  'DECIDE',
  'CONFIRM_DECISION',
  'IMPLEMENT',
  'REDO_REVIEW',
  'AGREEMENT_DEADLINE',
] as const;
export type TodoAction = (typeof TODO_ACTIONS)[number];

export const TODO_ACTION_LABELS: Record<TodoAction, string> = {
  ENDORSE: 'Tillstyrk eller avstyrk',
  SUBMIT: 'Skicka in',
  REVISE: 'Ändra efter avstyrkan',
  ANSWER: 'Svara på frågan',
  TRIAGE: 'Bedöm begäran',
  REVIEW: 'Gör din granskning',
  DECIDE: 'Besluta',
  CONFIRM_DECISION: 'Fastställ beslutet',
  IMPLEMENT: 'Licensiera',
  REDO_REVIEW: 'Gör om granskningen',
  AGREEMENT_DEADLINE: 'Ta ställning till avtalet',
};

/** One thing to do, and where it is done. */
export interface TodoItem {
  action: TodoAction;
  /** What it concerns, in Swedish: "Begäran 123: Polylino – Mellringeskolan 7-9". */
  title: string;
  /** A short detail in Swedish: the review's kind, the deadline, the proposal. */
  detail: string;
  /** Since when it has waited (ISO date-time). */
  since: string;
  /** The link target: the request (its page or decision panel) ... */
  requestId: string | null;
  /** ... a review form (service and kind) ... */
  serviceId: string | null;
  reviewKind: ReviewKind | null;
  /** ... or an agreement. */
  agreementId: string | null;
}

export interface TodoList {
  /** Oldest first; at most TODO_LIMIT rows. */
  rows: TodoItem[];
  /** How many things wait in all (the navigation's count), counting TODO_COUNT_CAP of each kind at most. */
  total: number;
  /** Some kind has more than TODO_COUNT_CAP waiting: the total is a floor ("1 000+"). */
  totalCapped: boolean;
}

/** The most rows the list answers with. */
export const TODO_LIMIT = 200;

/** The most things of one kind the total counts, so that the count stays cheap. */
export const TODO_COUNT_CAP = 1000;

/** The actions the list can be narrowed to, e.g. `?action=REVIEW` ("väntar på min granskning"). */
export interface TodoQuery {
  action?: TodoAction;
}
