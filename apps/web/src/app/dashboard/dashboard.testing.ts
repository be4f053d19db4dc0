import type { Dashboard } from '@licensregistret/domain';

/** A dashboard as the API sends it, with a figure or two in every part. */
export function testDashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    today: '2026-06-15',
    agreementsByStatus: [
      { status: 'DRAFT', count: 1 },
      { status: 'TERMINATED', count: 0 },
      { status: 'EXPIRED', count: 2 },
      { status: 'NOTICE_WINDOW_PASSED', count: 0 },
      { status: 'ACTION_NEEDED', count: 1 },
      { status: 'EXPIRING', count: 0 },
      { status: 'ACTIVE', count: 12 },
    ],
    requestsByState: [
      { state: 'SUBMITTED', count: 3 },
      { state: 'IN_TRIAGE', count: 1 },
      { state: 'QUEUED', count: 0 },
      { state: 'NEEDS_INFO', count: 0 },
      { state: 'IN_REVIEW', count: 2 },
      { state: 'ALREADY_COVERED', count: 1 },
      { state: 'DECIDED', count: 5 },
      { state: 'IMPLEMENTED', count: 0 },
      { state: 'WITHDRAWN', count: 0 },
    ],
    openRequestAges: [
      { bucket: '0-7', count: 2 },
      { bucket: '8-30', count: 3 },
      { bucket: '31-90', count: 0 },
      { bucket: '91+', count: 1 },
    ],
    decisionTimes: [
      ...['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'].map((month) => ({
        month,
        count: 0,
        medianDays: null,
        p90Days: null,
      })),
      ...['2026-01', '2026-02', '2026-03', '2026-04'].map((month) => ({
        month,
        count: 0,
        medianDays: null,
        p90Days: null,
      })),
      { month: '2026-05', count: 3, medianDays: 10, p90Days: 26.5 },
      { month: '2026-06', count: 1, medianDays: 2, p90Days: 2 },
    ],
    cost: {
      byService: [
        {
          serviceId: 'svc-ne',
          serviceName: 'NE',
          category: 'LEARNING_MATERIAL',
          annualCost: 1234567,
        },
        {
          serviceId: 'svc-widgit',
          serviceName: 'Widgit Online',
          category: 'ASSISTIVE_TECHNOLOGY',
          annualCost: 80000,
        },
      ],
      byCategory: [
        { category: 'LEARNING_MATERIAL', annualCost: 1234567 },
        { category: 'ASSISTIVE_TECHNOLOGY', annualCost: 80000 },
        { category: 'ASSESSMENT_MATERIAL', annualCost: 0 },
        { category: 'SKILLS_TRAINING', annualCost: 0 },
        { category: 'PREST_SUBJECTS', annualCost: 0 },
        { category: 'OFFICE_SUPPORT', annualCost: 0 },
        { category: 'ADMINISTRATIVE', annualCost: 0 },
      ],
      total: 1324567,
      unallocated: 10000,
    },
    renewals: {
      from: '2026-06-15',
      to: '2027-12-15',
      entries: [
        {
          agreementId: 'ag-1',
          agreementNumber: 'AV-1',
          supplierName: 'NE Nationalencyklopedin AB',
          status: 'ACTION_NEEDED',
          kind: 'EXTENSION',
          date: '2026-08-01',
        },
        {
          agreementId: 'ag-1',
          agreementNumber: 'AV-1',
          supplierName: 'NE Nationalencyklopedin AB',
          status: 'ACTION_NEEDED',
          kind: 'END',
          date: '2026-12-31',
        },
      ],
    },
    equity: [
      {
        schoolForm: 'GR',
        unitCount: 3,
        services: [
          {
            serviceId: 'svc-ne',
            serviceName: 'NE',
            unitsWith: 2,
            unitsLacking: [{ id: 'u-3', name: 'Hagaskolan F-6' }],
          },
        ],
      },
      { schoolForm: 'FS', unitCount: 2, services: [] },
    ],
    ...overrides,
  };
}
