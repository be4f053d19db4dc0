import {
  luhnCheckDigit,
  organisationNumberMessage,
  organisationNumberProblem,
} from './organisation-number';

describe('Swedish organisation numbers', () => {
  it.each([
    ['556036-0793', 'a limited company'],
    ['212000-1876', 'a municipality'],
    ['202100-5489', 'a public authority'],
    ['556016-0680', 'another company'],
  ])('accepts %s (%s)', (number) => {
    expect(organisationNumberProblem(number)).toBeNull();
  });

  it('computes the Luhn check digit over the first nine digits', () => {
    expect(luhnCheckDigit('556036079')).toBe(3);
    expect(luhnCheckDigit('212000187')).toBe(6);
  });

  it('refuses a wrong check digit', () => {
    expect(organisationNumberProblem('556036-0794')).toBe('CHECK_DIGIT');
  });

  it.each(['5560360793', '556036-079', '55603-60793', '556036 0793', 'ABCDEF-0793', ''])(
    'refuses the format %p',
    (number) => {
      expect(organisationNumberProblem(number)).toBe('FORMAT');
    },
  );

  it('tells a wrong check digit apart from a wrong format, in Swedish', () => {
    expect(organisationNumberMessage('556036-0793')).toBeNull();
    expect(organisationNumberMessage('556036-0794')).toContain('fel kontrollsiffra');
    expect(organisationNumberMessage('556036-0794')).not.toContain('NNNNNN-NNNN');
    expect(organisationNumberMessage('5560360793')).toContain('NNNNNN-NNNN');
  });
});
