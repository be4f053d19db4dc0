import { TestBed } from '@angular/core/testing';

import type { RequestDetail } from '@licensregistret/domain';

import { testRequestDetail } from '../../decisions/decision.testing';
import type { RequestAudience } from './request-audience';
import { RequestFacts } from './request-facts';

const plain = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() ?? '';

function render(request: RequestDetail, audience: RequestAudience) {
  const fixture = TestBed.createComponent(RequestFacts);
  fixture.componentRef.setInput('request', request);
  fixture.componentRef.setInput('audience', audience);
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  const rows = [...element.querySelectorAll('dl.facts > div')];
  return {
    element,
    terms: rows.map((row) => plain(row.querySelector('dt')?.textContent)),
    facts: Object.fromEntries(
      rows.map((row) => [
        plain(row.querySelector('dt')?.textContent),
        plain(row.querySelector('dd')?.textContent),
      ]),
    ),
  };
}

describe('RequestFacts', () => {
  const common = {
    Verktyg: 'Polylino',
    Leverantör: 'Natur & Kultur',
    Webbadress: 'https://www.polylino.se',
    Skolenhet: 'Hagaskolan F-6',
    Behov: 'Nyanlända elever behöver läsa bilderböcker på sitt modersmål.',
    Ämnen: 'Svenska, Modersmål',
    Målgrupp: 'Elever i förberedelseklass',
    Skolformer: 'Grundskola',
    'Antal elever': '320',
    'Antal personal': '12',
    Personuppgifter: 'Elevers vanliga personuppgifter Elevens namn och klass via Skolfederation.',
    'Önskat startdatum': '2026-08-15',
    'Begärd av': 'Lena Lärspridare, 2026-02-01',
  };

  it('tells the school what its request says, each term with its value, in one list', () => {
    const { element, terms, facts } = render(testRequestDetail(), 'school');
    expect(facts).toEqual({ ...common, Inskickad: '2026-02-02' });
    expect(terms).toEqual(Object.keys(facts));
    // Every row is a term and its value, nothing else.
    for (const row of element.querySelectorAll('dl.facts > div')) {
      expect([...row.children].map((child) => child.tagName)).toEqual(['DT', 'DD']);
    }
    expect(element.querySelector('dd a')?.getAttribute('href')).toBe('https://www.polylino.se');
    expect(element.querySelector('dd a')?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows the routine’s roles also the endorsement and how long the request has waited', () => {
    const { facts, terms } = render(testRequestDetail(), 'routine');
    expect(facts).toEqual({
      ...common,
      Tillstyrkan: 'Tillstyrkt av Rut Rektor 2026-02-02',
      Inskickad: '2026-02-02 10:30 (40 dagar sedan)',
    });
    expect(terms.slice(-3)).toEqual(['Begärd av', 'Tillstyrkan', 'Inskickad']);
  });

  it('says a request is not endorsed, and waited one day, to the routine', () => {
    const { facts } = render(
      testRequestDetail({ state: 'IN_TRIAGE', endorsedByName: null, endorsedAt: null, ageDays: 1 }),
      'routine',
    );
    expect(facts['Tillstyrkan']).toBe('Inte tillstyrkt av rektor');
    expect(facts['Inskickad']).toBe('2026-02-02 10:30 (1 dag sedan)');
  });

  it('tells the routine that a submitted request changed after its endorsement waits for it again', () => {
    const { facts } = render(
      testRequestDetail({ state: 'SUBMITTED', endorsedByName: null, endorsedAt: null }),
      'routine',
    );
    expect(facts['Tillstyrkan']).toBe(
      'Ändrad efter tillstyrkan – väntar på att rektor tillstyrker igen',
    );
  });

  it.each<RequestAudience>(['school', 'routine'])(
    'names what is missing in plain words for the %s',
    (audience) => {
      const { facts } = render(
        testRequestDetail({
          state: 'DRAFT',
          subjects: [],
          targetGroup: ' ',
          schoolForms: [],
          wantedFrom: null,
          personalData: 'NONE',
          personalDataDescription: 'Ett gammalt utkast av beskrivningen.',
          submittedAt: null,
          ageDays: null,
        }),
        audience,
      );
      expect(facts).toMatchObject({
        Ämnen: 'Inga angivna',
        Målgrupp: 'Inte angiven',
        Skolformer: 'Inga angivna',
        'Önskat startdatum': 'Inget angivet',
        Personuppgifter: 'Inga personuppgifter',
        Inskickad: 'Inte inskickad',
      });
    },
  );

  it.each<RequestAudience>(['school', 'routine'])(
    'shows the %s a proposed tool as not in the catalogue, with its supplier and address',
    (audience) => {
      const { facts } = render(
        testRequestDetail({
          serviceId: null,
          service: null,
          toolName: 'Skolplus',
          newTool: { name: 'Skolplus', supplierName: 'Skolplus AB', webAddress: '' },
        }),
        audience,
      );
      expect(facts['Verktyg']).toBe('Skolplus (finns inte i katalogen)');
      expect(facts['Leverantör']).toBe('Skolplus AB');
      expect(facts).not.toHaveProperty('Webbadress');
    },
  );

  it('shows the routine what has changed since a rejection, and the units that joined', () => {
    const { facts } = render(
      testRequestDetail({
        whatChanged: 'Leverantören lagrar nu allt i Sverige.',
        joinedUnits: [
          {
            unitId: 'u-mell',
            unitName: 'Mellringeskolan 7-9',
            pupilCount: 45,
            need: 'Repetition i helklass.',
            joinedByName: 'Lena Lärspridare',
            joinedAt: '2026-02-03T08:00:00.000Z',
          },
        ],
      }),
      'routine',
    );
    expect(facts['Vad som har ändrats sedan avslaget']).toBe(
      'Leverantören lagrar nu allt i Sverige.',
    );
    expect(facts['Anslutna enheter']).toBe(
      'Mellringeskolan 7-9 (45 elever) Mellringeskolan 7-9: Repetition i helklass.',
    );
  });

  it('shows a proposed tool by its service once the review has put it in the catalogue', () => {
    const { facts } = render(
      testRequestDetail({
        toolName: 'Polylino',
        newTool: { name: 'Polylinå', supplierName: 'N&K', webAddress: 'https://fel.example' },
      }),
      'school',
    );
    expect(facts['Verktyg']).toBe('Polylino');
    expect(facts['Leverantör']).toBe('Natur & Kultur');
    expect(facts['Webbadress']).toBe('https://www.polylino.se');
  });

  describe('what the school’s page shows elsewhere', () => {
    const waiting = testRequestDetail({
      state: 'NEEDS_INFO',
      openQuestion: 'Vilka årskurser gäller det?',
      coveredBy: {
        licenceId: 'lic-1',
        agreementNumber: 'NOK-2024-031',
        endsOn: '2027-06-30',
        text: 'Ingår i kommunens avtal.',
      },
    });

    it('shows the routine the open question and the licence that covers the unit', () => {
      const { element, facts } = render(waiting, 'routine');
      expect(plain(element.querySelector('.notice')?.textContent)).toBe(
        'Öppen fråga till skolan: Vilka årskurser gäller det?',
      );
      expect(facts['Täcks redan av']).toBe(
        'Avtal NOK-2024-031, till och med 2027-06-30 Ingår i kommunens avtal.',
      );
    });

    it('leaves them out for the school, whose page has them in places of their own', () => {
      const { element, facts } = render(waiting, 'school');
      expect(element.querySelector('.notice')).toBeNull();
      expect(element.textContent).not.toContain('Vilka årskurser');
      expect(facts).not.toHaveProperty('Täcks redan av');
      expect(facts).not.toHaveProperty('Tillstyrkan');
    });
  });
});
