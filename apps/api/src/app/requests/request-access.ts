import { GOVERNANCE, type RoutineActor } from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import type { SqlConditions } from '../common/sql-builder';

export const unitIdsOf = (actor: Pick<Actor, 'schoolUnits'>): string[] =>
  actor.schoolUnits.map((unit) => unit.id);

export const routineActorOf = (actor: Pick<Actor, 'roles' | 'schoolUnits'>): RoutineActor => ({
  roles: actor.roles,
  unitIds: unitIdsOf(actor),
});

export const isGovernance = (actor: Pick<Actor, 'roles'>): boolean =>
  actor.roles.some((role) => GOVERNANCE.includes(role));

/**
 * Which requests `r` the actor may see: their own units' (drafts included) and those their units
 * joined, and for the governance roles every submitted one. Anything else is a 404, as if it did
 * not exist.
 */
export function visibleTo(
  actor: Pick<Actor, 'roles' | 'schoolUnits'>,
  conditions: SqlConditions,
): string {
  const units = conditions.param(unitIdsOf(actor));
  return isGovernance(actor)
    ? `(r.unit_id = ANY (${units}::uuid[]) OR r.state <> 'DRAFT')`
    : ownOrJoined(units);
}

/**
 * The requests of the units `units` (a parameter) and those they joined; the joined ones by id,
 * so both sides can use an index.
 */
export function ownOrJoined(units: string): string {
  return `(r.unit_id = ANY (${units}::uuid[])
     OR r.id = ANY (ARRAY(SELECT j.request_id FROM request_join j WHERE j.unit_id = ANY (${units}::uuid[]))))`;
}
