import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

import type {
  ApprovalBlocker,
  CurrentReviews,
  GdprStop,
  ReviewKind,
  ReviewOutcome,
  ReviewValidity,
  ServiceReview,
  ServiceReviews,
} from '@licensregistret/domain';

import { MunicipalityDto } from '../../municipalities/dto/municipality.dto';
import { ApiDate, ApiDateTime, ApiUuid } from '../../openapi/formats';
import type { Assert, Same } from '../../openapi/same-type';
import {
  DataProtectionFindingsDto,
  InformationSecurityFindingsDto,
  ProcurementFindingsDto,
} from './review.dto';

type ReviewOf<K extends ReviewKind> = Extract<ServiceReview, { kind: K }>;

/** The published review of another municipality a review was adopted from. */
export class ReviewOriginDto {
  @ApiUuid()
  id!: string;
  municipality!: MunicipalityDto;
}

abstract class ReviewBaseDto {
  @ApiUuid()
  id!: string;
  @ApiUuid()
  serviceId!: string;
  outcome!: ReviewOutcome;
  conditions!: string;
  notes!: string;
  reviewerName!: string;
  @ApiDate()
  reviewedOn!: string;
  @ApiDate()
  redoBy!: string;
  /** Set when a change of the service (new version, migration, sub-processor) made it due. */
  @ApiDateTime()
  dueAgainSince!: string | null;
  validity!: ReviewValidity;
  adoptedFrom!: ReviewOriginDto | null;
  /** When the municipality published it for the others, or null. */
  @ApiDateTime()
  publishedAt!: string | null;
}

export class DataProtectionReviewDto extends ReviewBaseDto implements ReviewOf<'DATA_PROTECTION'> {
  @ApiProperty({ enum: ['DATA_PROTECTION'] })
  kind!: 'DATA_PROTECTION';
  findings!: DataProtectionFindingsDto;
}

export class InformationSecurityReviewDto
  extends ReviewBaseDto
  implements ReviewOf<'INFORMATION_SECURITY'>
{
  @ApiProperty({ enum: ['INFORMATION_SECURITY'] })
  kind!: 'INFORMATION_SECURITY';
  findings!: InformationSecurityFindingsDto;
}

export class ProcurementReviewDto extends ReviewBaseDto implements ReviewOf<'PROCUREMENT'> {
  @ApiProperty({ enum: ['PROCUREMENT'] })
  kind!: 'PROCUREMENT';
  findings!: ProcurementFindingsDto;
}

export type ServiceReviewDto =
  DataProtectionReviewDto | InformationSecurityReviewDto | ProcurementReviewDto;

export const REVIEW_MODELS = [
  DataProtectionReviewDto,
  InformationSecurityReviewDto,
  ProcurementReviewDto,
] as const;

/** A review of any kind, told apart by `kind`. */
export const SERVICE_REVIEW_SCHEMA = {
  oneOf: REVIEW_MODELS.map((model) => ({ $ref: getSchemaPath(model) })),
  discriminator: {
    propertyName: 'kind',
    mapping: {
      DATA_PROTECTION: getSchemaPath(DataProtectionReviewDto),
      INFORMATION_SECURITY: getSchemaPath(InformationSecurityReviewDto),
      PROCUREMENT: getSchemaPath(ProcurementReviewDto),
    },
  },
};

/** The service's latest review of each kind (null where none has been made). */
export class CurrentReviewsDto implements CurrentReviews {
  @ApiProperty({ ...SERVICE_REVIEW_SCHEMA, nullable: true })
  DATA_PROTECTION!: ServiceReviewDto | null;
  @ApiProperty({ ...SERVICE_REVIEW_SCHEMA, nullable: true })
  INFORMATION_SECURITY!: ServiceReviewDto | null;
  @ApiProperty({ ...SERVICE_REVIEW_SCHEMA, nullable: true })
  PROCUREMENT!: ServiceReviewDto | null;
}

/** A review missing, rejected, expired or due again. */
export class ReviewBlockerDto {
  code!: 'REVIEW_MISSING' | 'REVIEW_REJECTED' | 'REVIEW_EXPIRED' | 'REVIEW_DUE_AGAIN';
  kind!: ReviewKind;
}

/** One of GDPR's hard stops. */
export class GdprBlockerDto {
  code!: GdprStop;
}

export type ApprovalBlockerDto = ReviewBlockerDto | GdprBlockerDto;

export const BLOCKER_MODELS = [ReviewBlockerDto, GdprBlockerDto] as const;

/** What stops an approval today (empty when nothing does). */
export const APPROVAL_BLOCKERS_SCHEMA = {
  type: 'array',
  items: { oneOf: BLOCKER_MODELS.map((model) => ({ $ref: getSchemaPath(model) })) },
} as const;

export class ServiceReviewsDto implements ServiceReviews {
  current!: CurrentReviewsDto;
  @ApiProperty({ type: 'array', items: SERVICE_REVIEW_SCHEMA })
  all!: ServiceReviewDto[];
  @ApiProperty(APPROVAL_BLOCKERS_SCHEMA)
  approvalBlockers!: ApprovalBlockerDto[];
}

// The unions as the domain has them.
export type ReviewUnionInStep = Assert<Same<ServiceReviewDto, ServiceReview>>;
export type BlockerUnionInStep = Assert<Same<ApprovalBlockerDto, ApprovalBlocker>>;
