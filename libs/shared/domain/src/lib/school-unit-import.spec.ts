import { SCHOOL_UNIT_IMPORT_TEMPLATE_HEADER, schoolUnitImportColumn } from './organisation';

describe('the school unit import’s header row', () => {
  it('is Swedish in the template, separated by semicolons', () => {
    expect(SCHOOL_UNIT_IMPORT_TEMPLATE_HEADER).toBe(
      'Namn;Skolenhetskod;Skolformer;Elever;Nätverksgrupp',
    );
  });

  it('reads the Swedish headers and the English ones, whatever the case and spacing', () => {
    expect(SCHOOL_UNIT_IMPORT_TEMPLATE_HEADER.split(';').map(schoolUnitImportColumn)).toEqual([
      'name',
      'code',
      'forms',
      'pupils',
      'group',
    ]);
    expect(['name', 'CODE', ' Forms ', 'pupils', 'group'].map(schoolUnitImportColumn)).toEqual([
      'name',
      'code',
      'forms',
      'pupils',
      'group',
    ]);
    expect(schoolUnitImportColumn('NÄTVERKSGRUPP')).toBe('group');
    expect(schoolUnitImportColumn('Antal elever')).toBe('pupils');
  });

  it('ignores a column it does not read', () => {
    expect(schoolUnitImportColumn('Rektor')).toBeNull();
  });
});
