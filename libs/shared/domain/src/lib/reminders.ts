import { type IsoDate, addDays } from './iso-date';
import { OPEN_REQUEST_STATES, type RequestState } from './request-routine';

/** What a reminder is about. */
export const REMINDER_KINDS = [
  'NOTICE_DEADLINE',
  'EXTENSION_DECISION',
  'AGREEMENT_EXPIRING',
  'REVIEW_DUE',
  'LICENCE_WITHOUT_DPA',
  'REQUEST_WAITING',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  NOTICE_DEADLINE: 'Sista dag för uppsägning närmar sig',
  EXTENSION_DECISION: 'Beslut om förlängning närmar sig',
  AGREEMENT_EXPIRING: 'Avtal löper ut utan uppföljning',
  REVIEW_DUE: 'Granskning ska göras om',
  LICENCE_WITHOUT_DPA: 'Licens utan undertecknat biträdesavtal',
  REQUEST_WAITING: 'Begäran har väntat länge',
};

/** How many days ahead each kind reminds, largest first; and how long a request may wait. */
export interface ReminderSettings {
  leadDays: Record<
    'NOTICE_DEADLINE' | 'EXTENSION_DECISION' | 'AGREEMENT_EXPIRING' | 'REVIEW_DUE',
    readonly number[]
  >;
  /** A request waiting longer than this in one open state reminds whoever holds it. */
  requestWaitingDays: number;
}

/**
 * The open states in which a request waiting longer than `requestWaitingDays` reminds whoever
 * holds it: every open state but QUEUED, on purpose. QUEUE ("Spara till samlad bedömning") parks
 * a request for the specialists' joint assessment of similar requests, so waiting there is the
 * routine working as meant, for as long as the next such assessment is away; a reminder every
 * time 14 days pass would only teach people to ignore reminders. UNQUEUE takes it up again, and
 * the clock starts anew in IN_TRIAGE.
 */
export const REQUEST_WAITING_STATES: readonly RequestState[] = OPEN_REQUEST_STATES.filter(
  (state) => state !== 'QUEUED',
);

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  leadDays: {
    NOTICE_DEADLINE: [120, 60, 30],
    EXTENSION_DECISION: [120, 60, 30],
    AGREEMENT_EXPIRING: [90, 30],
    REVIEW_DUE: [60, 30],
  },
  requestWaitingDays: 14,
};

/**
 * The step of a reminder that is due today for a deadline: the smallest lead time whose day has
 * come (`deadline - lead <= today`), so each step fires on its own day and, after days without a
 * scan, only the most urgent one is sent. Null before the first step's day and after the
 * deadline itself.
 */
export function dueStep(
  deadline: IsoDate,
  today: IsoDate,
  leadDays: readonly number[],
): number | null {
  if (today > deadline) return null;
  const reached = leadDays.filter((lead) => addDays(deadline, -lead) <= today);
  return reached.length === 0 ? null : Math.min(...reached);
}

/** The lead times of a deadline with the agreement's own internal lead time among them. */
export function withInternalLead(leadDays: readonly number[], internalLeadDays: number): number[] {
  return [...new Set([...leadDays, internalLeadDays])].sort((a, b) => b - a);
}
