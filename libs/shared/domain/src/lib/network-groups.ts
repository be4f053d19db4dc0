/**
 * The six geographic network groups (huvudlärspridargrupper) that every school unit belongs to,
 * each led by a principal (shared/domain.md).
 */
export const NETWORK_GROUPS = ['Norr', 'Söder', 'Öster', 'Väster', 'Centrum', 'Landsbygd'] as const;
export type NetworkGroup = (typeof NETWORK_GROUPS)[number];

export function isNetworkGroup(value: unknown): value is NetworkGroup {
  return typeof value === 'string' && (NETWORK_GROUPS as readonly string[]).includes(value);
}
