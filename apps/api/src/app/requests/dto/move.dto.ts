import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import {
  type CommentRequest,
  DECISION_OUTCOMES,
  DECISION_REASONS,
  type DecisionOutcome,
  type DecisionReason,
  type MoveRequest,
  REQUEST_MOVES,
  type RequestMove,
  SERVICE_CATEGORIES,
  type ServiceCategory,
} from '@licensregistret/domain';

import { IsId, IsOrganisationNumber, MAX_INT4, Trim } from '../../common/validators';

export class MoveDto implements MoveRequest {
  @ApiProperty({ enum: REQUEST_MOVES })
  @IsIn(REQUEST_MOVES)
  move!: RequestMove;

  @ApiProperty({ description: 'The version of the request the caller saw' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;

  @ApiPropertyOptional({
    description:
      "Question, answer, the principal's reason to decline, or the explanation of a decision",
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  text?: string;

  @ApiPropertyOptional({ enum: DECISION_OUTCOMES })
  @IsOptional()
  @IsIn(DECISION_OUTCOMES)
  outcome?: DecisionOutcome;

  @ApiPropertyOptional({ enum: DECISION_REASONS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(DECISION_REASONS.length)
  @IsIn(DECISION_REASONS, { each: true })
  reasons?: DecisionReason[];

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  conditions?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  licenceId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  serviceId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  supplierId?: string;

  @ApiPropertyOptional({ example: '556677-8899' })
  @IsOptional()
  @IsOrganisationNumber()
  supplierOrganisationNumber?: string;

  @ApiPropertyOptional({ enum: SERVICE_CATEGORIES })
  @IsOptional()
  @IsIn(SERVICE_CATEGORIES)
  category?: ServiceCategory;

  @ApiPropertyOptional({
    description:
      "START_REVIEW of a new tool, or an approval: the catalogue's description, written by the specialist",
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @ApiPropertyOptional({
    description: 'An approval with conditions: the conditions as the public list shows them',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  publicConditions?: string;

  @ApiPropertyOptional({ description: 'Why a decision is corrected or reopened (logged)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  correctionReason?: string;
}

export class CommentDto implements CommentRequest {
  @ApiProperty()
  @Trim()
  @IsString()
  @Length(1, 4000)
  text!: string;
}
