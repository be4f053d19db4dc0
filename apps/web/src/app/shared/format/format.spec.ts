import { countText, dayInSweden, formatDateTime, formatSek, schoolFormNames } from './format';

/** Intl separates digit groups and the currency with a no-break space. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('formatSek', () => {
  it('writes whole kronor with Swedish digit grouping and "kr"', () => {
    expect(plain(formatSek(1_245_000))).toBe('1 245 000 kr');
  });

  it('shows öre only when there are any', () => {
    expect(plain(formatSek(1_245_000.5))).toBe('1 245 000,50 kr');
  });

  it('shows öre on request, for amounts that add up to the öre', () => {
    expect(plain(formatSek(154_000, { ore: true }))).toBe('154 000,00 kr');
  });
});

describe('formatDateTime', () => {
  it('shows a moment in Swedish time, winter and summer', () => {
    expect(formatDateTime('2026-01-15T08:05:00.000Z')).toBe('2026-01-15 09:05');
    expect(formatDateTime('2026-07-01T08:05:00.000Z')).toBe('2026-07-01 10:05');
  });

  it('leaves text that is no moment as it is', () => {
    expect(formatDateTime('okänt')).toBe('okänt');
  });
});

describe('dayInSweden', () => {
  it('gives the day in Sweden of a moment, late in the evening UTC too', () => {
    expect(dayInSweden('2026-03-14T22:30:00.000Z')).toBe('2026-03-14');
    expect(dayInSweden('2026-03-14T23:30:00.000Z')).toBe('2026-03-15');
    expect(dayInSweden('2026-07-01T21:59:00.000Z')).toBe('2026-07-01');
    expect(dayInSweden('2026-07-01T22:00:00.000Z')).toBe('2026-07-02');
  });

  it('gives nothing for no moment, and leaves text that is no moment as it is', () => {
    expect(dayInSweden(null)).toBe('');
    expect(dayInSweden('')).toBe('');
    expect(dayInSweden('okänt')).toBe('okänt');
  });
});

describe('countText', () => {
  it('picks singular or plural', () => {
    expect(countText(1, 'tjänst', 'tjänster')).toBe('1 tjänst');
    expect(countText(0, 'tjänst', 'tjänster')).toBe('0 tjänster');
    expect(plain(countText(1200, 'avtal', 'avtal'))).toBe('1 200 avtal');
  });
});

describe('schoolFormNames', () => {
  it('names the forms, or says what an empty list means', () => {
    expect(schoolFormNames(['GR', 'GY'])).toBe('Grundskola, Gymnasieskola');
    expect(schoolFormNames([], 'Alla skolformer')).toBe('Alla skolformer');
  });
});
