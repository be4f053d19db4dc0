import type { Params } from '@angular/router';

import {
  ACCESS_POLICY,
  REVIEW_ROLE,
  type Role,
  type TodoItem,
  mayCall,
} from '@licensregistret/domain';

import { AGREEMENT_PATHS } from '../agreements/agreement-paths';
import { navigationArea } from '../core/layout/navigation';
import { DECISION_PATHS, requestParams, reviewPath } from '../decisions/decision-paths';
import { requestRoute } from '../requests/request-paths';

export interface TodoLink {
  commands: string[];
  queryParams: Params;
}

/**
 * Where a row's action is: a review form for the one who makes it; an agreement's page; an
 * approved request's "Licensiera" page for procurement; a request in the decision queue's side
 * panel for the routine's roles, or its page for the school's.
 */
export function todoLink(
  item: Pick<TodoItem, 'action' | 'requestId' | 'serviceId' | 'reviewKind' | 'agreementId'>,
  roles: readonly Role[] | null,
): TodoLink | null {
  if (
    item.action === 'IMPLEMENT' &&
    item.requestId &&
    mayCall(ACCESS_POLICY['POST /api/licences/from-requests'], roles)
  ) {
    return { commands: [AGREEMENT_PATHS.licensing(item.requestId)], queryParams: {} };
  }
  if (item.serviceId && item.reviewKind && roles?.includes(REVIEW_ROLE[item.reviewKind])) {
    return { commands: reviewPath(item.serviceId, item.reviewKind), queryParams: {} };
  }
  if (item.agreementId) {
    const agreements = navigationArea('avtal');
    return mayCall(agreements.roles, roles)
      ? { commands: ['/', agreements.path, item.agreementId], queryParams: {} }
      : null;
  }
  if (!item.requestId) return null;
  if (mayCall(navigationArea('beslut').roles, roles)) {
    return { commands: [DECISION_PATHS.queue], queryParams: requestParams(item.requestId) };
  }
  return mayCall(navigationArea('begaranden').roles, roles)
    ? { commands: requestRoute(item.requestId), queryParams: {} }
    : null;
}
