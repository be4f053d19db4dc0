import { ROLES, ROLE_LABELS, isRole, isUnitScoped } from './roles';

describe('roles', () => {
  it('has a Swedish label for each of the nine roles', () => {
    expect(ROLES).toHaveLength(9);
    expect(ROLES.every((role) => ROLE_LABELS[role].length > 0)).toBe(true);
  });

  it('recognises role codes exactly', () => {
    expect(isRole('ADMIN')).toBe(true);
    expect(isRole('admin')).toBe(false);
    expect(isRole('SUPERUSER')).toBe(false);
  });

  it('scopes an account to its units only when all its roles are unit-scoped', () => {
    expect(isUnitScoped(['REQUESTER'])).toBe(true);
    expect(isUnitScoped(['REQUESTER', 'PRINCIPAL'])).toBe(true);
    expect(isUnitScoped(['PRINCIPAL', 'OBJECT_SPECIALIST'])).toBe(false);
    expect(isUnitScoped([])).toBe(false);
  });
});
