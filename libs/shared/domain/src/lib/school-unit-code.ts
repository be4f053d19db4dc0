/**
 * A school unit code (skolenhetskod) from Skolverket's register: exactly eight digits.
 * Pre-school units have none, so callers decide whether an empty value is allowed.
 */
export const SCHOOL_UNIT_CODE_PATTERN = /^\d{8}$/;

export function isValidSchoolUnitCode(value: unknown): value is string {
  return typeof value === 'string' && SCHOOL_UNIT_CODE_PATTERN.test(value);
}
