import { testRequestDetail } from '../../decision.testing';
import { moveConfirmation } from './move-confirmation';
import { emptyMoveForm } from './move-form';

describe('moveConfirmation', () => {
  const request = testRequestDetail({
    state: 'IN_REVIEW',
    joinedUnits: [
      {
        unitId: 'u-wallerska',
        unitName: 'Wallerska skolan F-6',
        pupilCount: 40,
        need: 'Samma behov.',
        joinedByName: 'Wilma Lärare',
        joinedAt: '2026-03-01T10:00:00Z',
      },
    ],
  });

  it('says who will be told as the hand-off table says, the units that joined included', () => {
    const confirmation = moveConfirmation(
      'DECIDE',
      { ...emptyMoveForm(), outcome: 'APPROVED' },
      request,
    );
    expect(confirmation?.told).toEqual([
      'Lena Lärspridare, som gjorde begäran',
      'Rektor för Hagaskolan F-6',
      'Wilma Lärare och rektor för Wallerska skolan F-6, som anslöt sig',
    ]);
    expect(confirmation?.facts).toEqual([
      { term: 'Beslut', value: 'Godkänd' },
      { term: 'Villkor', value: 'Inga' },
    ]);
  });

  it('shows reasons only for a rejection, and conditions only with that outcome', () => {
    const reasons = { ...emptyMoveForm().reasons, NEED: true };
    const approved = moveConfirmation(
      'DECIDE',
      { ...emptyMoveForm(), outcome: 'APPROVED', reasons, conditions: 'Glömda villkor' },
      request,
    );
    expect(approved?.facts.map((fact) => fact.term)).toEqual(['Beslut', 'Villkor']);
    expect(approved?.facts[1].value).toBe('Inga');
    const rejected = moveConfirmation(
      'DECIDE',
      { ...emptyMoveForm(), outcome: 'REJECTED', reasons, text: 'Täcks redan.' },
      request,
    );
    expect(rejected?.facts).toContainEqual({ term: 'Skäl', value: 'Behov' });
  });

  it('shows the public text of the conditions and the catalogue description an approval writes', () => {
    const confirmation = moveConfirmation(
      'DECIDE',
      {
        ...emptyMoveForm(),
        outcome: 'APPROVED_WITH_CONDITIONS',
        conditions: 'Endast skolkonton; inga elevnamn i fritext.',
        publicConditions: 'Används med skolans konton.',
        description: 'Färdighetsträning i matematik.',
      },
      request,
    );
    expect(confirmation?.facts).toEqual([
      { term: 'Beslut', value: 'Godkänd med villkor' },
      { term: 'Villkor', value: 'Endast skolkonton; inga elevnamn i fritext.' },
      { term: 'Villkor i den publika listan', value: 'Används med skolans konton.' },
      { term: 'Beskrivning i katalogen', value: 'Färdighetsträning i matematik.' },
    ]);
  });

  it('asks nothing for a move without confirmation', () => {
    expect(moveConfirmation('QUEUE', emptyMoveForm(), request)).toBeNull();
  });
});
