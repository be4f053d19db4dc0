import { testEntry } from './catalogue.testing';
import { licenceStatus } from './licence-status';

const haga = { id: 'u-haga', name: 'Hagaskolan F-6' };
const mell = { id: 'u-mell', name: 'Mellringeskolan 7-9' };
const licensedAt = (unit: { id: string; name: string }, endsOn: string) => ({
  unitId: unit.id,
  unitName: unit.name,
  agreementId: 'a1',
  endsOn,
});

describe('licenceStatus', () => {
  it('says nothing without a unit to speak of', () => {
    expect(licenceStatus(testEntry(), { kind: 'none', units: [] })).toEqual({ kind: 'none' });
  });

  it('names the licensed units and, when some lack it, those too', () => {
    const entry = testEntry({ licensedUnits: [licensedAt(mell, '2026-09-30')] });
    expect(licenceStatus(entry, { kind: 'own', units: [haga, mell] })).toEqual({
      kind: 'licensed',
      heading: 'Din enhet har den här tjänsten',
      units: ['Mellringeskolan 7-9, till och med 2026-09-30'],
      notFor: 'Inte licensierad för Hagaskolan F-6',
    });
  });

  it('speaks of a chosen unit as such', () => {
    expect(licenceStatus(testEntry(), { kind: 'chosen', units: [haga] })).toEqual({
      kind: 'not-licensed',
      heading: 'Inte licensierad för vald enhet',
    });
    const entry = testEntry({ licensedUnits: [licensedAt(haga, '2027-01-31')] });
    expect(licenceStatus(entry, { kind: 'chosen', units: [haga] })).toMatchObject({
      heading: 'Vald enhet har den här tjänsten',
      notFor: null,
    });
  });
});
