import { MUNICIPALITY_WIDE_SERVICES } from './municipality-wide-services';
import { SCHOOL_FORMS, SCHOOL_FORM_LABELS, isSchoolForm } from './school-forms';

describe('school forms', () => {
  it('has a Swedish label for every form', () => {
    for (const form of SCHOOL_FORMS) {
      expect(SCHOOL_FORM_LABELS[form]).toMatch(/\S/);
    }
  });

  it('recognises codes exactly', () => {
    expect(isSchoolForm('GR')).toBe(true);
    expect(isSchoolForm('gr')).toBe(false);
    expect(isSchoolForm('SFI')).toBe(false);
  });

  it('lists only known forms on the municipality-wide services', () => {
    const forms = MUNICIPALITY_WIDE_SERVICES.flatMap((service) => service.schoolForms);
    expect(forms.every(isSchoolForm)).toBe(true);
    expect(MUNICIPALITY_WIDE_SERVICES.map((service) => service.name)).toEqual([
      'NE',
      'Begreppa',
      'Polylino',
      'Inläsningstjänst (ILT)',
      'Widgit Online',
    ]);
  });
});
