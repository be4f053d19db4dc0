import { DECISION_REASONS, DECISION_REASON_LABELS, isDecisionReason } from './decision-reasons';

describe('decision reasons', () => {
  it('are the five grounds of the routine, each with a Swedish label', () => {
    expect(DECISION_REASONS).toHaveLength(5);
    expect(DECISION_REASONS.map((reason) => DECISION_REASON_LABELS[reason].label)).toEqual([
      'Informationssäkerhet',
      'Avtal',
      'Ekonomi',
      'Behov',
      'Likvärdighet',
    ]);
  });

  it('recognises only the five codes', () => {
    expect(isDecisionReason('EQUITY')).toBe(true);
    expect(isDecisionReason('equity')).toBe(false);
    expect(isDecisionReason('COST')).toBe(false);
    expect(isDecisionReason(undefined)).toBe(false);
  });
});
