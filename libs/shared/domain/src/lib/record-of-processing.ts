import type { CatalogueStatus, DataLocation, ServiceCategory } from './catalogue';
import type { IsoDate } from './iso-date';
import type {
  DataCategory,
  DataSubject,
  DpiaCriterion,
  LegalBasis,
  ReviewOutcome,
  ReviewValidity,
  TransferMechanism,
} from './reviews';

/** A data processing agreement as an agreement licensing the service records it. */
export interface ProcessingAgreementRef {
  agreementId: string;
  agreementNumber: string;
  signed: boolean;
  signedOn: IsoDate | null;
  subProcessors: string[];
}

/**
 * One processing in the record of processing (registerförteckning, GDPR art. 30): an approved
 * service whose current data protection review says it processes personal data, as that review
 * found it.
 */
export interface ProcessingRecordEntry {
  serviceId: string;
  serviceName: string;
  supplierName: string;
  supplierOrganisationNumber: string;
  category: ServiceCategory;
  catalogueStatus: CatalogueStatus;
  /**
   * What the personal data is processed for, as data protection wrote it in the review (empty
   * when the review did not say: the page says so).
   */
  purpose: string;
  /** The conditions of the service's approval (empty when approved without conditions). */
  conditions: string;
  dataCategories: DataCategory[];
  dataSubjects: DataSubject[];
  legalBasis: LegalBasis | null;
  /** Whether the review found a signed data processing agreement. */
  dataProcessingAgreementSigned: boolean;
  /** The agreements licensing the service today, with their data processing agreements. */
  agreements: ProcessingAgreementRef[];
  /** The review's sub-processors and the agreements', each once. */
  subProcessors: string[];
  storageLocation: DataLocation;
  transferMechanism: TransferMechanism;
  retention: string;
  dpiaCriteria: DpiaCriterion[];
  dpiaDone: boolean;
  review: {
    outcome: ReviewOutcome;
    reviewerName: string;
    reviewedOn: IsoDate;
    redoBy: IsoDate;
    validity: ReviewValidity;
  };
}

/** Why an approved service has no entry in the record. */
export const RECORD_OMISSION_REASONS = ['NO_DATA_PROTECTION_REVIEW', 'NO_PERSONAL_DATA'] as const;
export type RecordOmissionReason = (typeof RECORD_OMISSION_REASONS)[number];

export const RECORD_OMISSION_LABELS: Record<RecordOmissionReason, string> = {
  NO_DATA_PROTECTION_REVIEW:
    'Ingen dataskyddsgranskning är gjord, så behandlingen är inte beskriven',
  NO_PERSONAL_DATA: 'Behandlar inga personuppgifter enligt dataskyddsgranskningen',
};

/** An approved service the record has no entry for, and why. */
export interface RecordOmission {
  serviceId: string;
  serviceName: string;
  supplierName: string;
  catalogueStatus: CatalogueStatus;
  reason: RecordOmissionReason;
}

export interface RecordOfProcessing {
  /** The day the record was read. */
  readOn: IsoDate;
  entries: ProcessingRecordEntry[];
  /** Every other approved service, with why it has no entry. */
  omitted: RecordOmission[];
}

/** The record's headings in Swedish, for the page and the export alike. */
export const PROCESSING_RECORD_LABELS = {
  service: 'Tjänst',
  supplier: 'Leverantör (personuppgiftsbiträde)',
  category: 'Kategori',
  purpose: 'Ändamål',
  conditions: 'Villkor',
  dataCategories: 'Kategorier av personuppgifter',
  dataSubjects: 'Kategorier av registrerade',
  legalBasis: 'Rättslig grund',
  dataProcessingAgreement: 'Personuppgiftsbiträdesavtal',
  subProcessors: 'Underbiträden',
  storageLocation: 'Lagringsplats',
  transferMechanism: 'Överföring till tredje land',
  retention: 'Lagringstid och gallring',
  dpia: 'Konsekvensbedömning',
  review: 'Dataskyddsgranskning',
} as const;

/**
 * The data processing agreement in words: what the review found, then each licensing
 * agreement's, e.g. "Undertecknat enligt granskningen. Avtal NE-2024-117: undertecknat 2024-06-10".
 */
export function dataProcessingAgreementText(
  entry: Pick<ProcessingRecordEntry, 'dataProcessingAgreementSigned' | 'agreements'>,
): string {
  const review = entry.dataProcessingAgreementSigned
    ? 'Undertecknat enligt granskningen'
    : 'Inte undertecknat enligt granskningen';
  const agreements = entry.agreements.map((agreement) =>
    agreement.signed
      ? `Avtal ${agreement.agreementNumber}: undertecknat${agreement.signedOn ? ` ${agreement.signedOn}` : ''}`
      : `Avtal ${agreement.agreementNumber}: inte undertecknat`,
  );
  return [review, ...agreements].join('. ');
}

/** The purpose in words; the review may predate the question (then the record says so). */
export function purposeText(entry: Pick<ProcessingRecordEntry, 'purpose'>): string {
  return entry.purpose.trim() || 'Inte angivet i dataskyddsgranskningen';
}

/** The approval's conditions in words. */
export function conditionsText(entry: Pick<ProcessingRecordEntry, 'conditions'>): string {
  return entry.conditions.trim() || 'Inga villkor';
}
