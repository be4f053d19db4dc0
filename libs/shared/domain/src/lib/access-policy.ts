import { DOCUMENT_WRITERS, REVIEW_DOCUMENT_WRITERS } from './documents';
import type { Role } from './roles';

/**
 * Who may call a route: anyone, anyone signed in, or accounts having one of the listed roles.
 * Requesters and principals are further limited to their own units by the services.
 */
export type Access = 'PUBLIC' | 'SIGNED_IN' | readonly Role[];

/** The governance roles that see every unit's requests (not drafts) and the demand. */
export const GOVERNANCE: readonly Role[] = [
  'OBJECT_SPECIALIST',
  'OBJECT_MANAGER',
  'PROCUREMENT',
  'DATA_PROTECTION',
  'INFORMATION_SECURITY',
  'ADMIN',
  'READ_ONLY',
];

/**
 * The one table of who may call which API route. The API's guard denies any route missing here,
 * and a test walks every route × every role against it.
 */
export const ACCESS_POLICY = {
  'GET /api/health': 'PUBLIC',
  'GET /api/auth/config': 'PUBLIC',
  'POST /api/auth/login': 'PUBLIC',
  'POST /api/auth/logout': 'PUBLIC',
  'GET /api/auth/me': 'SIGNED_IN',
  'GET /api/auth/session': 'PUBLIC',
  'GET /api/auth/oidc/login': 'PUBLIC',
  'GET /api/auth/oidc/callback': 'PUBLIC',

  'GET /api/administrations': 'SIGNED_IN',
  'GET /api/school-units': 'SIGNED_IN',
  'GET /api/school-units/:id': 'SIGNED_IN',
  'POST /api/school-units': ['ADMIN'],
  'PATCH /api/school-units/:id': ['ADMIN'],
  'DELETE /api/school-units/:id': ['ADMIN'],
  'POST /api/school-units/import': ['ADMIN'],

  'GET /api/accounts': ['ADMIN'],
  'GET /api/accounts/:id': ['ADMIN'],
  'POST /api/accounts': ['ADMIN'],
  'PATCH /api/accounts/:id': ['ADMIN'],

  'GET /api/suppliers': 'SIGNED_IN',
  'GET /api/suppliers/export': 'SIGNED_IN',
  'GET /api/suppliers/:id': 'SIGNED_IN',
  'GET /api/suppliers/:id/history': 'SIGNED_IN',
  'POST /api/suppliers': ['PROCUREMENT', 'OBJECT_MANAGER', 'OBJECT_SPECIALIST'],
  'PATCH /api/suppliers/:id': ['PROCUREMENT', 'OBJECT_MANAGER', 'OBJECT_SPECIALIST'],

  'GET /api/services': 'SIGNED_IN',
  'GET /api/services/export': 'SIGNED_IN',
  'GET /api/services/:id': 'SIGNED_IN',
  'GET /api/services/:id/history': 'SIGNED_IN',
  'GET /api/services/:id/units-without-licence': 'SIGNED_IN',
  'POST /api/services': ['OBJECT_SPECIALIST', 'OBJECT_MANAGER'],
  'PATCH /api/services/:id': ['OBJECT_SPECIALIST', 'OBJECT_MANAGER'],
  'GET /api/catalogue': 'SIGNED_IN',
  'GET /api/catalogue/tools': 'SIGNED_IN',

  'GET /api/agreements': 'SIGNED_IN',
  'GET /api/agreements/export': 'SIGNED_IN',
  'GET /api/agreements/:id': 'SIGNED_IN',
  'GET /api/agreements/:id/history': 'SIGNED_IN',
  'GET /api/agreements/:id/cost-split': 'SIGNED_IN',
  'POST /api/agreements': ['PROCUREMENT', 'OBJECT_MANAGER'],
  'PATCH /api/agreements/:id': ['PROCUREMENT', 'OBJECT_MANAGER'],
  'POST /api/agreements/:id/actions': ['PROCUREMENT', 'OBJECT_MANAGER'],

  'GET /api/licences': 'SIGNED_IN',
  'GET /api/licences/export': 'SIGNED_IN',
  'GET /api/licences/:id': 'SIGNED_IN',
  'GET /api/licences/:id/history': 'SIGNED_IN',
  'POST /api/licences': ['PROCUREMENT', 'OBJECT_MANAGER'],
  'POST /api/licences/from-requests': ['PROCUREMENT'],
  'PATCH /api/licences/:id': ['PROCUREMENT', 'OBJECT_MANAGER'],
  'GET /api/school-units/:id/licences': 'SIGNED_IN',
  'GET /api/coverage': 'SIGNED_IN',

  'GET /api/requests': 'SIGNED_IN',
  'GET /api/requests/export': 'SIGNED_IN',
  'GET /api/requests/demand': GOVERNANCE,
  'GET /api/requests/:id': 'SIGNED_IN',
  'GET /api/requests/:id/events': 'SIGNED_IN',
  'POST /api/requests': ['REQUESTER', 'PRINCIPAL'],
  'PATCH /api/requests/:id': ['REQUESTER', 'PRINCIPAL'],
  'POST /api/requests/:id/join': ['REQUESTER', 'PRINCIPAL'],
  // Which role may make which move from where is the routine's (request-routine.ts) to say.
  'POST /api/requests/:id/moves': [
    'REQUESTER',
    'PRINCIPAL',
    'OBJECT_SPECIALIST',
    'OBJECT_MANAGER',
    'PROCUREMENT',
  ],
  'POST /api/requests/:id/comments': [
    'REQUESTER',
    'PRINCIPAL',
    'OBJECT_SPECIALIST',
    'OBJECT_MANAGER',
    'PROCUREMENT',
    'DATA_PROTECTION',
    'INFORMATION_SECURITY',
  ],

  'GET /api/services/:id/reviews': 'SIGNED_IN',
  // The review's kind must match the caller's role (REVIEW_ROLE).
  'POST /api/services/:id/reviews': ['DATA_PROTECTION', 'INFORMATION_SECURITY', 'PROCUREMENT'],
  // Sharing between municipalities (issue 18): a review is published and adopted by the role
  // that makes its kind (REVIEW_ROLE, checked in the service); a decision by the governance.
  'GET /api/services/:id/shared': 'SIGNED_IN',
  'POST /api/reviews/:id/publish': ['DATA_PROTECTION', 'INFORMATION_SECURITY', 'PROCUREMENT'],
  'POST /api/published-reviews/:id/adopt': [
    'DATA_PROTECTION',
    'INFORMATION_SECURITY',
    'PROCUREMENT',
  ],
  'POST /api/services/:id/decision/publish': ['OBJECT_SPECIALIST', 'OBJECT_MANAGER'],
  'POST /api/services/:id/changes': [
    'OBJECT_SPECIALIST',
    'OBJECT_MANAGER',
    'DATA_PROTECTION',
    'INFORMATION_SECURITY',
  ],

  'GET /api/todo': 'SIGNED_IN',
  'GET /api/notifications': 'SIGNED_IN',
  'POST /api/notifications/read-all': 'SIGNED_IN',
  'POST /api/notifications/:id/read': 'SIGNED_IN',

  'GET /api/public/services': 'PUBLIC',
  'GET /api/municipalities': 'PUBLIC',

  'GET /api/record-of-processing': GOVERNANCE,
  'GET /api/record-of-processing/export': GOVERNANCE,

  'POST /api/imports': ['PROCUREMENT', 'OBJECT_MANAGER'],
  'GET /api/imports/template': ['PROCUREMENT', 'OBJECT_MANAGER'],
  'GET /api/imports/workbook': 'SIGNED_IN',

  'GET /api/calendar/feed': 'SIGNED_IN',
  'POST /api/calendar/feed': 'SIGNED_IN',
  'DELETE /api/calendar/feed': 'SIGNED_IN',
  // The secret token in the address is the key (calendar programs send no cookies).
  'GET /api/calendar/:token/deadlines.ics': 'PUBLIC',

  'GET /api/dashboard': GOVERNANCE,

  // Documents: read as their record, written by its writers (a review's: the reviewer's role).
  'GET /api/agreements/:id/documents': 'SIGNED_IN',
  'POST /api/agreements/:id/documents': DOCUMENT_WRITERS.agreement,
  'GET /api/services/:id/documents': 'SIGNED_IN',
  'POST /api/services/:id/documents': DOCUMENT_WRITERS.service,
  'GET /api/reviews/:id/documents': 'SIGNED_IN',
  'POST /api/reviews/:id/documents': REVIEW_DOCUMENT_WRITERS,
  'GET /api/documents/:id/content': 'SIGNED_IN',
  // Any writer of some record; the API checks the writers of the document's own record.
  'DELETE /api/documents/:id': [
    'PROCUREMENT',
    'OBJECT_MANAGER',
    'OBJECT_SPECIALIST',
    'DATA_PROTECTION',
    'INFORMATION_SECURITY',
  ],
} as const satisfies Record<string, Access>;

export type RouteKey = keyof typeof ACCESS_POLICY;

/** Whether an account with these roles (none when signed out) may call the route. */
export function mayCall(access: Access, roles: readonly Role[] | null): boolean {
  if (access === 'PUBLIC') return true;
  if (roles === null) return false;
  if (access === 'SIGNED_IN') return true;
  return roles.some((role) => access.includes(role));
}
