/**
 * Who reads a request, and where.
 *
 * - `school`: the school's own roles (requester, principal) on the request's page, `begaranden/:id`.
 *   What the school can act on (the open question, the endorsement, an existing licence) has its
 *   own place on that page, so the shared parts leave it out.
 * - `routine`: the decision routine's roles in the side panel beside the queue, `beslut?begaran=`.
 *   They see more: the endorsement, the open question, the covering licence, how long it has waited.
 */
export type RequestAudience = 'school' | 'routine';
