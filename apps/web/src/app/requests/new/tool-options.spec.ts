import { testEntry } from '../../catalogue/catalogue.testing';
import { toolOptions } from './tool-options';

const licensedHaga = testEntry({
  licensedUnits: [
    { unitId: 'u-haga', unitName: 'Hagaskolan F-6', agreementId: 'a1', endsOn: '2027-06-30' },
  ],
});
const widgit = testEntry({ id: 'svc-widgit', name: 'Widgit Online', supplierName: 'Widgit' });

describe('toolOptions', () => {
  it('says which services the unit already has, with the licence', () => {
    const [polylino, other] = toolOptions([licensedHaga, widgit], null, 'u-haga');
    expect(polylino.licence?.endsOn).toBe('2027-06-30');
    expect(polylino.category).toBe('Läromedel');
    expect(other.licence).toBeNull();
  });

  it('counts a licence of another of the person’s units as none for this unit', () => {
    expect(toolOptions([licensedHaga], null, 'u-mell')[0].licence).toBeNull();
  });

  it('keeps the chosen service first when a later search no longer finds it', () => {
    expect(toolOptions([licensedHaga], widgit, 'u-haga').map((option) => option.id)).toEqual([
      'svc-widgit',
      'svc-polylino',
    ]);
    expect(toolOptions([widgit], widgit, 'u-haga').map((option) => option.id)).toEqual([
      'svc-widgit',
    ]);
  });
});
