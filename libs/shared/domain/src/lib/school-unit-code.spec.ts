import { isValidSchoolUnitCode } from './school-unit-code';

describe('isValidSchoolUnitCode', () => {
  it.each(['12345678', '00000001', '98765432'])('accepts eight digits: %s', (code) => {
    expect(isValidSchoolUnitCode(code)).toBe(true);
  });

  it.each([
    ['seven digits', '1234567'],
    ['nine digits', '123456789'],
    ['a letter', '1234567A'],
    ['spaces around', ' 12345678 '],
    ['a dash', '1234-5678'],
    ['empty', ''],
  ])('refuses %s', (_name, code) => {
    expect(isValidSchoolUnitCode(code)).toBe(false);
  });

  it('refuses a number, since leading zeros would be lost', () => {
    expect(isValidSchoolUnitCode(12345678)).toBe(false);
  });
});
