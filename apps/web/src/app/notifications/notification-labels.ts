import {
  type Notification,
  type NotificationKind,
  type Role,
  mayCall,
} from '@licensregistret/domain';

import { navigationArea } from '../core/layout/navigation';

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  REQUEST_SUBMITTED: 'Ny begäran',
  REQUEST_DECIDED: 'Beslut',
  REQUEST_COVERED: 'Finns redan',
  INFO_REQUESTED: 'Komplettering begärd',
  INFO_ANSWERED: 'Komplettering inkommen',
  ENDORSEMENT_WANTED: 'Tillstyrkan behövs',
};

/**
 * Where a notification's link goes: the request's page for those who may use the request area,
 * the decision routine for the reviewers who may not; nowhere without a request.
 */
export function notificationLink(
  notification: Pick<Notification, 'requestId'>,
  roles: readonly Role[] | null,
): string[] | null {
  if (!notification.requestId) return null;
  const requests = navigationArea('begaranden');
  if (mayCall(requests.roles, roles)) return ['/', requests.path, notification.requestId];
  const decisions = navigationArea('beslut');
  return mayCall(decisions.roles, roles) ? ['/', decisions.path] : null;
}
