import { ApiProperty } from '@nestjs/swagger';

import type {
  CatalogueStatus,
  DataCategory,
  DataLocation,
  DataSubject,
  DpiaCriterion,
  LegalBasis,
  ProcessingAgreementRef,
  ProcessingRecordEntry,
  RecordOfProcessing,
  RecordOmission,
  RecordOmissionReason,
  ReviewOutcome,
  ReviewValidity,
  ServiceCategory,
  TransferMechanism,
} from '@licensregistret/domain';
import { RECORD_OMISSION_REASONS } from '@licensregistret/domain';

import { ApiDate, ApiUuid } from '../../openapi/formats';

export class ProcessingAgreementRefDto implements ProcessingAgreementRef {
  @ApiUuid()
  agreementId!: string;
  agreementNumber!: string;
  signed!: boolean;
  @ApiDate()
  signedOn!: string | null;
  subProcessors!: string[];
}

export class ProcessingReviewDto {
  outcome!: ReviewOutcome;
  reviewerName!: string;
  @ApiDate()
  reviewedOn!: string;
  @ApiDate()
  redoBy!: string;
  validity!: ReviewValidity;
}

/** One processing: an approved service processing personal data, as its review found it. */
export class ProcessingRecordEntryDto implements ProcessingRecordEntry {
  @ApiUuid()
  serviceId!: string;
  serviceName!: string;
  supplierName!: string;
  supplierOrganisationNumber!: string;
  category!: ServiceCategory;
  catalogueStatus!: CatalogueStatus;
  /** What the data is processed for, as the data protection review says. */
  purpose!: string;
  /** The conditions of the service's approval. */
  conditions!: string;
  dataCategories!: DataCategory[];
  dataSubjects!: DataSubject[];
  legalBasis!: LegalBasis | null;
  dataProcessingAgreementSigned!: boolean;
  /** The agreements licensing the service today, with their data processing agreements. */
  agreements!: ProcessingAgreementRefDto[];
  /** The review's sub-processors and the agreements', each once. */
  subProcessors!: string[];
  storageLocation!: DataLocation;
  transferMechanism!: TransferMechanism;
  retention!: string;
  dpiaCriteria!: DpiaCriterion[];
  dpiaDone!: boolean;
  review!: ProcessingReviewDto;
}

/** An approved service without an entry, and why. */
export class RecordOmissionDto implements RecordOmission {
  @ApiUuid()
  serviceId!: string;
  serviceName!: string;
  supplierName!: string;
  catalogueStatus!: CatalogueStatus;
  @ApiProperty({ enum: RECORD_OMISSION_REASONS })
  reason!: RecordOmissionReason;
}

/** The record of processing (registerförteckning, GDPR art. 30). */
export class RecordOfProcessingDto implements RecordOfProcessing {
  /** The day the record was read. */
  @ApiDate()
  readOn!: string;
  entries!: ProcessingRecordEntryDto[];
  /** Every other approved service, with why it has no entry. */
  omitted!: RecordOmissionDto[];
}
