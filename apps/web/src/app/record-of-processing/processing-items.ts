import {
  CATALOGUE_STATUS_LABELS,
  DATA_CATEGORY_LABELS,
  DATA_LOCATION_LABELS,
  DATA_SUBJECT_LABELS,
  DPIA_CRITERION_LABELS,
  PROCESSING_RECORD_LABELS as LABELS,
  LEGAL_BASIS_LABELS,
  type ProcessingRecordEntry,
  REVIEW_OUTCOME_LABELS,
  REVIEW_VALIDITY_LABELS,
  SERVICE_CATEGORY_LABELS,
  TRANSFER_MECHANISM_LABELS,
  conditionsText,
  dataProcessingAgreementText,
  purposeText,
} from '@licensregistret/domain';

/** One term of a processing's definition list. */
export interface ProcessingItem {
  term: string;
  /** One line, or several (a list) where there are several things. */
  value: string | readonly string[];
}

const listOr = (items: readonly string[], none: string) => (items.length > 0 ? items : none);

/** A processing as the page lists it, in the order of art. 30 (purpose first). */
export function processingItems(entry: ProcessingRecordEntry): ProcessingItem[] {
  const review = entry.review;
  return [
    { term: LABELS.purpose, value: purposeText(entry) },
    {
      term: LABELS.supplier,
      value: `${entry.supplierName} (${entry.supplierOrganisationNumber})`,
    },
    {
      term: LABELS.category,
      value: `${SERVICE_CATEGORY_LABELS[entry.category]}; ${CATALOGUE_STATUS_LABELS[entry.catalogueStatus].toLowerCase()}`,
    },
    { term: LABELS.conditions, value: conditionsText(entry) },
    {
      term: LABELS.dataCategories,
      value: listOr(
        entry.dataCategories.map((category) => DATA_CATEGORY_LABELS[category]),
        'Inte angivna',
      ),
    },
    {
      term: LABELS.dataSubjects,
      value: listOr(
        entry.dataSubjects.map((subject) => DATA_SUBJECT_LABELS[subject]),
        'Inte angivna',
      ),
    },
    {
      term: LABELS.legalBasis,
      value: entry.legalBasis ? LEGAL_BASIS_LABELS[entry.legalBasis] : 'Inte angiven',
    },
    { term: LABELS.dataProcessingAgreement, value: dataProcessingAgreementText(entry) },
    { term: LABELS.subProcessors, value: listOr(entry.subProcessors, 'Inga') },
    { term: LABELS.storageLocation, value: DATA_LOCATION_LABELS[entry.storageLocation] },
    { term: LABELS.transferMechanism, value: TRANSFER_MECHANISM_LABELS[entry.transferMechanism] },
    { term: LABELS.retention, value: entry.retention.trim() || 'Inte angiven' },
    {
      term: LABELS.dpia,
      value: [
        entry.dpiaDone ? 'Gjord' : 'Inte gjord',
        ...entry.dpiaCriteria.map((criterion) => `Kriterium: ${DPIA_CRITERION_LABELS[criterion]}`),
      ],
    },
    {
      term: LABELS.review,
      value: `${REVIEW_OUTCOME_LABELS[review.outcome]} ${review.reviewedOn} av ${review.reviewerName}; ${REVIEW_VALIDITY_LABELS[review.validity].toLowerCase()}, görs om senast ${review.redoBy}`,
    },
  ];
}
