import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import {
  type CreateRequestRequest,
  type IsoDate,
  type JoinRequestRequest,
  type NewToolProposal,
  PERSONAL_DATA_KINDS,
  type PersonalDataKind,
  SCHOOL_FORMS,
  type SchoolForm,
  type UpdateRequestRequest,
} from '@licensregistret/domain';

import { IsId, IsIsoDate, IsSafeName, MAX_INT4, Trim } from '../../common/validators';

export class NewToolDto implements NewToolProposal {
  @ApiProperty({ example: 'Mattemästaren' })
  @Trim()
  @IsString()
  @Length(1, 200)
  @IsSafeName()
  name!: string;

  @ApiProperty({ example: 'Mattemästaren AB' })
  @Trim()
  @IsString()
  @Length(1, 200)
  @IsSafeName()
  supplierName!: string;

  @ApiProperty({ example: 'https://mattemastaren.example' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  webAddress!: string;
}

export class CreateRequestDto implements CreateRequestRequest {
  @ApiProperty({ format: 'uuid', description: 'A unit the requester acts for' })
  @IsId()
  unitId!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A catalogue service, or null',
  })
  @ValidateIf((body: CreateRequestDto) => body.serviceId !== null || !body.newTool)
  @IsId({ message: 'serviceId must name a catalogue service, or give newTool' })
  serviceId!: string | null;

  @ApiProperty({ type: NewToolDto, nullable: true, description: 'When the tool is not listed' })
  @ValidateIf((body: CreateRequestDto) => body.newTool !== null && body.newTool !== undefined)
  @ValidateNested()
  @Type(() => NewToolDto)
  newTool!: NewToolDto | null;

  @ApiProperty({ description: 'The need the tool meets, in the school’s words' })
  @Trim()
  @IsString()
  @Length(1, 4000)
  need!: string;

  @ApiProperty({ type: [String], example: ['Matematik'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  subjects!: string[];

  @ApiProperty({ example: 'Elever i årskurs 4–6 som behöver färdighetsträning' })
  @Trim()
  @IsString()
  @MaxLength(500)
  targetGroup!: string;

  @ApiProperty({ enum: SCHOOL_FORMS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(SCHOOL_FORMS, { each: true })
  schoolForms!: SchoolForm[];

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(100_000)
  pupilCount!: number;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(100_000)
  staffCount!: number;

  @ApiProperty({ enum: PERSONAL_DATA_KINDS })
  @IsIn(PERSONAL_DATA_KINDS)
  personalData!: PersonalDataKind;

  @ApiProperty({ description: 'Which personal data the tool would handle' })
  @Trim()
  @IsString()
  @MaxLength(2000)
  personalDataDescription!: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2027-01-08' })
  @IsOptional()
  @IsIsoDate()
  wantedFrom!: IsoDate | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Asking again for a rejected tool: what has changed since the rejection',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  whatChanged?: string | null;
}

/** A unit joining another unit's open request for the same tool. */
export class JoinRequestDto implements JoinRequestRequest {
  @ApiProperty({ format: 'uuid', description: 'The caller’s unit that joins' })
  @IsId()
  unitId!: string;

  @ApiProperty({ description: 'The joining unit’s pupils who need the tool' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  pupilCount!: number;

  @ApiProperty({ description: 'The joining unit’s need, in its own words' })
  @Trim()
  @IsString()
  @Length(1, 4000)
  need!: string;
}

export class UpdateRequestDto
  extends PartialType(CreateRequestDto, { skipNullProperties: false })
  implements UpdateRequestRequest
{
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;
}
