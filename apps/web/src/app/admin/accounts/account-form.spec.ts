import { ROLES } from '@licensregistret/domain';

import { flagsOf } from '../../shared/forms/flags';
import {
  type AccountFormValue,
  toCreateAccountRequest,
  toUpdateAccountRequest,
  validateAccount,
} from './account-form';

const value: AccountFormValue = {
  username: 'sara',
  displayName: 'Sara Skola',
  email: 'sara@kommun.se',
  roles: flagsOf(ROLES, ['REQUESTER']),
  schoolUnits: { u1: true, u2: false },
  active: true,
  password: '',
};

describe('account form', () => {
  it('accepts a requester with a unit', () => {
    expect(validateAccount(value, true)).toEqual({ fields: {}, general: [] });
  });

  it('needs a username without spaces, a name, an e-mail address and a role', () => {
    const errors = validateAccount(
      { ...value, username: 'sara s', displayName: ' ', email: 'sara', roles: flagsOf(ROLES) },
      true,
    );
    expect(Object.keys(errors.fields).sort()).toEqual([
      'displayName',
      'email',
      'roles',
      'username',
    ]);
  });

  it('needs a new password to have at least ten characters, or none', () => {
    expect(Object.keys(validateAccount({ ...value, password: 'kort' }, true).fields)).toEqual([
      'password',
    ]);
    expect(validateAccount({ ...value, password: 'tillräckligt-långt' }, true).fields).toEqual({});
  });

  it('does not ask for the username of an existing account', () => {
    expect(validateAccount({ ...value, username: '' }, false).fields).toEqual({});
  });

  it('needs a unit for a requester or principal, not for others', () => {
    const none = { ...value, schoolUnits: { u1: false } };
    expect(Object.keys(validateAccount(none, true).fields)).toEqual(['schoolUnitIds']);
    expect(
      validateAccount({ ...none, roles: flagsOf(ROLES, ['OBJECT_SPECIALIST']) }, true).fields,
    ).toEqual({});
  });

  it('sends the checked units, and a password only when one is given', () => {
    expect(toCreateAccountRequest(value)).toEqual({
      username: 'sara',
      displayName: 'Sara Skola',
      email: 'sara@kommun.se',
      roles: ['REQUESTER'],
      schoolUnitIds: ['u1'],
    });
    expect(toUpdateAccountRequest({ ...value, password: 'nytt-lösen', active: false }, 4)).toEqual({
      version: 4,
      displayName: 'Sara Skola',
      email: 'sara@kommun.se',
      roles: ['REQUESTER'],
      schoolUnitIds: ['u1'],
      active: false,
      password: 'nytt-lösen',
    });
  });

  it('drops the units when no role acts for units', () => {
    const specialist = { ...value, roles: flagsOf(ROLES, ['OBJECT_SPECIALIST']) };
    expect(toCreateAccountRequest(specialist).schoolUnitIds).toEqual([]);
  });
});
