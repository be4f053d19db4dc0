import type {
  CurrentReviews,
  DemandGroup,
  DigitalService,
  RequestDetail,
  RequestEvent,
  RequestSummary,
  ServiceReview,
  UnitServiceLicence,
} from '@licensregistret/domain';

/** A request as a queue row, for tests: Hagaskolan asking for Polylino, in triage. */
export function testRequestSummary(overrides: Partial<RequestSummary> = {}): RequestSummary {
  return {
    id: 'r-123',
    number: 123,
    state: 'IN_TRIAGE',
    unitId: 'u-haga',
    unitName: 'Hagaskolan F-6',
    requesterName: 'Lena Lärspridare',
    serviceId: 'svc-polylino',
    toolName: 'Polylino',
    schoolForms: ['GR'],
    pupilCount: 320,
    createdAt: '2026-02-01T08:00:00Z',
    submittedAt: '2026-02-02T09:30:00Z',
    ageDays: 40,
    demandCount: 3,
    decisionOutcome: null,
    decisionReasons: [],
    version: 4,
    ...overrides,
  };
}

export function testService(overrides: Partial<DigitalService> = {}): DigitalService {
  return {
    id: 'svc-polylino',
    name: 'Polylino',
    supplierId: 's-nok',
    supplierName: 'Natur & Kultur',
    category: 'LEARNING_MATERIAL',
    description: 'Bilderböcker med uppläsning på över 30 språk.',
    schoolForms: ['FS', 'GR'],
    languages: ['sv', 'ar', 'so'],
    webAddress: 'https://www.polylino.se',
    signInMethod: 'FEDERATION',
    personalData: 'PUPILS_ORDINARY',
    dataLocation: 'EU_EEA',
    catalogueStatus: 'UNDER_REVIEW',
    conditions: '',
    publicConditions: '',
    version: 2,
    ...overrides,
  };
}

export const NO_REVIEWS: CurrentReviews = {
  DATA_PROTECTION: null,
  INFORMATION_SECURITY: null,
  PROCUREMENT: null,
};

/** An approved GDPR review of Polylino, signed agreement, no DPIA needed. */
export function testDataProtectionReview(
  overrides: Partial<Extract<ServiceReview, { kind: 'DATA_PROTECTION' }>> = {},
): ServiceReview {
  return {
    id: 'rev-dp',
    serviceId: 'svc-polylino',
    kind: 'DATA_PROTECTION',
    outcome: 'APPROVED',
    conditions: '',
    notes: 'SKR:s standardavtal med bilagorna ifyllda.',
    reviewerName: 'Dana Dataskydd',
    reviewedOn: '2026-01-15',
    redoBy: '2027-01-15',
    dueAgainSince: null,
    validity: 'VALID',
    adoptedFrom: null,
    publishedAt: null,
    findings: {
      processesPersonalData: true,
      purpose: 'Elevernas läsning och lärarens uppföljning.',
      legalBasis: 'PUBLIC_INTEREST',
      dataCategories: ['IDENTITY', 'USAGE'],
      dataSubjects: ['PUPILS', 'STAFF'],
      dataProcessingAgreementSigned: true,
      dpiaCriteria: ['VULNERABLE_SUBJECTS'],
      dpiaDone: false,
      storageLocation: 'EU_EEA',
      transferMechanism: 'NONE',
      subProcessors: ['Amazon Web Services EMEA SARL (Stockholm)'],
      retention: 'Raderas 90 dagar efter avslutat konto.',
    },
    ...overrides,
  };
}

/** A request in full, as an object specialist in triage sees it. */
export function testRequestDetail(overrides: Partial<RequestDetail> = {}): RequestDetail {
  return {
    ...testRequestSummary(),
    requesterId: 'acc-lena',
    serviceId: 'svc-polylino',
    newTool: null,
    need: 'Nyanlända elever behöver läsa bilderböcker på sitt modersmål.',
    subjects: ['Svenska', 'Modersmål'],
    targetGroup: 'Elever i förberedelseklass',
    schoolForms: ['GR'],
    pupilCount: 320,
    staffCount: 12,
    personalData: 'PUPILS_ORDINARY',
    personalDataDescription: 'Elevens namn och klass via Skolfederation.',
    wantedFrom: '2026-08-15',
    endorsedByName: 'Rut Rektor',
    endorsedAt: '2026-02-02T09:00:00Z',
    decline: null,
    stateBeforeInfo: null,
    openQuestion: null,
    service: testService(),
    coveredBy: null,
    implementedBy: null,
    proposal: null,
    decision: null,
    needsManagerConfirmation: false,
    reviews: { ...NO_REVIEWS, DATA_PROTECTION: testDataProtectionReview() },
    approvalBlockers: [
      { code: 'REVIEW_MISSING', kind: 'INFORMATION_SECURITY' },
      { code: 'REVIEW_MISSING', kind: 'PROCUREMENT' },
    ],
    whatChanged: null,
    joinedUnits: [],
    availableMoves: ['QUEUE', 'MARK_COVERED', 'ASK_FOR_INFO', 'START_REVIEW'],
    editable: false,
    ...overrides,
  };
}

export function testEvent(overrides: Partial<RequestEvent> = {}): RequestEvent {
  return {
    id: 'e1',
    occurredAt: '2026-02-02T09:30:00Z',
    actorName: 'Lena Lärspridare',
    kind: 'SUBMIT',
    fromState: 'DRAFT',
    toState: 'SUBMITTED',
    text: null,
    outcome: null,
    ...overrides,
  };
}

export function testUnitLicence(overrides: Partial<UnitServiceLicence> = {}): UnitServiceLicence {
  return {
    serviceId: 'svc-polylino',
    serviceName: 'Polylino',
    licenceId: 'lic-polylino',
    agreementId: 'a-nok',
    agreementNumber: 'NOK-2024-031',
    scope: 'SCHOOL_FORMS',
    endsOn: '2027-06-30',
    ...overrides,
  };
}

export function testDemandGroup(overrides: Partial<DemandGroup> = {}): DemandGroup {
  return {
    serviceId: 'svc-polylino',
    toolName: 'Polylino',
    requestCount: 3,
    unitCount: 3,
    pupilCount: 910,
    oldestSubmittedAt: '2026-01-20T10:00:00Z',
    requestIds: ['r-101', 'r-123', 'r-140'],
    ...overrides,
  };
}
