/** Why a person is told something. */
export const NOTIFICATION_KINDS = [
  'REQUEST_SUBMITTED',
  'REQUEST_DECIDED',
  'REQUEST_COVERED',
  'INFO_REQUESTED',
  'INFO_ANSWERED',
  'ENDORSEMENT_WANTED',
  'REMINDER',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Notification {
  id: string;
  kind: NotificationKind;
  subject: string;
  body: string;
  /** The request it concerns, to link to. */
  requestId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  rows: Notification[];
  /** Null when asked `withTotal=false`, as for every list. */
  total: number | null;
  unread: number;
}
