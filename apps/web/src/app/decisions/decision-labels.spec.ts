import { outcomeText } from './decision-labels';

describe('decision labels', () => {
  it('names the reasons of an outcome in Swedish', () => {
    expect(outcomeText(null, [])).toBe('');
    expect(outcomeText('APPROVED', [])).toBe('Godkänd');
    expect(outcomeText('REJECTED', ['ECONOMY', 'NEED'])).toBe('Avslagen (Ekonomi, Behov)');
  });
});
