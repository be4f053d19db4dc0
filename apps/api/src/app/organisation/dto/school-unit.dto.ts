import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import {
  COMPULSORY_STAGES,
  type CompulsoryStage,
  type CreateSchoolUnitRequest,
  NETWORK_GROUPS,
  type NetworkGroup,
  SCHOOL_FORMS,
  SCHOOL_UNIT_SORT_COLUMNS,
  type SchoolForm,
  type SchoolUnitListQuery,
  type UpdateSchoolUnitRequest,
} from '@licensregistret/domain';

import { PageQueryDto, SortOf, sortValues } from '../../common/list-params';
import { IsId, IsSafeName, MAX_INT4, Trim } from '../../common/validators';

export class CreateSchoolUnitDto implements CreateSchoolUnitRequest {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  administrationId!: string;

  @ApiProperty({ example: 'Mellringeskolan 7-9' })
  @Trim()
  @IsString()
  @Length(1, 200)
  @IsSafeName()
  name!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '18020101',
    description: '8 digits',
  })
  @IsOptional()
  @Matches(/^\d{8}$/, { message: 'code must be the 8 digits of the school unit code' })
  code?: string | null;

  @ApiProperty({ enum: SCHOOL_FORMS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SCHOOL_FORMS, { each: true })
  schoolForms!: SchoolForm[];

  @ApiPropertyOptional({ enum: COMPULSORY_STAGES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(COMPULSORY_STAGES, { each: true })
  compulsoryStages?: CompulsoryStage[];

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  pupilCount!: number;

  @ApiProperty({ enum: NETWORK_GROUPS })
  @IsIn(NETWORK_GROUPS)
  networkGroup!: NetworkGroup;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsId()
  principalId?: string | null;
}

export class UpdateSchoolUnitDto
  extends PartialType(CreateSchoolUnitDto, { skipNullProperties: false })
  implements UpdateSchoolUnitRequest
{
  @ApiProperty({ description: 'The version read; a stale one gets 409.' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;
}

export class SchoolUnitListQueryDto extends PageQueryDto implements SchoolUnitListQuery {
  @ApiPropertyOptional({ enum: sortValues(SCHOOL_UNIT_SORT_COLUMNS), example: 'name:asc' })
  @IsOptional()
  @SortOf(SCHOOL_UNIT_SORT_COLUMNS)
  sort?: string;

  @ApiPropertyOptional({ description: 'Part of the name or code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: NETWORK_GROUPS })
  @IsOptional()
  @IsIn(NETWORK_GROUPS)
  networkGroup?: NetworkGroup;

  @ApiPropertyOptional({ enum: SCHOOL_FORMS })
  @IsOptional()
  @IsIn(SCHOOL_FORMS)
  schoolForm?: SchoolForm;
}

export class SchoolUnitImportDto {
  @ApiProperty({ description: 'CSV with the header name,code,forms,pupils,group' })
  @IsString()
  @MaxLength(500_000)
  csv!: string;

  @ApiProperty()
  @IsBoolean()
  dryRun!: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  administrationId?: string;
}
