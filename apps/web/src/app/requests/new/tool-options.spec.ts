import { testToolMatch } from '../../catalogue/catalogue.testing';
import { toolOptions } from './tool-options';

const licensedHaga = testToolMatch({
  licensedUnits: [
    { unitId: 'u-haga', unitName: 'Hagaskolan F-6', agreementId: 'a1', endsOn: '2027-06-30' },
  ],
});
const widgit = testToolMatch({
  serviceId: 'svc-widgit',
  name: 'Widgit Online',
  supplierName: 'Widgit',
});
const request = (overrides: Partial<ReturnType<typeof testToolMatch>['requests'][number]>) => ({
  id: 'r-1',
  number: 17,
  unitId: 'u-wall',
  unitName: 'Wallerska skolan F-6',
  state: 'IN_TRIAGE' as const,
  ownUnit: false,
  joinedByOwnUnit: false,
  ...overrides,
});

describe('toolOptions', () => {
  it('says which services the unit already has, with the licence', () => {
    const [polylino, other] = toolOptions([licensedHaga, widgit], null, 'u-haga');
    expect(polylino.licence?.endsOn).toBe('2027-06-30');
    expect(polylino.category).toBe('Läromedel');
    expect(polylino.statusText).toBe('Godkänd');
    expect(other.licence).toBeNull();
  });

  it('counts a licence of another of the person’s units as none for this unit', () => {
    expect(toolOptions([licensedHaga], null, 'u-mell')[0].licence).toBeNull();
  });

  it('keeps the chosen service first when a later search no longer finds it', () => {
    expect(toolOptions([licensedHaga], widgit, 'u-haga').map((option) => option.id)).toEqual([
      'svc-widgit',
      'svc-polylino',
    ]);
    expect(toolOptions([widgit], widgit, 'u-haga').map((option) => option.id)).toEqual([
      'svc-widgit',
    ]);
  });

  it('tells a rejected tool’s decision date, reasons and explanation', () => {
    const [quizlet] = toolOptions(
      [
        testToolMatch({
          serviceId: 'svc-quizlet',
          name: 'Quizlet',
          catalogueStatus: 'REJECTED',
          rejection: {
            decidedOn: '2026-10-05',
            reasons: ['INFORMATION_SECURITY', 'AGREEMENT'],
            text: 'Lagras i USA utan överföringsmekanism.',
          },
        }),
      ],
      null,
      'u-mell',
    );
    expect(quizlet.statusText).toBe('Avslagen');
    expect(quizlet.rejection).toEqual({
      summary: 'Avslogs 2026-10-05. Skäl: Informationssäkerhet, Avtal.',
      text: 'Lagras i USA utan överföringsmekanism.',
    });
  });

  it('offers other units’ open requests to join, and the unit’s own request instead of a new one', () => {
    const kahoot = testToolMatch({
      serviceId: null,
      name: 'Kahoot!',
      category: null,
      catalogueStatus: null,
      requests: [
        request({}),
        request({ id: 'r-draft', unitId: 'u-haga', state: 'DRAFT', ownUnit: true }),
      ],
    });
    const [forMellringe] = toolOptions([kahoot], null, 'u-mell');
    expect(forMellringe).toMatchObject({
      id: 'proposed:Kahoot!',
      serviceId: null,
      statusText: 'Inte i katalogen',
      category: 'Föreslaget verktyg',
      ownRequest: null,
    });
    expect(forMellringe.joinable.map((option) => [option.id, option.stateText])).toEqual([
      ['r-1', 'bedöms'],
    ]);

    const [forHaga] = toolOptions([kahoot], null, 'u-haga');
    expect(forHaga.ownRequest?.id).toBe('r-draft');
    expect(forHaga.joinable).toEqual([]);
  });

  it('counts a joined request as the unit’s own', () => {
    const [option] = toolOptions(
      [testToolMatch({ requests: [request({ joinedByOwnUnit: true })] })],
      null,
      'u-mell',
    );
    expect(option.ownRequest?.id).toBe('r-1');
    expect(option.joinable).toEqual([]);
  });
});
