import type { ProcessingRecordEntry } from '@licensregistret/domain';

/** A processing as the API gives it; override what a test is about. */
export function testProcessing(
  overrides: Partial<ProcessingRecordEntry> = {},
): ProcessingRecordEntry {
  return {
    serviceId: 'svc-ne',
    serviceName: 'NE',
    supplierName: 'NE Nationalencyklopedin AB',
    supplierOrganisationNumber: '556172-2318',
    category: 'LEARNING_MATERIAL',
    catalogueStatus: 'APPROVED',
    purpose: 'Läromedel i alla ämnen och en kunskapstjänst för grundskolan.',
    conditions: '',
    dataCategories: ['IDENTITY', 'USAGE'],
    dataSubjects: ['PUPILS', 'STAFF'],
    legalBasis: 'PUBLIC_INTEREST',
    dataProcessingAgreementSigned: true,
    agreements: [
      {
        agreementId: 'a-ne',
        agreementNumber: 'NE-2024-117',
        signed: true,
        signedOn: '2024-06-10',
        subProcessors: ['Amazon Web Services EMEA SARL'],
      },
    ],
    subProcessors: ['Amazon Web Services EMEA SARL'],
    storageLocation: 'EU_EEA',
    transferMechanism: 'NONE',
    retention: 'Gallras när eleven slutar i kommunens skolor.',
    dpiaCriteria: ['VULNERABLE_SUBJECTS'],
    dpiaDone: false,
    review: {
      outcome: 'APPROVED',
      reviewerName: 'Dana Dataskydd',
      reviewedOn: '2026-01-15',
      redoBy: '2027-01-15',
      validity: 'VALID',
    },
    ...overrides,
  };
}
