import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

import {
  DECISION_REASONS,
  type DecisionReason,
  PUBLIC_CATALOGUE_STATUSES,
  type PublishedDecision,
  type PublishedReview,
  ROLES,
  type ReviewKind,
  type ReviewOutcome,
  type Role,
  type SharedKnowledge,
} from '@licensregistret/domain';

import { MunicipalityDto } from '../../municipalities/dto/municipality.dto';
import { ApiDate, ApiDateTime, ApiUuid } from '../../openapi/formats';
import { ReviewOriginDto } from '../../reviews/dto/review-responses.dto';
import {
  DataProtectionFindingsDto,
  InformationSecurityFindingsDto,
  ProcurementFindingsDto,
} from '../../reviews/dto/review.dto';

type PublishedOf<K extends ReviewKind> = Extract<PublishedReview, { kind: K }>;

abstract class PublishedReviewBaseDto {
  @ApiUuid()
  id!: string;
  /** The municipality that published it. */
  municipality!: MunicipalityDto;
  /** Published by the caller's own municipality. */
  own!: boolean;
  /** The role that signed the review; never the reviewer's name. */
  @ApiProperty({ enum: ROLES })
  reviewerRole!: Role;
  @ApiDate()
  reviewedOn!: string;
  @ApiDateTime()
  publishedAt!: string;
  /** The tool's version when it was reviewed: 1, then one more for each reported change. */
  serviceVersion!: number;
  outcome!: ReviewOutcome;
  conditions!: string;
  adoptedFrom!: ReviewOriginDto | null;
}

export class PublishedDataProtectionReviewDto
  extends PublishedReviewBaseDto
  implements PublishedOf<'DATA_PROTECTION'>
{
  @ApiProperty({ enum: ['DATA_PROTECTION'] })
  kind!: 'DATA_PROTECTION';
  findings!: DataProtectionFindingsDto;
}

export class PublishedInformationSecurityReviewDto
  extends PublishedReviewBaseDto
  implements PublishedOf<'INFORMATION_SECURITY'>
{
  @ApiProperty({ enum: ['INFORMATION_SECURITY'] })
  kind!: 'INFORMATION_SECURITY';
  findings!: InformationSecurityFindingsDto;
}

export class PublishedProcurementReviewDto
  extends PublishedReviewBaseDto
  implements PublishedOf<'PROCUREMENT'>
{
  @ApiProperty({ enum: ['PROCUREMENT'] })
  kind!: 'PROCUREMENT';
  findings!: ProcurementFindingsDto;
}

export type PublishedReviewDto =
  | PublishedDataProtectionReviewDto
  | PublishedInformationSecurityReviewDto
  | PublishedProcurementReviewDto;

export const PUBLISHED_REVIEW_MODELS = [
  PublishedDataProtectionReviewDto,
  PublishedInformationSecurityReviewDto,
  PublishedProcurementReviewDto,
] as const;

/** A published review of any kind, told apart by `kind`. */
export const PUBLISHED_REVIEW_SCHEMA = {
  oneOf: PUBLISHED_REVIEW_MODELS.map((model) => ({ $ref: getSchemaPath(model) })),
  discriminator: {
    propertyName: 'kind',
    mapping: {
      DATA_PROTECTION: getSchemaPath(PublishedDataProtectionReviewDto),
      INFORMATION_SECURITY: getSchemaPath(PublishedInformationSecurityReviewDto),
      PROCUREMENT: getSchemaPath(PublishedProcurementReviewDto),
    },
  },
};

/** A municipality's decision on a tool as published: its public text only. */
export class PublishedDecisionDto implements PublishedDecision {
  @ApiUuid()
  id!: string;
  municipality!: MunicipalityDto;
  own!: boolean;
  @ApiProperty({ enum: PUBLIC_CATALOGUE_STATUSES })
  status!: PublishedDecision['status'];
  @ApiDate()
  decidedOn!: string | null;
  publicConditions!: string;
  @ApiProperty({ enum: DECISION_REASONS, isArray: true })
  rejectionReasons!: DecisionReason[];
  @ApiDateTime()
  publishedAt!: string;
  serviceVersion!: number;
}

/** What the registry's municipalities published about a tool, newest first. */
export class SharedKnowledgeDto implements SharedKnowledge {
  serviceVersion!: number;
  @ApiProperty({ type: 'array', items: PUBLISHED_REVIEW_SCHEMA })
  reviews!: PublishedReviewDto[];
  decisions!: PublishedDecisionDto[];
}
