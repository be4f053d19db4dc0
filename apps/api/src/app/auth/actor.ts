import type { FastifyRequest } from 'fastify';

import type { SessionUser } from '@licensregistret/domain';

/** The signed-in person making a request, as the access guard found them. */
export interface Actor extends SessionUser {
  /** The CSRF token bound to this session. */
  csrfToken: string;
  sessionTokenHash: string;
  /** The municipality the account belongs to; every statement of the call acts for it. */
  municipalityId: string;
}

export type RequestWithActor = FastifyRequest & { actor?: Actor | null };

/** The route's pattern as registered (`/api/requests/:id`), the key of ACCESS_POLICY. */
export function routePathOf(request: FastifyRequest): string | undefined {
  return request.routeOptions.url;
}

export function toSessionUser(actor: Actor): SessionUser {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    email: actor.email,
    roles: actor.roles,
    schoolUnits: actor.schoolUnits,
  };
}
