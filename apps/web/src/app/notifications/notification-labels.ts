import type { Params } from '@angular/router';

import {
  type Notification,
  type NotificationKind,
  REVIEW_ROLE,
  type Role,
  mayCall,
} from '@licensregistret/domain';

import { navigationArea } from '../core/layout/navigation';
import { DECISION_PATHS, requestParams, reviewPath } from '../decisions/decision-paths';

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  REQUEST_SUBMITTED: 'Ny begäran',
  REQUEST_DECIDED: 'Beslut',
  REQUEST_COVERED: 'Finns redan',
  INFO_REQUESTED: 'Komplettering begärd',
  INFO_ANSWERED: 'Komplettering inkommen',
  ENDORSEMENT_WANTED: 'Tillstyrkan behövs',
  REMINDER: 'Påminnelse',
  REQUEST_ENDORSED: 'Tillstyrkt',
  REQUEST_DECLINED: 'Avstyrkt',
  REVIEW_WANTED: 'Granskning behövs',
  REVIEW_SAVED: 'Granskning sparad',
  REVIEWS_COMPLETE: 'Granskningar klara',
  DECISION_PROPOSED: 'Beslutsförslag',
  DECISION_CORRECTED: 'Beslut ändrat',
  REQUEST_JOINED: 'Enhet ansluten',
  REQUEST_IMPLEMENTED: 'Verktyget är infört',
};

/** A link: the route's commands and its query parameters. */
export interface NotificationLink {
  commands: string[];
  queryParams: Params;
}

/**
 * Where a notification's link goes: a wanted review to its form, for the one who makes it; for
 * the decision routine's roles the queue with the request open in its side panel; for the
 * school's the request's page; nowhere without a request.
 */
export function notificationLink(
  notification: Pick<Notification, 'requestId'> &
    Partial<Pick<Notification, 'serviceId' | 'reviewKind'>>,
  roles: readonly Role[] | null,
): NotificationLink | null {
  const { serviceId, reviewKind } = notification;
  if (serviceId && reviewKind && roles?.includes(REVIEW_ROLE[reviewKind])) {
    return { commands: reviewPath(serviceId, reviewKind), queryParams: {} };
  }
  if (!notification.requestId) return null;
  if (mayCall(navigationArea('beslut').roles, roles)) {
    return { commands: [DECISION_PATHS.queue], queryParams: requestParams(notification.requestId) };
  }
  const requests = navigationArea('begaranden');
  return mayCall(requests.roles, roles)
    ? { commands: ['/', requests.path, notification.requestId], queryParams: {} }
    : null;
}
