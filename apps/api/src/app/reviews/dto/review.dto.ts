import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

import {
  DATA_CATEGORIES,
  DATA_LOCATIONS,
  DATA_SUBJECTS,
  DPIA_CRITERIA,
  type DataCategory,
  type DataLocation,
  type DataProtectionFindings,
  type DataSubject,
  type DpiaCriterion,
  type InformationSecurityFindings,
  type IsoDate,
  KLASSA_LEVELS,
  type KlassaLevel,
  LEGAL_BASES,
  type LegalBasis,
  PROCUREMENT_ROUTES,
  type ProcurementFindings,
  type ProcurementRoute,
  REVIEW_KINDS,
  REVIEW_OUTCOMES,
  type ReportServiceChangeRequest,
  type ReviewKind,
  type ReviewOutcome,
  SERVICE_CHANGE_DESCRIPTION_MAX_LENGTH,
  SERVICE_CHANGE_KINDS,
  SIGN_IN_METHODS,
  type ServiceChangeKind,
  type SignInMethod,
} from '@licensregistret/domain';

import { IsAmount, IsId, IsIsoDate, Trim } from '../../common/validators';

export class DataProtectionFindingsDto implements DataProtectionFindings {
  @IsBoolean()
  processesPersonalData!: boolean;

  /** The record of processing's "Ändamål": needed (non-empty) when personal data is processed. */
  @Trim()
  @IsString()
  @MaxLength(2000)
  purpose!: string;

  /** Null when no personal data is processed. */
  @ApiProperty({ enum: LEGAL_BASES, nullable: true })
  @ValidateIf((findings: DataProtectionFindingsDto) => findings.processesPersonalData === true)
  @IsIn(LEGAL_BASES, { message: 'legalBasis is needed when personal data is processed' })
  legalBasis!: LegalBasis | null;

  @IsArray()
  @ArrayUnique()
  @IsIn(DATA_CATEGORIES, { each: true })
  dataCategories!: DataCategory[];

  @IsArray()
  @ArrayUnique()
  @IsIn(DATA_SUBJECTS, { each: true })
  dataSubjects!: DataSubject[];

  @IsBoolean()
  dataProcessingAgreementSigned!: boolean;

  @IsArray()
  @ArrayUnique()
  @IsIn(DPIA_CRITERIA, { each: true })
  dpiaCriteria!: DpiaCriterion[];

  @IsBoolean()
  dpiaDone!: boolean;

  @IsIn(DATA_LOCATIONS)
  storageLocation!: DataLocation;

  @IsIn(['NONE', 'ADEQUACY', 'DATA_PRIVACY_FRAMEWORK', 'SCC_WITH_TIA'])
  transferMechanism!: DataProtectionFindings['transferMechanism'];

  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  subProcessors!: string[];

  @Trim()
  @IsString()
  @MaxLength(1000)
  retention!: string;
}

export class InformationSecurityFindingsDto implements InformationSecurityFindings {
  @IsIn(KLASSA_LEVELS)
  confidentiality!: KlassaLevel;

  @IsIn(KLASSA_LEVELS)
  integrity!: KlassaLevel;

  @IsIn(KLASSA_LEVELS)
  availability!: KlassaLevel;

  @IsIn(SIGN_IN_METHODS)
  signInMethod!: SignInMethod;

  @Trim()
  @IsString()
  @MaxLength(4000)
  risks!: string;
}

export class ProcurementFindingsDto implements ProcurementFindings {
  @IsIn(PROCUREMENT_ROUTES)
  procurementRoute!: ProcurementRoute;

  @Type(() => Number)
  @IsAmount()
  @Min(0)
  @Max(1_000_000_000)
  annualCost!: number;

  @ValidateIf((findings: ProcurementFindingsDto) => findings.agreementId !== null)
  @IsId()
  agreementId!: string | null;

  @IsBoolean()
  budgetCovered!: boolean;
}

/**
 * A review as posted. Its `findings` differ by kind, so they are checked against the kind's own
 * class (FINDINGS_BY_KIND) once the kind is known; errors then name `findings.<field>`.
 */
@ApiExtraModels(DataProtectionFindingsDto, InformationSecurityFindingsDto, ProcurementFindingsDto)
export class CreateReviewDto {
  @ApiProperty({ enum: REVIEW_KINDS })
  @IsIn(REVIEW_KINDS)
  kind!: ReviewKind;

  @ApiProperty({ enum: REVIEW_OUTCOMES })
  @IsIn(REVIEW_OUTCOMES)
  outcome!: ReviewOutcome;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  conditions?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  notes?: string;

  @ApiProperty({
    type: String,
    format: 'date',
    example: '2027-11-30',
    description: 'The date by which it must be redone',
  })
  @IsIsoDate()
  redoBy!: IsoDate;

  @ApiProperty({
    description: 'The findings of the review’s kind',
    oneOf: [
      { $ref: getSchemaPath(DataProtectionFindingsDto) },
      { $ref: getSchemaPath(InformationSecurityFindingsDto) },
      { $ref: getSchemaPath(ProcurementFindingsDto) },
    ],
  })
  @IsObject()
  findings!: Record<string, unknown>;
}

export const FINDINGS_BY_KIND = {
  DATA_PROTECTION: DataProtectionFindingsDto,
  INFORMATION_SECURITY: InformationSecurityFindingsDto,
  PROCUREMENT: ProcurementFindingsDto,
} as const satisfies Record<ReviewKind, new () => object>;

export class ReportServiceChangeDto implements ReportServiceChangeRequest {
  @ApiProperty({ enum: SERVICE_CHANGE_KINDS })
  @IsIn(SERVICE_CHANGE_KINDS)
  kind!: ServiceChangeKind;

  @ApiProperty({ example: 'Leverantören flyttar lagringen till en ny molntjänst' })
  @Trim()
  @IsString()
  @Length(1, SERVICE_CHANGE_DESCRIPTION_MAX_LENGTH)
  description!: string;
}
