import {
  type CurrentReviews,
  DPIA_CRITERIA,
  DPIA_NEEDED_FROM_CRITERIA,
  type DpiaCriterion,
  type ServiceReview,
  approvalBlockers,
  describeBlocker,
  dpiaNeeded,
  gdprStops,
  reviewValidity,
} from './reviews';

const base = {
  outcome: 'APPROVED' as const,
  conditions: '',
  notes: '',
  reviewerName: 'R',
  reviewedOn: '2026-01-10',
  redoBy: '2027-01-10',
  dueAgainSince: null,
  validity: 'VALID' as const,
  serviceId: 's',
  adoptedFrom: null,
  publishedAt: null,
};

function reviews(
  gdpr: Partial<Extract<ServiceReview, { kind: 'DATA_PROTECTION' }>['findings']> = {},
  overrides: Partial<Record<keyof CurrentReviews, Partial<ServiceReview> | null>> = {},
): CurrentReviews {
  const all: CurrentReviews = {
    DATA_PROTECTION: {
      ...base,
      id: 'g',
      kind: 'DATA_PROTECTION',
      findings: {
        processesPersonalData: true,
        purpose: 'Undervisning',
        legalBasis: 'PUBLIC_INTEREST',
        dataCategories: ['IDENTITY'],
        dataSubjects: ['PUPILS'],
        dataProcessingAgreementSigned: true,
        dpiaCriteria: [],
        dpiaDone: false,
        storageLocation: 'SWEDEN',
        transferMechanism: 'NONE',
        subProcessors: [],
        retention: '',
        ...gdpr,
      },
    },
    INFORMATION_SECURITY: {
      ...base,
      id: 'i',
      kind: 'INFORMATION_SECURITY',
      findings: {
        confidentiality: 2,
        integrity: 1,
        availability: 1,
        signInMethod: 'FEDERATION',
        risks: '',
      },
    },
    PROCUREMENT: {
      ...base,
      id: 'p',
      kind: 'PROCUREMENT',
      findings: {
        procurementRoute: 'DIRECT_AWARD',
        annualCost: 1000,
        agreementId: null,
        budgetCovered: true,
      },
    },
  };
  for (const [kind, value] of Object.entries(overrides)) {
    const key = kind as keyof CurrentReviews;
    all[key] = value === null ? null : ({ ...all[key], ...value } as never);
  }
  return all;
}

const codes = (current: CurrentReviews, today = '2026-06-01') =>
  approvalBlockers(current, today).map((blocker) =>
    'kind' in blocker ? `${blocker.code}:${blocker.kind}` : blocker.code,
  );

describe('reviewValidity', () => {
  it('is valid up to and on the redo date, expired the day after', () => {
    const review = { redoBy: '2026-06-01', dueAgainSince: null };
    expect(reviewValidity(review, '2026-05-31')).toBe('VALID');
    expect(reviewValidity(review, '2026-06-01')).toBe('VALID');
    expect(reviewValidity(review, '2026-06-02')).toBe('EXPIRED');
  });

  it('is due again after a change, whatever its date', () => {
    expect(
      reviewValidity({ redoBy: '2030-01-01', dueAgainSince: '2026-05-01T10:00:00Z' }, '2026-06-01'),
    ).toBe('DUE_AGAIN');
  });
});

describe('approvalBlockers', () => {
  it('has none when all three reviews are approved and valid', () => {
    expect(codes(reviews())).toEqual([]);
  });

  it('names every missing review', () => {
    expect(codes(reviews({}, { DATA_PROTECTION: null, PROCUREMENT: null }))).toEqual([
      'REVIEW_MISSING:DATA_PROTECTION',
      'REVIEW_MISSING:PROCUREMENT',
    ]);
  });

  it('names rejected, expired and due-again reviews; approval with conditions passes', () => {
    expect(
      codes(
        reviews(
          {},
          {
            DATA_PROTECTION: { outcome: 'REJECTED' },
            INFORMATION_SECURITY: { redoBy: '2026-05-31' },
            PROCUREMENT: { dueAgainSince: '2026-05-01T00:00:00Z' },
          },
        ),
      ),
    ).toEqual([
      'REVIEW_REJECTED:DATA_PROTECTION',
      'REVIEW_EXPIRED:INFORMATION_SECURITY',
      'REVIEW_DUE_AGAIN:PROCUREMENT',
    ]);
    expect(codes(reviews({}, { PROCUREMENT: { outcome: 'APPROVED_WITH_CONDITIONS' } }))).toEqual(
      [],
    );
  });

  it('blocks personal data without a signed data processing agreement', () => {
    expect(codes(reviews({ dataProcessingAgreementSigned: false }))).toEqual([
      'NO_DATA_PROCESSING_AGREEMENT',
    ]);
    expect(
      codes(reviews({ processesPersonalData: false, dataProcessingAgreementSigned: false })),
    ).toEqual([]);
  });

  it('needs a DPIA from two of IMY’s criteria, not one', () => {
    expect(codes(reviews({ dpiaCriteria: ['VULNERABLE_SUBJECTS'] }))).toEqual([]);
    expect(codes(reviews({ dpiaCriteria: ['VULNERABLE_SUBJECTS', 'NEW_TECHNOLOGY'] }))).toEqual([
      'DPIA_MISSING',
    ]);
    expect(
      codes(reviews({ dpiaCriteria: ['VULNERABLE_SUBJECTS', 'NEW_TECHNOLOGY'], dpiaDone: true })),
    ).toEqual([]);
  });

  it('needs a transfer mechanism only for data outside the EU/EEA', () => {
    expect(codes(reviews({ storageLocation: 'EU_EEA' }))).toEqual([]);
    expect(codes(reviews({ storageLocation: 'OUTSIDE_EU_EEA' }))).toEqual([
      'TRANSFER_WITHOUT_MECHANISM',
    ]);
    expect(
      codes(reviews({ storageLocation: 'OUTSIDE_EU_EEA', transferMechanism: 'SCC_WITH_TIA' })),
    ).toEqual([]);
  });

  it('says each blocker in Swedish, naming the review', () => {
    expect(describeBlocker({ code: 'REVIEW_MISSING', kind: 'PROCUREMENT' })).toBe(
      'Granskning saknas: Avtals- och kostnadsgranskning',
    );
    expect(describeBlocker({ code: 'DPIA_MISSING' })).toMatch(/konsekvensbedömning/);
  });
});

describe('gdprStops', () => {
  const findings = {
    processesPersonalData: true,
    dataProcessingAgreementSigned: true,
    dpiaCriteria: [] as DpiaCriterion[],
    dpiaDone: false,
    storageLocation: 'EU_EEA' as const,
    transferMechanism: 'NONE' as const,
  };

  it('has none for findings that pass, and none at all without personal data', () => {
    expect(gdprStops(findings)).toEqual([]);
    expect(
      gdprStops({
        ...findings,
        processesPersonalData: false,
        dataProcessingAgreementSigned: false,
        dpiaCriteria: ['SENSITIVE_DATA', 'LARGE_SCALE'],
        storageLocation: 'OUTSIDE_EU_EEA',
      }),
    ).toEqual([]);
  });

  it('names all three stops together, in the order approvalBlockers lists them', () => {
    expect(
      gdprStops({
        ...findings,
        dataProcessingAgreementSigned: false,
        dpiaCriteria: ['SENSITIVE_DATA', 'LARGE_SCALE'],
        storageLocation: 'OUTSIDE_EU_EEA',
      }),
    ).toEqual(['NO_DATA_PROCESSING_AGREEMENT', 'DPIA_MISSING', 'TRANSFER_WITHOUT_MECHANISM']);
  });

  it('needs a DPIA from DPIA_NEEDED_FROM_CRITERIA criteria (two), not one fewer', () => {
    expect(DPIA_NEEDED_FROM_CRITERIA).toBe(2);
    expect(dpiaNeeded(DPIA_CRITERIA.slice(0, DPIA_NEEDED_FROM_CRITERIA - 1))).toBe(false);
    expect(dpiaNeeded(DPIA_CRITERIA.slice(0, DPIA_NEEDED_FROM_CRITERIA))).toBe(true);
  });

  it('is what approvalBlockers adds for an approved data protection review', () => {
    const stopped = reviews({
      dataProcessingAgreementSigned: false,
      storageLocation: 'OUTSIDE_EU_EEA',
    });
    const review = stopped.DATA_PROTECTION;
    if (review?.kind !== 'DATA_PROTECTION') throw new Error('a data protection review');
    expect(codes(stopped)).toEqual(gdprStops(review.findings));
  });
});
