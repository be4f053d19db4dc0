import { addDays, addMonths, daysBetween, isIsoDate, todayInSweden } from './iso-date';

describe('ISO dates', () => {
  it.each([
    ['2027-05-31', -3, '2027-02-28'],
    ['2028-05-31', -3, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2027-01-31', 1, '2027-02-28'],
    ['2027-03-31', -1, '2027-02-28'],
    ['2027-12-15', 1, '2028-01-15'],
    ['2027-01-15', -1, '2026-12-15'],
    ['2027-06-30', -6, '2026-12-30'],
    ['2027-08-31', 0, '2027-08-31'],
  ])('addMonths(%s, %i) is %s (month ends clamp, leap years count)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2027-03-31', -120)).toBe('2026-12-01');
  });

  it('counts whole days between dates', () => {
    expect(daysBetween('2027-01-01', '2027-04-01')).toBe(90);
    expect(daysBetween('2028-01-01', '2028-04-01')).toBe(91);
    expect(daysBetween('2027-04-01', '2027-01-01')).toBe(-90);
  });

  it('recognises real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('2027-1-01')).toBe(false);
    expect(isIsoDate(20270101)).toBe(false);
  });

  it('takes today in Swedish time, where the day turns an hour or two before UTC', () => {
    expect(todayInSweden(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInSweden(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(todayInSweden(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });
});
