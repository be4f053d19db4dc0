import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import {
  AGREEMENT_ROUTE_ACTIONS,
  type AgreementActionRequest,
  type AgreementRouteAction,
  type IsoDate,
} from '@licensregistret/domain';

import { IsId, IsIsoDate, MAX_INT4, Trim } from '../../common/validators';

/** One lifecycle action on an agreement; what each carries is in agreementActionInputProblems. */
export class AgreementActionDto implements AgreementActionRequest {
  @ApiProperty({ enum: AGREEMENT_ROUTE_ACTIONS })
  @IsIn(AGREEMENT_ROUTE_ACTIONS)
  action!: AgreementRouteAction;

  @ApiProperty({ description: 'The version of the agreement the caller saw' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    description: 'GIVE_NOTICE: the day notice was given; END_EARLY: the last day',
  })
  @IsOptional()
  @IsIsoDate()
  date?: IsoDate;

  @ApiPropertyOptional({ description: 'GIVE_NOTICE: the case number (diarienummer) of the notice' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  caseNumber?: string;

  @ApiPropertyOptional({ description: 'Why; recorded in the history' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  reason?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'REGISTER_SUCCESSOR: the following agreement',
  })
  @IsOptional()
  @IsId()
  successorId?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'USE_EXTENSION: the decision date of the option after this one',
  })
  @IsOptional()
  @IsIsoDate()
  nextExtensionDecisionBy?: IsoDate | null;
}
