/**
 * A Swedish organisation number (organisationsnummer): NNNNNN-NNNN, whose last digit is a Luhn
 * check digit over the other nine.
 */
export const ORGANISATION_NUMBER_PATTERN = /^\d{6}-\d{4}$/;

/** The Luhn (mod 10) check digit of a string of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    // From the right, every other digit starting with the rightmost is doubled.
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export type OrganisationNumberProblem = 'FORMAT' | 'CHECK_DIGIT';

/** Null when valid; otherwise whether the format or the check digit is wrong. */
export function organisationNumberProblem(value: unknown): OrganisationNumberProblem | null {
  if (typeof value !== 'string' || !ORGANISATION_NUMBER_PATTERN.test(value)) return 'FORMAT';
  const digits = value.replace('-', '');
  return luhnCheckDigit(digits.slice(0, 9)) === Number(digits[9]) ? null : 'CHECK_DIGIT';
}

/** What to tell a person who typed an organisation number with the problem, in Swedish. */
export const ORGANISATION_NUMBER_MESSAGES: Record<OrganisationNumberProblem, string> = {
  FORMAT: 'Skriv organisationsnumret som NNNNNN-NNNN: sex siffror, bindestreck, fyra siffror.',
  CHECK_DIGIT:
    'Organisationsnumret har rätt form men fel kontrollsiffra (den sista siffran stämmer inte med de nio första). Kontrollera att siffrorna är rätt skrivna.',
};

/** Null when valid; otherwise the Swedish message for what is wrong with the number. */
export function organisationNumberMessage(value: unknown): string | null {
  const problem = organisationNumberProblem(value);
  return problem ? ORGANISATION_NUMBER_MESSAGES[problem] : null;
}
