import { type AskingUnit, licenceReaches, unitsLeftOut } from './licensing';

const mellringe: AskingUnit = { id: 'u-1', name: 'Mellringeskolan 7-9', schoolForms: ['GR'] };
const gymnasiet: AskingUnit = { id: 'u-2', name: 'Rudbecksgymnasiet', schoolForms: ['GY'] };
const forskola: AskingUnit = { id: 'u-3', name: 'Förskolan Solen', schoolForms: ['FS'] };

describe('licensing: which asking units a licence reaches', () => {
  it('the whole municipality reaches every unit', () => {
    const reach = { scope: 'MUNICIPALITY', schoolForms: [], unitIds: [] } as const;
    expect(unitsLeftOut(reach, [mellringe, gymnasiet, forskola])).toEqual([]);
  });

  it('school forms reach the units sharing one of them', () => {
    const reach = { scope: 'SCHOOL_FORMS', schoolForms: ['GR', 'GY'], unitIds: [] } as const;
    expect(licenceReaches(reach, mellringe)).toBe(true);
    expect(unitsLeftOut(reach, [mellringe, gymnasiet, forskola])).toEqual([forskola]);
  });

  it('named units reach only those named, whatever their forms', () => {
    const reach = { scope: 'UNITS', schoolForms: ['GR'], unitIds: ['u-2'] } as const;
    expect(unitsLeftOut(reach, [mellringe, gymnasiet])).toEqual([mellringe]);
  });
});
