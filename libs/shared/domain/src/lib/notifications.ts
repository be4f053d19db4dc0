import type { ReviewKind } from './reviews';

/** Why a person is told something. */
export const NOTIFICATION_KINDS = [
  'REQUEST_SUBMITTED',
  'REQUEST_DECIDED',
  'REQUEST_COVERED',
  'INFO_REQUESTED',
  'INFO_ANSWERED',
  'ENDORSEMENT_WANTED',
  'REMINDER',
  'REQUEST_ENDORSED',
  'REQUEST_DECLINED',
  'REVIEW_WANTED',
  'REVIEW_SAVED',
  'REVIEWS_COMPLETE',
  'DECISION_PROPOSED',
  'DECISION_CORRECTED',
  'REQUEST_JOINED',
  'REQUEST_IMPLEMENTED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Notification {
  id: string;
  kind: NotificationKind;
  subject: string;
  body: string;
  /** The request it concerns, to link to. */
  requestId: string | null;
  /** With `reviewKind`: the link leads to this service's review form of that kind. */
  serviceId: string | null;
  reviewKind: ReviewKind | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  rows: Notification[];
  /** Null when asked `withTotal=false`, as for every list. */
  total: number | null;
  unread: number;
}
