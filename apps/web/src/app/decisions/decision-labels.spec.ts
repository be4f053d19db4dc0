import { eventKindLabel, outcomeText } from './decision-labels';

describe('decision labels', () => {
  it('words a move in the past tense and leaves an unknown kind as it is', () => {
    expect(eventKindLabel('START_REVIEW')).toBe('Granskning påbörjad');
    expect(eventKindLabel('REVIEW')).toBe('Granskning registrerad');
    expect(eventKindLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('names the reasons of an outcome in Swedish', () => {
    expect(outcomeText(null, [])).toBe('');
    expect(outcomeText('APPROVED', [])).toBe('Godkänd');
    expect(outcomeText('REJECTED', ['ECONOMY', 'NEED'])).toBe('Avslagen (Ekonomi, Behov)');
  });
});
