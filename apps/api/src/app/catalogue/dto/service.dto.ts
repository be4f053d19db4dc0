import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import {
  CATALOGUE_STATUSES,
  type CatalogueStatus,
  type CreateServiceRequest,
  DATA_LOCATIONS,
  type DataLocation,
  PERSONAL_DATA_KINDS,
  type PersonalDataKind,
  SCHOOL_FORMS,
  SERVICE_CATEGORIES,
  SIGN_IN_METHODS,
  type SchoolForm,
  type ServiceCategory,
  type ServiceListQuery,
  type SignInMethod,
  type UpdateServiceRequest,
} from '@licensregistret/domain';

import { PageQueryDto, SortOf, sortValues } from '../../common/list-params';
import { IsId, IsSafeName, MAX_INT4, Trim } from '../../common/validators';

export class CreateServiceDto implements CreateServiceRequest {
  @ApiProperty({ example: 'Polylino' })
  @Trim()
  @IsString()
  @Length(1, 200)
  @IsSafeName()
  name!: string;

  @ApiProperty({ format: 'uuid' })
  @IsId()
  supplierId!: string;

  @ApiProperty({ enum: SERVICE_CATEGORIES })
  @IsIn(SERVICE_CATEGORIES)
  category!: ServiceCategory;

  @ApiProperty()
  @IsString()
  @MaxLength(4000)
  description!: string;

  @ApiProperty({ enum: SCHOOL_FORMS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(SCHOOL_FORMS, { each: true })
  schoolForms!: SchoolForm[];

  @ApiPropertyOptional({ type: [String], example: ['svenska', 'arabiska'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  languages?: string[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  webAddress?: string | null;

  @ApiProperty({ enum: SIGN_IN_METHODS })
  @IsIn(SIGN_IN_METHODS)
  signInMethod!: SignInMethod;

  @ApiProperty({ enum: PERSONAL_DATA_KINDS })
  @IsIn(PERSONAL_DATA_KINDS)
  personalData!: PersonalDataKind;

  @ApiProperty({ enum: DATA_LOCATIONS })
  @IsIn(DATA_LOCATIONS)
  dataLocation!: DataLocation;

  @ApiProperty({ enum: CATALOGUE_STATUSES })
  @IsIn(CATALOGUE_STATUSES)
  catalogueStatus!: CatalogueStatus;
}

export class UpdateServiceDto
  extends PartialType(CreateServiceDto, { skipNullProperties: false })
  implements UpdateServiceRequest
{
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;
}

const SERVICE_SORT_COLUMNS = ['name', 'category', 'catalogueStatus'] as const;

export class ServiceListQueryDto extends PageQueryDto implements ServiceListQuery {
  @ApiPropertyOptional({ enum: sortValues(SERVICE_SORT_COLUMNS), example: 'name:asc' })
  @IsOptional()
  @SortOf(SERVICE_SORT_COLUMNS)
  sort?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: SERVICE_CATEGORIES })
  @IsOptional()
  @IsIn(SERVICE_CATEGORIES)
  category?: ServiceCategory;

  @ApiPropertyOptional({ enum: CATALOGUE_STATUSES })
  @IsOptional()
  @IsIn(CATALOGUE_STATUSES)
  catalogueStatus?: CatalogueStatus;

  @ApiPropertyOptional({ enum: SCHOOL_FORMS })
  @IsOptional()
  @IsIn(SCHOOL_FORMS)
  schoolForm?: SchoolForm;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  supplierId?: string;
}

export class CatalogueQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: SERVICE_CATEGORIES })
  @IsOptional()
  @IsIn(SERVICE_CATEGORIES)
  category?: ServiceCategory;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The unit to show licences for; a requester’s own by default',
  })
  @IsOptional()
  @IsId()
  unitId?: string;
}
