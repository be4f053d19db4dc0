import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

import type { LoginRequest } from '@licensregistret/domain';

export class LoginDto implements LoginRequest {
  @ApiPropertyOptional({
    example: 'solvik',
    description: 'The municipality signed in to; may be left out where the registry serves one.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'a municipality’s slug' })
  municipality?: string;

  @ApiProperty({ example: 'skola' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}
