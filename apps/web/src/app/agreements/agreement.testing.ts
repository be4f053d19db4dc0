import type { Agreement, CostSplit, Licence } from '@licensregistret/domain';

/** An agreement as the API answers, for tests; NE's terms unless overridden. */
export function testAgreement(overrides: Partial<Agreement> = {}): Agreement {
  return {
    id: 'a-ne',
    supplierId: 's-ne',
    supplierName: 'NE Nationalencyklopedin AB',
    agreementNumber: 'NE-2025-0117',
    caseNumber: 'Bou 2025/00412',
    procurementRoute: 'FRAMEWORK',
    frameworkName: 'Adda Digitala läromedel och verktyg 2023',
    callOffReference: 'AVROP-2025-118',
    signedOn: '2025-01-10',
    startsOn: '2025-02-01',
    endsOn: '2027-12-31',
    extensionOptions: 2,
    extensionMonths: 12,
    extensionOptionsUsed: 0,
    nextExtensionDecisionBy: '2027-06-30',
    noticePeriodMonths: 6,
    internalLeadDays: 90,
    renewsAutomatically: false,
    annualCost: 1_245_000,
    costModel: 'PER_PUPIL',
    ownerId: 'o1',
    ownerName: 'Ulla Upphandlare',
    scopeSchoolForms: ['GR'],
    dataProcessingAgreement: {
      signed: true,
      signedOn: '2025-01-10',
      subProcessors: ['Amazon Web Services EMEA SARL (Stockholm)'],
    },
    documents: [{ title: 'Avtal NE 2025', url: 'https://dokument.example/avtal/ne-2025.pdf' }],
    followsId: null,
    followedById: null,
    terminatedOn: null,
    services: [{ id: 'svc-ne', name: 'NE' }],
    status: 'ACTIVE',
    lastDayToGiveNotice: '2027-06-30',
    nextDeadline: { kind: 'EXTENSION', date: '2027-06-30', actionFrom: '2027-04-01' },
    daysLeft: 400,
    extensionOptionsLeft: 2,
    availableActions: [
      'USE_EXTENSION',
      'DECLINE_EXTENSION',
      'REGISTER_SUCCESSOR',
      'END_EARLY',
      'CORRECT',
    ],
    version: 1,
    ...overrides,
  };
}

export function testLicence(overrides: Partial<Licence> = {}): Licence {
  return {
    id: 'l1',
    agreementId: 'a-ne',
    agreementNumber: 'NE-2025-0117',
    serviceId: 'svc-ne',
    serviceName: 'NE',
    scope: 'SCHOOL_FORMS',
    schoolForms: ['GR'],
    units: [],
    seatCount: null,
    seatsInUse: null,
    startsOn: '2025-02-01',
    endsOn: '2027-12-31',
    version: 1,
    ...overrides,
  };
}

/** Two units sharing NE's cost by pupils: 1 245 000 kr split to the öre. */
export function testCostSplit(overrides: Partial<CostSplit> = {}): CostSplit {
  return {
    agreementId: 'a-ne',
    costModel: 'PER_PUPIL',
    annualCost: 1_245_000,
    rows: [
      { unitId: 'u1', unitName: 'Hagaskolan F-6', pupils: 320, amount: 543_272.73 },
      { unitId: 'u2', unitName: 'Mellringeskolan 7-9', pupils: 413, amount: 701_727.27 },
    ],
    ...overrides,
  };
}
