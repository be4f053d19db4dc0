import {
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

import type { ExportColumn } from '../common/export/spreadsheet-export';

/** The record's columns, one row per processing, under the page's Swedish headings. */
export const PROCESSING_RECORD_COLUMNS: readonly ExportColumn<ProcessingRecordEntry>[] = [
  { header: LABELS.service, value: (e) => e.serviceName },
  { header: LABELS.supplier, value: (e) => `${e.supplierName} (${e.supplierOrganisationNumber})` },
  { header: LABELS.category, value: (e) => SERVICE_CATEGORY_LABELS[e.category] },
  { header: LABELS.purpose, value: purposeText, width: 50 },
  { header: LABELS.conditions, value: conditionsText, width: 40 },
  {
    header: LABELS.dataCategories,
    value: (e) => e.dataCategories.map((category) => DATA_CATEGORY_LABELS[category]).join(', '),
    width: 40,
  },
  {
    header: LABELS.dataSubjects,
    value: (e) => e.dataSubjects.map((subject) => DATA_SUBJECT_LABELS[subject]).join(', '),
  },
  {
    header: LABELS.legalBasis,
    value: (e) => (e.legalBasis ? LEGAL_BASIS_LABELS[e.legalBasis] : 'Inte angiven'),
  },
  { header: LABELS.dataProcessingAgreement, value: dataProcessingAgreementText, width: 50 },
  { header: LABELS.subProcessors, value: (e) => e.subProcessors.join(', '), width: 40 },
  { header: LABELS.storageLocation, value: (e) => DATA_LOCATION_LABELS[e.storageLocation] },
  {
    header: LABELS.transferMechanism,
    value: (e) => TRANSFER_MECHANISM_LABELS[e.transferMechanism],
    width: 40,
  },
  { header: LABELS.retention, value: (e) => e.retention, width: 40 },
  {
    header: LABELS.dpia,
    value: (e) =>
      [
        e.dpiaDone ? 'Gjord' : 'Inte gjord',
        ...e.dpiaCriteria.map((criterion) => DPIA_CRITERION_LABELS[criterion]),
      ].join('. '),
    width: 40,
  },
  {
    header: LABELS.review,
    value: (e) =>
      `${REVIEW_OUTCOME_LABELS[e.review.outcome]} ${e.review.reviewedOn} av ${e.review.reviewerName} (${REVIEW_VALIDITY_LABELS[e.review.validity].toLowerCase()})`,
    width: 40,
  },
  { header: 'Granskas om senast', kind: 'date', value: (e) => e.review.redoBy },
];
