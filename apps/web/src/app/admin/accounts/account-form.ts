import {
  type Account,
  type CreateAccountRequest,
  ROLES,
  type Role,
  UNIT_SCOPED_ROLES,
  type UpdateAccountRequest,
} from '@licensregistret/domain';

import { checked, flagsOf } from '../../shared/forms/flags';
import type { FieldMessages, FormErrors } from '../../shared/forms/form-errors';

/** The account form's values, as its controls hold them. */
export interface AccountFormValue {
  username: string;
  displayName: string;
  email: string;
  roles: Record<Role, boolean>;
  /** Checked school units by id. */
  schoolUnits: Record<string, boolean>;
  active: boolean;
  password: string;
}

/** As the API checks them (it lower-cases the username first). */
const USERNAME = /^[a-z0-9._@-]{2,64}$/;
export const MIN_PASSWORD_LENGTH = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const ACCOUNT_MESSAGES: Record<string, FieldMessages> = {
  username: {
    invalid: 'Användarnamnet ska vara 2–64 tecken: bokstäverna a–z, siffror och . _ @ -',
    duplicate: 'Användarnamnet är upptaget. Välj ett annat.',
  },
  displayName: { invalid: 'Ange namnet som det ska visas.' },
  email: {
    invalid: 'Ange en e-postadress, till exempel namn@kommun.se.',
    duplicate: 'E-postadressen används redan av ett annat konto.',
  },
  roles: { invalid: 'Välj minst en roll.' },
  schoolUnitIds: { invalid: 'Välj minst en skolenhet för en beställare eller rektor.' },
  active: { invalid: 'Ange om kontot är aktivt.' },
  password: { invalid: `Lösenordet ska vara minst ${MIN_PASSWORD_LENGTH} tecken.` },
};

export const ACCOUNT_FIELD_IDS: Record<string, string> = {
  username: 'account-username',
  displayName: 'account-display-name',
  email: 'account-email',
  roles: `account-role-${ROLES[0]}`,
  schoolUnitIds: 'account-units',
  active: 'account-active',
  password: 'account-password',
};

/** Whether the chosen roles act for named school units, so the account needs units. */
export function needsSchoolUnits(roles: Record<Role, boolean>): boolean {
  return UNIT_SCOPED_ROLES.some((role) => roles[role]);
}

export function selectedUnitIds(value: AccountFormValue): string[] {
  return needsSchoolUnits(value.roles)
    ? Object.keys(value.schoolUnits).filter((id) => value.schoolUnits[id])
    : [];
}

export function validateAccount(value: AccountFormValue, isNew: boolean): FormErrors {
  const fields: FormErrors['fields'] = {};
  const fail = (field: string) => (fields[field] = [ACCOUNT_MESSAGES[field].invalid]);

  if (isNew && !USERNAME.test(value.username.trim().toLowerCase())) fail('username');
  if (value.displayName.trim() === '') fail('displayName');
  if (!EMAIL.test(value.email.trim())) fail('email');
  if (checked(value.roles, ROLES).length === 0) fail('roles');
  if (needsSchoolUnits(value.roles) && selectedUnitIds(value).length === 0) fail('schoolUnitIds');
  if (value.password !== '' && value.password.length < MIN_PASSWORD_LENGTH) fail('password');
  return { fields, general: [] };
}

export function toCreateAccountRequest(value: AccountFormValue): CreateAccountRequest {
  return {
    username: value.username.trim().toLowerCase(),
    displayName: value.displayName.trim(),
    email: value.email.trim(),
    roles: checked(value.roles, ROLES),
    schoolUnitIds: selectedUnitIds(value),
    ...(value.password ? { password: value.password } : {}),
  };
}

export function toUpdateAccountRequest(
  value: AccountFormValue,
  version: number,
): UpdateAccountRequest {
  return {
    version,
    displayName: value.displayName.trim(),
    email: value.email.trim(),
    roles: checked(value.roles, ROLES),
    schoolUnitIds: selectedUnitIds(value),
    active: value.active,
    ...(value.password ? { password: value.password } : {}),
  };
}

export function toAccountFormValue(account: Account): AccountFormValue {
  return {
    username: account.username,
    displayName: account.displayName,
    email: account.email,
    roles: flagsOf(ROLES, account.roles),
    schoolUnits: Object.fromEntries(account.schoolUnits.map((unit) => [unit.id, true])),
    active: account.active,
    password: '',
  };
}
