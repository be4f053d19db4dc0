import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

import {
  type CreateLicenceRequest,
  type IsoDate,
  LICENCE_SCOPES,
  type LicenceScope,
  SCHOOL_FORMS,
  type SchoolForm,
  type UpdateLicenceRequest,
} from '@licensregistret/domain';

import {
  EXPORT_FORMATS,
  type ExportFormat,
  IsExportFormat,
} from '../../common/export/export-format';
import { PageQueryDto } from '../../common/list-params';
import { IsId, IsIsoDate, MAX_INT4 } from '../../common/validators';

export class CreateLicenceDto implements CreateLicenceRequest {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  agreementId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsId()
  serviceId!: string;

  @ApiProperty({ enum: LICENCE_SCOPES })
  @IsIn(LICENCE_SCOPES)
  scope!: LicenceScope;

  @ApiPropertyOptional({ enum: SCHOOL_FORMS, isArray: true, description: 'for scope SCHOOL_FORMS' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SCHOOL_FORMS, { each: true })
  schoolForms?: SchoolForm[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'for scope UNITS' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsId({ each: true })
  unitIds?: string[];

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  seatCount?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  seatsInUse?: number | null;

  @ApiProperty({ type: String, format: 'date' })
  @IsIsoDate()
  startsOn!: IsoDate;

  @ApiProperty({ type: String, format: 'date' })
  @IsIsoDate()
  endsOn!: IsoDate;
}

export class UpdateLicenceDto
  extends PartialType(OmitType(CreateLicenceDto, ['agreementId', 'serviceId'] as const), {
    skipNullProperties: false,
  })
  implements UpdateLicenceRequest
{
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;
}

export class LicenceListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  agreementId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  serviceId?: string;
}

/** The list's filters (paging ignored), and the file format. */
export class LicenceExportQueryDto extends LicenceListQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsExportFormat()
  format!: ExportFormat;
}
