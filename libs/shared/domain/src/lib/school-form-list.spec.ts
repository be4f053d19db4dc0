import { formatSchoolFormList, parseSchoolFormList, schoolFormsProblem } from './school-form-list';

describe('parseSchoolFormList', () => {
  it('reads forms and compulsory stages in canonical order', () => {
    expect(parseSchoolFormList('GR:7-9 FS gr:F-3')).toEqual({
      schoolForms: ['FS', 'GR'],
      compulsoryStages: ['F-3', '7-9'],
    });
  });

  it('accepts commas and bars between items', () => {
    expect(parseSchoolFormList('GY,VUX|GYS')).toEqual({
      schoolForms: ['GY', 'GYS', 'VUX'],
      compulsoryStages: [],
    });
  });

  it.each([
    ['an unknown form', 'FS SFI', /"SFI" is not a school form/],
    ['a stage of another form', 'GY:7-9', /not a compulsory school stage/],
    ['an unknown stage', 'GR:1-3', /not a compulsory school stage/],
    ['GR without a stage', 'FS GR', /needs its stages/],
    ['nothing', '  ', /at least one school form/],
  ])('refuses %s', (_name, text, message) => {
    const result = parseSchoolFormList(text);
    expect(result).toEqual({ error: expect.stringMatching(message) });
  });

  it('formats back to the same notation', () => {
    const text = 'FS GR:F-3 GR:4-6 GRS';
    const parsed = parseSchoolFormList(text);
    expect('error' in parsed).toBe(false);
    if (!('error' in parsed)) expect(formatSchoolFormList(parsed)).toBe(text);
  });
});

describe('schoolFormsProblem', () => {
  it('accepts GR with stages and forms without', () => {
    expect(schoolFormsProblem(['GR'], ['4-6'])).toBeNull();
    expect(schoolFormsProblem(['GY', 'VUX'], [])).toBeNull();
  });

  it('refuses stages without GR, and duplicates', () => {
    expect(schoolFormsProblem(['GY'], ['7-9'])).toMatch(/only for compulsory school/);
    expect(schoolFormsProblem(['GY', 'GY'], [])).toMatch(/listed twice/);
    expect(schoolFormsProblem(['GR'], ['4-6', '4-6'])).toMatch(/listed twice/);
  });
});
