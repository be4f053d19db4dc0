import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import type { CreateSupplierRequest, UpdateSupplierRequest } from '@licensregistret/domain';

import { PageQueryDto, SortOf, sortValues } from '../../common/list-params';
import { IsOrganisationNumber, IsSafeName, MAX_INT4, Trim } from '../../common/validators';

export class CreateSupplierDto implements CreateSupplierRequest {
  @ApiProperty({ example: 'Natur & Kultur' })
  @Trim()
  @IsString()
  @Length(1, 200)
  @IsSafeName()
  name!: string;

  @ApiProperty({ example: '556036-0793' })
  @Trim()
  @IsOrganisationNumber()
  organisationNumber!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsSafeName()
  contactName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsEmail()
  contactEmail?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  webAddress?: string | null;
}

export class UpdateSupplierDto
  extends PartialType(CreateSupplierDto, { skipNullProperties: false })
  implements UpdateSupplierRequest
{
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;
}

const SUPPLIER_SORT_COLUMNS = ['name', 'organisationNumber'] as const;

export class SupplierListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: sortValues(SUPPLIER_SORT_COLUMNS), example: 'name:asc' })
  @IsOptional()
  @SortOf(SUPPLIER_SORT_COLUMNS)
  sort?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
