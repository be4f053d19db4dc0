import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import type { LicenceFromRequestsRequest, LicensedRequestRef } from '@licensregistret/domain';

import { CreateLicenceDto } from '../../agreements/dto/licence.dto';
import { IsId, MAX_INT4, Trim } from '../../common/validators';

export class LicensedRequestRefDto implements LicensedRequestRef {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  id!: string;

  /** The version of the request the caller saw. */
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;
}

export class LicenceFromRequestsDto
  extends PickType(CreateLicenceDto, [
    'agreementId',
    'scope',
    'schoolForms',
    'unitIds',
    'seatCount',
    'startsOn',
    'endsOn',
  ] as const)
  implements LicenceFromRequestsRequest
{
  /** The approved requests the licence answers, all for one service. */
  @ApiProperty({ type: [LicensedRequestRefDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LicensedRequestRefDto)
  requests!: LicensedRequestRefDto[];

  /** A word to the schools, kept in each request's history and sent with the notice. */
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  text?: string;
}
