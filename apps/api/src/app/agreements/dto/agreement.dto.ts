import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import {
  AGREEMENT_SORT_COLUMNS,
  type AgreementListQuery,
  type AgreementTermsInput,
  CONTRACT_STATUSES,
  COST_MODELS,
  type CostModel,
  type DataProcessingAgreement,
  type DocumentLink,
  type IsoDate,
  PROCUREMENT_ROUTES,
  type ProcurementRoute,
  SCHOOL_FORMS,
  type SchoolForm,
  type UpdateAgreementRequest,
} from '@licensregistret/domain';

import {
  EXPORT_FORMATS,
  type ExportFormat,
  IsExportFormat,
} from '../../common/export/export-format';
import { IsCursor } from '../../common/keyset';
import { PageQueryDto, SortOf, sortValues } from '../../common/list-params';
import { IsAmount, IsId, IsIsoDate, IsSafeName, MAX_INT4, Trim } from '../../common/validators';
import { AGREEMENT_SORT_KINDS, DEFAULT_AGREEMENT_LIST_SORT } from '../agreement-rows';

export class DocumentLinkDto implements DocumentLink {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  @IsSafeName()
  title!: string;

  @ApiProperty()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  url!: string;
}

export class DataProcessingAgreementDto implements DataProcessingAgreement {
  @ApiProperty()
  @IsBoolean()
  signed!: boolean;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2025-01-15' })
  @IsOptional()
  @IsIsoDate()
  signedOn!: IsoDate | null;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  subProcessors!: string[];
}

export class CreateAgreementDto implements AgreementTermsInput {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  supplierId!: string;

  @ApiProperty({ example: 'NE-2024-117' })
  @Trim()
  @IsString()
  @Length(1, 100)
  agreementNumber!: string;

  @ApiProperty({ example: 'Bou 2024/01234', description: 'diarienummer' })
  @Trim()
  @IsString()
  @Length(1, 100)
  caseNumber!: string;

  @ApiProperty({ enum: PROCUREMENT_ROUTES })
  @IsIn(PROCUREMENT_ROUTES)
  procurementRoute!: ProcurementRoute;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Adda Digitala läromedel 2023' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsSafeName()
  frameworkName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  callOffReference?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2024-06-10' })
  @IsOptional()
  @IsIsoDate()
  signedOn?: IsoDate | null;

  @ApiProperty({ type: String, format: 'date', example: '2024-07-01' })
  @IsIsoDate()
  startsOn!: IsoDate;

  @ApiProperty({ type: String, format: 'date', example: '2026-06-30' })
  @IsIsoDate()
  endsOn!: IsoDate;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(10)
  extensionOptions!: number;

  @ApiProperty({ minimum: 0, description: 'length of each extension' })
  @IsInt()
  @Min(0)
  @Max(120)
  extensionMonths!: number;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(10)
  extensionOptionsUsed!: number;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsIsoDate()
  nextExtensionDecisionBy?: IsoDate | null;

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(120)
  noticePeriodMonths!: number;

  @ApiProperty({ minimum: 0, description: 'the municipality’s own lead time before a deadline' })
  @IsInt()
  @Min(0)
  @Max(730)
  internalLeadDays!: number;

  @ApiProperty()
  @IsBoolean()
  renewsAutomatically!: boolean;

  @ApiProperty({ minimum: 0, description: 'SEK per year' })
  @IsAmount()
  @Min(0)
  @Max(999_999_999_999)
  annualCost!: number;

  @ApiProperty({ enum: COST_MODELS })
  @IsIn(COST_MODELS)
  costModel!: CostModel;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsId()
  ownerId?: string | null;

  @ApiProperty({ enum: SCHOOL_FORMS, isArray: true, description: 'empty: every form' })
  @IsArray()
  @ArrayUnique()
  @IsIn(SCHOOL_FORMS, { each: true })
  scopeSchoolForms!: SchoolForm[];

  @ApiProperty({ type: DataProcessingAgreementDto })
  @ValidateNested()
  @Type(() => DataProcessingAgreementDto)
  dataProcessingAgreement!: DataProcessingAgreementDto;

  @ApiProperty({ type: [DocumentLinkDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DocumentLinkDto)
  documents!: DocumentLinkDto[];

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'the agreement this one renews',
  })
  @IsOptional()
  @IsId()
  followsId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsIsoDate()
  terminatedOn?: IsoDate | null;
}

export class UpdateAgreementDto
  extends PartialType(CreateAgreementDto, { skipNullProperties: false })
  implements UpdateAgreementRequest
{
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'why the terms are changed; kept with the change in the history',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  reason?: string | null;
}

const STATUS_LIST = new RegExp(
  `^(${CONTRACT_STATUSES.join('|')})(,(${CONTRACT_STATUSES.join('|')}))*$`,
);

export class AgreementListQueryDto extends PageQueryDto implements AgreementListQuery {
  @ApiPropertyOptional({ enum: sortValues(AGREEMENT_SORT_COLUMNS), example: 'endsOn:asc' })
  @IsOptional()
  @SortOf(AGREEMENT_SORT_COLUMNS)
  sort?: string;

  @ApiPropertyOptional({
    description:
      'A page’s `nextCursor`: the rows after that page’s last one, in the same sort and filters ' +
      '(`offset` then counts from there)',
  })
  @IsOptional()
  @IsCursor(AGREEMENT_SORT_KINDS, DEFAULT_AGREEMENT_LIST_SORT)
  after?: string;

  @ApiPropertyOptional({
    example: 'ACTION_NEEDED,EXPIRING',
    description: 'comma-separated statuses',
  })
  @IsOptional()
  @Matches(STATUS_LIST, {
    message: `status is a comma-separated list of ${CONTRACT_STATUSES.join(', ')}`,
  })
  status?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  supplierId?: string;

  @ApiPropertyOptional({ type: String, format: 'date' })
  @IsOptional()
  @IsIsoDate()
  endsFrom?: IsoDate;

  @ApiPropertyOptional({ type: String, format: 'date' })
  @IsOptional()
  @IsIsoDate()
  endsTo?: IsoDate;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    description: 'last day to give notice, from',
  })
  @IsOptional()
  @IsIsoDate()
  noticeFrom?: IsoDate;

  @ApiPropertyOptional({ type: String, format: 'date', description: 'last day to give notice, to' })
  @IsOptional()
  @IsIsoDate()
  noticeTo?: IsoDate;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  minCost?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  maxCost?: number;

  @ApiPropertyOptional({ enum: SCHOOL_FORMS })
  @IsOptional()
  @IsIn(SCHOOL_FORMS)
  schoolForm?: SchoolForm;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  unitId?: string;
}

/** The list's filters and sort (paging ignored), and the file format. */
export class AgreementExportQueryDto extends AgreementListQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsExportFormat()
  format!: ExportFormat;
}
