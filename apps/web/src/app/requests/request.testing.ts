import type { RequestDetail, RequestEvent, RequestSummary } from '@licensregistret/domain';

const POLYLINO = {
  id: 'svc-polylino',
  name: 'Polylino',
  supplierId: 's-nok',
  supplierName: 'Natur & Kultur (Polylino)',
  category: 'LEARNING_MATERIAL',
  description: 'Inlästa bilderböcker sorterade efter ämne och språk.',
  schoolForms: ['FS', 'GR'],
  languages: ['svenska', 'arabiska'],
  webAddress: 'https://www.polylino.se',
  signInMethod: 'FEDERATION',
  personalData: 'PUPILS_ORDINARY',
  dataLocation: 'EU_EEA',
  catalogueStatus: 'APPROVED',
  conditions: '',
  publicConditions: '',
  version: 1,
} as const satisfies RequestDetail['service'];

/** A request as a list row, for tests: Hagaskolan's submitted request for Polylino. */
export function testRequestSummary(overrides: Partial<RequestSummary> = {}): RequestSummary {
  return {
    id: 'r-42',
    number: 42,
    state: 'SUBMITTED',
    unitId: 'u-haga',
    unitName: 'Hagaskolan F-6',
    requesterName: 'Sara Skola',
    serviceId: POLYLINO.id,
    toolName: 'Polylino',
    schoolForms: ['GR'],
    pupilCount: 120,
    createdAt: '2026-03-02T08:15:00.000Z',
    submittedAt: '2026-03-03T09:30:00.000Z',
    ageDays: 11,
    demandCount: 1,
    decisionOutcome: null,
    decisionReasons: [],
    version: 3,
    ...overrides,
  };
}

/** A request in full, for tests: a draft for Polylino that the caller may edit. */
export function testRequestDetail(overrides: Partial<RequestDetail> = {}): RequestDetail {
  return {
    ...testRequestSummary({ state: 'DRAFT', submittedAt: null, ageDays: null }),
    requesterId: 'user-requester',
    newTool: null,
    need: 'Elever med annat modersmål behöver läsa bilderböcker på sitt språk.',
    subjects: ['Svenska', 'Svenska som andraspråk'],
    targetGroup: 'Nyanlända elever i årskurs 1-3',
    pupilCount: 120,
    staffCount: 8,
    personalData: 'PUPILS_ORDINARY',
    personalDataDescription: 'Elevens namn och klass via Skolfederation.',
    wantedFrom: '2026-08-15',
    endorsedByName: null,
    endorsedAt: null,
    decline: null,
    stateBeforeInfo: null,
    openQuestion: null,
    service: {
      ...POLYLINO,
      schoolForms: [...POLYLINO.schoolForms],
      languages: [...POLYLINO.languages],
    },
    coveredBy: null,
    implementedBy: null,
    proposal: null,
    decision: null,
    needsManagerConfirmation: false,
    reviews: null,
    approvalBlockers: [],
    whatChanged: null,
    joinedUnits: [],
    availableMoves: ['SUBMIT', 'WITHDRAW'],
    editable: true,
    ...overrides,
  };
}

export function testEvent(overrides: Partial<RequestEvent> = {}): RequestEvent {
  return {
    id: 'e1',
    occurredAt: '2026-03-02T08:15:00.000Z',
    actorName: 'Sara Skola',
    kind: 'CREATED',
    fromState: null,
    toState: 'DRAFT',
    text: null,
    outcome: null,
    ...overrides,
  };
}
