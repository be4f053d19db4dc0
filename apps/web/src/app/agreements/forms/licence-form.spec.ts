import type { Licence } from '@licensregistret/domain';

import {
  licenceTermText,
  toLicenceFormValue,
  toLicenceTerms,
  validateLicence,
} from './licence-form';

const period = { startsOn: '2025-07-01', endsOn: '2027-06-30', scopeSchoolForms: [] };

const licence: Licence = {
  id: 'l1',
  agreementId: 'a1',
  agreementNumber: 'BG-1',
  serviceId: 'sv1',
  serviceName: 'Begreppa',
  scope: 'UNITS',
  schoolForms: [],
  units: [
    { id: 'u1', name: 'Hagaskolan F-6' },
    { id: 'u2', name: 'Mellringeskolan 7-9' },
  ],
  seatCount: 100,
  seatsInUse: 40,
  startsOn: '2025-07-01',
  endsOn: '2026-06-30',
  version: 2,
};

describe('the licence form', () => {
  it('runs a new licence for its agreement’s period; a limited agreement starts at named units', () => {
    expect(toLicenceFormValue(null, period)).toMatchObject({
      scope: 'MUNICIPALITY',
      startsOn: '2025-07-01',
      endsOn: '2027-06-30',
    });
    expect(toLicenceFormValue(null, { ...period, scopeSchoolForms: ['GR'] }).scope).toBe('UNITS');
  });

  it('asks for the scope’s units or school forms, and a period within the agreement', () => {
    const value = { ...toLicenceFormValue(null, period), serviceId: 'sv1' };
    expect(Object.keys(validateLicence({ ...value, scope: 'UNITS' }, period).fields)).toEqual([
      'unitIds',
    ]);
    expect(
      Object.keys(validateLicence({ ...value, scope: 'SCHOOL_FORMS' }, period).fields),
    ).toEqual(['schoolForms']);
    expect(
      Object.keys(
        validateLicence({ ...value, startsOn: '2025-06-30', endsOn: '2027-07-01' }, period).fields,
      ),
    ).toEqual(['startsOn', 'endsOn']);
    expect(
      Object.keys(validateLicence({ ...value, seatCount: 10, seatsInUse: 11 }, period).fields),
    ).toEqual(['seatsInUse']);
    expect(validateLicence(value, period).fields).toEqual({});
  });

  it('sends only the chosen scope’s units or school forms', () => {
    const value = toLicenceFormValue(licence, period);
    expect(toLicenceTerms(value)).toEqual({
      scope: 'UNITS',
      schoolForms: [],
      unitIds: ['u1', 'u2'],
      seatCount: 100,
      seatsInUse: 40,
      startsOn: '2025-07-01',
      endsOn: '2026-06-30',
    });
    expect(toLicenceTerms({ ...value, scope: 'MUNICIPALITY' })).toMatchObject({
      schoolForms: [],
      unitIds: [],
    });
  });

  it('words the scope and units for the stale-version table', () => {
    expect(licenceTermText('scope', licence)).toBe('Namngivna skolenheter');
    expect(licenceTermText('units', licence)).toBe('Hagaskolan F-6, Mellringeskolan 7-9');
    expect(licenceTermText('seatCount', licence)).toBe('100');
  });
});
