import type { HttpTestingController } from '@angular/common/http/testing';

import type { PublishedDecision, PublishedReview, SharedKnowledge } from '@licensregistret/domain';

export const NOTHING_SHARED: SharedKnowledge = { serviceVersion: 1, reviews: [], decisions: [] };

/** Answers every pending `GET /api/services/:id/shared` (the panel's shared section). */
export function answerSharedKnowledge(
  http: HttpTestingController,
  shared: SharedKnowledge = NOTHING_SHARED,
): void {
  for (const request of http.match((call) => /\/shared$/.test(call.url))) {
    if (!request.cancelled) request.flush(shared);
  }
}

/** Örebro's published data protection review of Polylino, as another municipality reads it. */
export function testPublishedReview(overrides: Partial<PublishedReview> = {}): PublishedReview {
  return {
    id: 'pub-dp',
    kind: 'DATA_PROTECTION',
    municipality: { slug: 'orebro', name: 'Örebro kommun' },
    own: false,
    reviewerRole: 'DATA_PROTECTION',
    reviewedOn: '2026-01-15',
    publishedAt: '2026-02-01T10:00:00Z',
    serviceVersion: 1,
    outcome: 'APPROVED_WITH_CONDITIONS',
    conditions: 'Bara med elevens skolkonto.',
    findings: {
      processesPersonalData: true,
      purpose: 'Läsning.',
      legalBasis: 'PUBLIC_INTEREST',
      dataCategories: ['IDENTITY'],
      dataSubjects: ['PUPILS'],
      dataProcessingAgreementSigned: true,
      dpiaCriteria: [],
      dpiaDone: false,
      storageLocation: 'EU_EEA',
      transferMechanism: 'NONE',
      subProcessors: [],
      retention: '90 dagar.',
    },
    adoptedFrom: null,
    ...overrides,
  } as PublishedReview;
}

/** Lindesberg's published rejection of the tool. */
export function testPublishedDecision(
  overrides: Partial<PublishedDecision> = {},
): PublishedDecision {
  return {
    id: 'pub-dec',
    municipality: { slug: 'lindesberg', name: 'Lindesbergs kommun' },
    own: false,
    status: 'REJECTED',
    decidedOn: '2026-03-02',
    publicConditions: '',
    rejectionReasons: ['ECONOMY'],
    publishedAt: '2026-03-03T08:00:00Z',
    serviceVersion: 1,
    ...overrides,
  };
}
