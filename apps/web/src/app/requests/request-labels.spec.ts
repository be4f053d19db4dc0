import { decisionText, endorsementText, isSchoolRole, reasonsText } from './request-labels';
import { testRequestDetail } from './request.testing';

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
    expect(endorsementText(testRequestDetail({ state: 'IN_TRIAGE' }), false)).toBeNull();
  });

  it('on a submitted request whose endorsement a change cleared, says it waits for the principal', () => {
    const cleared = testRequestDetail({ state: 'SUBMITTED' });
    expect(endorsementText(cleared, false)).toBe(
      'Begäran har ändrats sedan rektor tillstyrkte den. Rektor behöver tillstyrka den igen innan den bedöms.',
    );
    expect(endorsementText(cleared, true)).toContain('behöver din tillstyrkan igen');
  });
});
