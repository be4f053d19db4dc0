import type { RequestEvent } from '@licensregistret/domain';

import {
  dayOf,
  decisionText,
  endorsementText,
  eventItem,
  isSchoolRole,
  reasonsText,
} from './request-labels';
import { testEvent, testRequestDetail } from './request.testing';

describe('request labels', () => {
  it('names a decision with its reasons in Swedish, and nothing before one', () => {
    expect(decisionText('REJECTED', ['ECONOMY', 'NEED'])).toBe('Avslagen (Ekonomi, Behov)');
    expect(decisionText('APPROVED', [])).toBe('Godkänd');
    expect(decisionText(null, [])).toBe('');
    expect(reasonsText(['INFORMATION_SECURITY', 'EQUITY'])).toBe(
      'Informationssäkerhet, Likvärdighet',
    );
  });

  it('counts requesters and principals as the school, whatever else they are', () => {
    expect(isSchoolRole(['REQUESTER'])).toBe(true);
    expect(isSchoolRole(['PRINCIPAL', 'READ_ONLY'])).toBe(true);
    expect(isSchoolRole(['OBJECT_SPECIALIST'])).toBe(false);
    expect(isSchoolRole(null)).toBe(false);
  });

  it('gives the day in Sweden of a moment, late in the evening UTC too', () => {
    expect(dayOf('2026-03-14T23:30:00.000Z')).toBe('2026-03-15');
    expect(dayOf(null)).toBe('');
  });

  it('tells a move in the past tense with the change of state', () => {
    expect(
      eventItem(
        testEvent({ kind: 'SUBMIT', fromState: 'DRAFT', toState: 'SUBMITTED', text: '  ' }),
      ),
    ).toEqual({
      id: 'e1',
      at: '2026-03-02T08:15:00.000Z',
      what: 'Begäran skickades in',
      who: 'Sara Skola',
      change: { from: 'Utkast', to: 'Inskickad' },
      text: null,
    });
  });

  it('keeps a move that stays in its state without a change, and names the system', () => {
    const item = eventItem(
      testEvent({
        kind: 'ENDORSE',
        actorName: null,
        fromState: 'DRAFT',
        toState: 'DRAFT',
        text: 'Bra förslag',
      }),
    );
    expect(item.what).toBe('Rektor tillstyrkte');
    expect(item.who).toBe('systemet');
    expect(item.change).toBeNull();
    expect(item.text).toBe('Bra förslag');
    // A kind this app does not know yet (a newer API) shows as it is.
    const unknown = 'SOMETHING_NEW' as RequestEvent['kind'];
    expect(eventItem(testEvent({ kind: unknown })).what).toBe('SOMETHING_NEW');
  });

  it('says who endorsed, and on an unendorsed draft what endorsing means for the reader', () => {
    const endorsed = testRequestDetail({
      endorsedByName: 'Rut Rektor',
      endorsedAt: '2026-03-03T07:00:00.000Z',
    });
    expect(endorsementText(endorsed, false)).toBe('Tillstyrkt av Rut Rektor 2026-03-03.');
    expect(endorsementText(testRequestDetail(), true)).toBe(
      'Begäran är inte tillstyrkt. Skickar du in den räknas det som din tillstyrkan.',
    );
    expect(endorsementText(testRequestDetail(), false)).toContain('Rektor har inte tillstyrkt');
    expect(endorsementText(testRequestDetail({ state: 'SUBMITTED' }), false)).toBeNull();
  });
});
