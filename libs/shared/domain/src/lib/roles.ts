/** The roles of the product (shared/domain.md). An account has one or more. */
export const ROLES = [
  'REQUESTER',
  'PRINCIPAL',
  'OBJECT_SPECIALIST',
  'OBJECT_MANAGER',
  'PROCUREMENT',
  'DATA_PROTECTION',
  'INFORMATION_SECURITY',
  'ADMIN',
  'READ_ONLY',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  REQUESTER: 'Beställare (lärare, lärspridare)',
  PRINCIPAL: 'Rektor',
  OBJECT_SPECIALIST: 'Objektspecialist',
  OBJECT_MANAGER: 'Objektledare',
  PROCUREMENT: 'Upphandlare',
  DATA_PROTECTION: 'Dataskydd',
  INFORMATION_SECURITY: 'Informationssäkerhet',
  ADMIN: 'Systemförvaltare',
  READ_ONLY: 'Läsbehörighet',
};

/** Roles that act for named school units only, and see nothing of other units. */
export const UNIT_SCOPED_ROLES: readonly Role[] = ['REQUESTER', 'PRINCIPAL'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when every role the account has is unit-scoped, so its view is limited to its units. */
export function isUnitScoped(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((role) => UNIT_SCOPED_ROLES.includes(role));
}
