import { HAND_OFFS, HAND_OFF_EVENTS, reviewKindsWanted } from './hand-offs';

describe('the hand-off table', () => {
  const facts = {
    number: 12,
    toolName: 'Polylino',
    unitName: 'Mellringeskolan 7-9',
    pupilCount: 120,
    actorName: 'Rita Rektor',
    reviewKind: 'DATA_PROTECTION' as const,
    outcomeLabel: 'Godkänd',
    reasonLabels: ['Behov'],
    text: 'En text.',
    question: 'En fråga?',
    changedFields: 'antal elever',
    previousOutcomeLabel: 'Avslagen',
    correctionReason: 'Fel skäl angavs.',
    agreementNumber: 'AV-1',
    startsOn: '2026-08-01',
    endsOn: '2027-06-30',
  };

  it.each(HAND_OFF_EVENTS)('%s has a Swedish subject and body and tells someone', (event) => {
    const row = HAND_OFFS[event];
    expect(row.tell.length).toBeGreaterThan(0);
    expect(row.subject(facts)).toMatch(/\S/);
    expect(row.body(facts)).toMatch(/\S/);
    expect(`${row.subject(facts)} ${row.body(facts)}`).not.toMatch(/undefined|\[object/);
  });

  it('wants the reviews that are missing, expired or due again, not a rejected one', () => {
    expect(
      reviewKindsWanted([
        { code: 'REVIEW_DUE_AGAIN', kind: 'PROCUREMENT' },
        { code: 'REVIEW_REJECTED', kind: 'INFORMATION_SECURITY' },
        { code: 'REVIEW_MISSING', kind: 'DATA_PROTECTION' },
        { code: 'DPIA_MISSING' },
      ]),
    ).toEqual(['DATA_PROTECTION', 'PROCUREMENT']);
    expect(reviewKindsWanted([{ code: 'REVIEW_EXPIRED', kind: 'PROCUREMENT' }])).toEqual([
      'PROCUREMENT',
    ]);
  });
});
