import type { NotificationKind } from './notifications';
import { type ApprovalBlocker, REVIEW_KINDS, REVIEW_KIND_LABELS, type ReviewKind } from './reviews';

/**
 * Who is told when a request or a service's review changes hands: one row per move or event,
 * with the notification's kind, its Swedish subject and body, and where its link leads. The API
 * writes the notifications (and their e-mails, the outbox) in the same transaction as the move,
 * so a refused move tells nobody. The actor is never told of their own move.
 */
export const HAND_OFF_EVENTS = [
  'REQUEST_CREATED',
  'CHANGED_AFTER_ENDORSEMENT',
  'ENDORSED',
  'DECLINED',
  'CHANGED_AFTER_DECLINE',
  'SUBMITTED',
  'REVIEW_WANTED',
  'REVIEW_DUE_AFTER_CHANGE',
  'REVIEW_SAVED',
  'REVIEWS_COMPLETE',
  'INFO_REQUESTED',
  'INFO_ANSWERED',
  'DECISION_PROPOSED',
  'DECIDED',
  'DECISION_CORRECTED',
  'DECISION_REOPENED',
  'COVERED',
  'IMPLEMENTED',
] as const;
export type HandOffEvent = (typeof HAND_OFF_EVENTS)[number];

/**
 * Who is told:
 * - `REQUESTER`: the person who made the request;
 * - `UNIT_PRINCIPALS`: the request's unit's principal and every principal acting for the unit;
 * - `SPECIALISTS`: every object specialist;
 * - `SPECIALIST_IN_CHARGE`: the object specialist who last moved the request (triage, review,
 *   question, proposal), or every object specialist when none has yet;
 * - `OBJECT_MANAGERS`: every object manager;
 * - `REVIEWERS_MISSING_OR_DUE`: for each review of the service that is missing, expired or due
 *   again after a change, every account with the role that makes it (REVIEW_ROLE);
 * - `JOINED_UNITS`: for each unit that joined the request's demand ("Anslut min enhet"), the
 *   person who joined it and the unit's principals.
 */
export const HAND_OFF_RECIPIENTS = [
  'REQUESTER',
  'UNIT_PRINCIPALS',
  'SPECIALISTS',
  'SPECIALIST_IN_CHARGE',
  'OBJECT_MANAGERS',
  'REVIEWERS_MISSING_OR_DUE',
  'JOINED_UNITS',
] as const;
export type HandOffRecipient = (typeof HAND_OFF_RECIPIENTS)[number];

/**
 * Where the notification's link leads: the request (the school's request page, or for the
 * routine's roles the queue with the request's decision panel open), or the review form of the
 * kind the recipient makes.
 */
export type HandOffLink = 'REQUEST' | 'REVIEW_FORM';

/** What a hand-off's texts may tell: the request's and the move's facts, as far as they exist. */
export interface HandOffFacts {
  /** The request's number, tool and unit (absent for a service's change without a request). */
  number?: number;
  toolName: string;
  unitName?: string;
  pupilCount?: number;
  /** Who made the move, by name. */
  actorName: string;
  /** The move's text: a question, an answer, a decision's explanation, a change's description. */
  text?: string;
  /** The question an answer answers. */
  question?: string;
  /** The review that was saved or is wanted. */
  reviewKind?: ReviewKind;
  /** A review's or decision's outcome, in Swedish. */
  outcomeLabel?: string;
  /** A decision's reasons, in Swedish, and its conditions. */
  reasonLabels?: string[];
  conditions?: string;
  /** The outcome a corrected or reopened decision had, in Swedish. */
  previousOutcomeLabel?: string;
  /** Why an object manager corrected or reopened a decision. */
  correctionReason?: string;
  /** The request's fields changed after the endorsement or the decline, in Swedish. */
  changedFields?: string;
  /** The covering agreement and its end. */
  agreementNumber?: string;
  endsOn?: string;
  /** An implementing licence's start. */
  startsOn?: string;
}

export interface HandOff {
  kind: NotificationKind;
  tell: readonly HandOffRecipient[];
  link: HandOffLink;
  subject: (facts: HandOffFacts) => string;
  body: (facts: HandOffFacts) => string;
}

const lines = (...parts: (string | false | undefined | null)[]): string =>
  parts.filter((part): part is string => Boolean(part && part.trim())).join('\n');

const request = (facts: HandOffFacts): string => `Begäran ${facts.number}`;

const reviewLabel = (facts: HandOffFacts): string =>
  facts.reviewKind ? REVIEW_KIND_LABELS[facts.reviewKind] : 'Granskning';

export const HAND_OFFS: Record<HandOffEvent, HandOff> = {
  REQUEST_CREATED: {
    kind: 'ENDORSEMENT_WANTED',
    tell: ['UNIT_PRINCIPALS'],
    link: 'REQUEST',
    subject: (f) => `${request(f)} väntar på din tillstyrkan`,
    body: (f) => `${f.actorName} har begärt ${f.toolName} för ${f.unitName}.`,
  },
  CHANGED_AFTER_ENDORSEMENT: {
    kind: 'ENDORSEMENT_WANTED',
    tell: ['UNIT_PRINCIPALS'],
    link: 'REQUEST',
    subject: (f) => `${request(f)} har ändrats och behöver tillstyrkas igen`,
    body: (f) =>
      `${f.actorName} ändrade ${f.changedFields} i begäran om ${f.toolName} för ${f.unitName} efter att den tillstyrkts. Tillstyrkan gäller inte längre.`,
  },
  ENDORSED: {
    kind: 'REQUEST_ENDORSED',
    tell: ['REQUESTER'],
    link: 'REQUEST',
    subject: (f) => `${request(f)}: ${f.toolName} är tillstyrkt`,
    body: (f) =>
      lines(
        `${f.actorName} har tillstyrkt begäran om ${f.toolName} för ${f.unitName}.`,
        'Är den inte redan inskickad kan du nu skicka in den.',
      ),
  },
  DECLINED: {
    kind: 'REQUEST_DECLINED',
    tell: ['REQUESTER'],
    link: 'REQUEST',
    subject: (f) => `${request(f)}: ${f.toolName} avstyrktes av rektor`,
    body: (f) =>
      lines(
        `${f.actorName} avstyrkte begäran om ${f.toolName} för ${f.unitName}.`,
        `Skäl: ${f.text ?? ''}`,
        'Du kan ändra begäran; rektor får den då för tillstyrkan igen.',
      ),
  },
  CHANGED_AFTER_DECLINE: {
    kind: 'ENDORSEMENT_WANTED',
    tell: ['UNIT_PRINCIPALS'],
    link: 'REQUEST',
    subject: (f) => `${request(f)} har ändrats efter avstyrkan`,
    body: (f) =>
      `${f.actorName} ändrade ${f.changedFields} i begäran om ${f.toolName} för ${f.unitName} efter att den avstyrkts. Den väntar på din tillstyrkan.`,
  },
  SUBMITTED: {
    kind: 'REQUEST_SUBMITTED',
    tell: ['SPECIALISTS'],
    link: 'REQUEST',
    subject: (f) => `Ny begäran ${f.number}: ${f.toolName}`,
    body: (f) =>
      `${f.unitName} begär ${f.toolName} (${f.pupilCount} elever). Behov: ${f.text ?? ''}`.trim(),
  },
  REVIEW_WANTED: {
    kind: 'REVIEW_WANTED',
    tell: ['REVIEWERS_MISSING_OR_DUE'],
    link: 'REVIEW_FORM',
    subject: (f) => `${reviewLabel(f)} behövs: ${f.toolName}`,
    body: (f) =>
      `${f.actorName} har börjat granska ${request(f).toLowerCase()} om ${f.toolName} för ${f.unitName}. ${reviewLabel(f)} saknas eller ska göras om.`,
  },
  REVIEW_DUE_AFTER_CHANGE: {
    kind: 'REVIEW_WANTED',
    tell: ['REVIEWERS_MISSING_OR_DUE'],
    link: 'REVIEW_FORM',
    subject: (f) => `${reviewLabel(f)} ska göras om: ${f.toolName}`,
    body: (f) => lines(`${f.actorName} rapporterade en ändring av ${f.toolName}:`, f.text ?? ''),
  },
  REVIEW_SAVED: {
    kind: 'REVIEW_SAVED',
    tell: ['SPECIALIST_IN_CHARGE'],
    link: 'REQUEST',
    subject: (f) => `${request(f)}: ${reviewLabel(f)} ${f.outcomeLabel?.toLowerCase()}`,
    body: (f) =>
      lines(
        `${f.actorName} har sparat ${reviewLabel(f).toLowerCase()} av ${f.toolName}: ${f.outcomeLabel}.`,
        f.conditions && `Villkor: ${f.conditions}`,
      ),
  },
  REVIEWS_COMPLETE: {
    kind: 'REVIEWS_COMPLETE',
    tell: ['SPECIALIST_IN_CHARGE'],
    link: 'REQUEST',
    subject: (f) => `${request(f)}: alla granskningar klara, dags att besluta`,
    body: (f) =>
      `${f.actorName} sparade den sista granskningen (${reviewLabel(f).toLowerCase()}) av ${f.toolName}. Alla granskningar är gjorda och inget hindrar ett godkännande.`,
  },
  INFO_REQUESTED: {
    kind: 'INFO_REQUESTED',
    tell: ['REQUESTER'],
    link: 'REQUEST',
    subject: (f) => `${request(f)}: komplettering begärd`,
    body: (f) => f.text ?? '',
  },
  INFO_ANSWERED: {
    kind: 'INFO_ANSWERED',
    tell: ['SPECIALIST_IN_CHARGE'],
    link: 'REQUEST',
    subject: (f) => `${request(f)}: kompletterad`,
    body: (f) => `Fråga: ${f.question ?? ''}\nSvar: ${f.text ?? ''}`,
  },
  DECISION_PROPOSED: {
    kind: 'DECISION_PROPOSED',
    tell: ['OBJECT_MANAGERS'],
    link: 'REQUEST',
    subject: (f) => `${request(f)}: beslutsförslag att fastställa (${f.outcomeLabel})`,
    body: (f) =>
      lines(
        `${f.actorName} föreslår ${f.outcomeLabel?.toLowerCase()} för ${f.toolName} (${f.unitName}). Kostnaden är över gränsen där objektledaren beslutar.`,
        f.reasonLabels?.length ? `Skäl: ${f.reasonLabels.join(', ')}.` : '',
        f.conditions && `Villkor: ${f.conditions}`,
        f.text,
      ),
  },
  DECIDED: {
    kind: 'REQUEST_DECIDED',
    tell: ['REQUESTER', 'UNIT_PRINCIPALS', 'JOINED_UNITS'],
    link: 'REQUEST',
    subject: (f) => `Beslut om begäran ${f.number}: ${f.outcomeLabel}`,
    body: (f) =>
      lines(
        `${f.toolName} för ${f.unitName}: ${f.outcomeLabel}.`,
        f.reasonLabels?.length ? `Skäl: ${f.reasonLabels.join(', ')}.` : '',
        f.conditions && `Villkor: ${f.conditions}`,
        f.text,
      ),
  },
  DECISION_CORRECTED: {
    kind: 'DECISION_CORRECTED',
    tell: ['REQUESTER', 'UNIT_PRINCIPALS', 'JOINED_UNITS'],
    link: 'REQUEST',
    subject: (f) => `Beslutet om begäran ${f.number} har rättats: ${f.outcomeLabel}`,
    body: (f) =>
      lines(
        `${f.toolName} för ${f.unitName}: ${f.outcomeLabel} (tidigare ${f.previousOutcomeLabel?.toLowerCase()}).`,
        `Varför beslutet rättades: ${f.correctionReason ?? ''}`,
        f.reasonLabels?.length ? `Skäl: ${f.reasonLabels.join(', ')}.` : '',
        f.conditions && `Villkor: ${f.conditions}`,
        f.text,
      ),
  },
  DECISION_REOPENED: {
    kind: 'DECISION_CORRECTED',
    tell: ['REQUESTER', 'UNIT_PRINCIPALS', 'JOINED_UNITS', 'SPECIALIST_IN_CHARGE'],
    link: 'REQUEST',
    subject: (f) => `Beslutet om begäran ${f.number} har öppnats för ny granskning`,
    body: (f) =>
      lines(
        `Beslutet (${f.previousOutcomeLabel?.toLowerCase()}) om ${f.toolName} för ${f.unitName} gäller inte längre; begäran granskas igen.`,
        `Varför: ${f.correctionReason ?? ''}`,
      ),
  },
  COVERED: {
    kind: 'REQUEST_COVERED',
    tell: ['REQUESTER', 'UNIT_PRINCIPALS'],
    link: 'REQUEST',
    subject: (f) => `${request(f)}: ${f.toolName} finns redan för er enhet`,
    body: (f) =>
      lines(
        `Enheten har redan ${f.toolName} genom avtal ${f.agreementNumber} (till ${f.endsOn}).`,
        f.text,
      ),
  },
  IMPLEMENTED: {
    kind: 'REQUEST_IMPLEMENTED',
    tell: ['REQUESTER', 'UNIT_PRINCIPALS', 'JOINED_UNITS'],
    link: 'REQUEST',
    subject: (f) => `${request(f)}: ${f.toolName} är infört`,
    body: (f) =>
      lines(
        f.agreementNumber
          ? `${f.toolName} är licensierat för ${f.unitName} genom avtal ${f.agreementNumber}, ${f.startsOn} till ${f.endsOn}.`
          : `${f.actorName} har markerat ${f.toolName} för ${f.unitName} som infört.`,
        'I katalogen står nu att er enhet har tjänsten.',
        f.text,
      ),
  },
};

/**
 * The reviews wanted of a service, from what blocks its approval: those missing, expired or due
 * again after a change (a rejected one has been made; it is the specialist's to act on).
 */
export function reviewKindsWanted(blockers: readonly ApprovalBlocker[]): ReviewKind[] {
  const wanted = new Set<ReviewKind>();
  for (const blocker of blockers) {
    if (
      'kind' in blocker &&
      (blocker.code === 'REVIEW_MISSING' ||
        blocker.code === 'REVIEW_EXPIRED' ||
        blocker.code === 'REVIEW_DUE_AGAIN')
    ) {
      wanted.add(blocker.kind);
    }
  }
  return REVIEW_KINDS.filter((kind) => wanted.has(kind));
}
