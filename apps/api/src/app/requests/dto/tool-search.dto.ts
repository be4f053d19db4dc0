import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

import type { ToolSearchQuery } from '@licensregistret/domain';

import { IsId, Trim } from '../../common/validators';

export class ToolSearchQueryDto implements ToolSearchQuery {
  @ApiProperty({ description: 'Part of the tool’s or the supplier’s name, two characters or more' })
  @Trim()
  @IsString()
  @Length(2, 100)
  q!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The unit the request is for; the caller’s own units by default',
  })
  @IsOptional()
  @IsId()
  unitId?: string;
}
