import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import {
  ACCOUNT_SORT_COLUMNS,
  type AccountListQuery,
  type CreateAccountRequest,
  ROLES,
  type Role,
  type UpdateAccountRequest,
} from '@licensregistret/domain';

import { MIN_PASSWORD_LENGTH } from '../../auth/password.service';
import { PageQueryDto, QueryBoolean, SortOf, sortValues } from '../../common/list-params';
import { IsId, IsSafeName, MAX_INT4, Trim } from '../../common/validators';

export class CreateAccountDto implements CreateAccountRequest {
  @ApiProperty({ example: 'anna.larsson' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @Matches(/^[a-z0-9._@-]{2,64}$/, {
    message: 'username is 2-64 characters: letters a-z, digits and . _ @ -',
  })
  username!: string;

  @ApiProperty()
  @Trim()
  @IsString()
  @Length(1, 200)
  @IsSafeName()
  displayName!: string;

  @ApiProperty()
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsId({ each: true })
  schoolUnitIds?: string[];

  @ApiPropertyOptional({ minLength: MIN_PASSWORD_LENGTH })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(256)
  password?: string;
}

export class UpdateAccountDto implements UpdateAccountRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 200)
  @IsSafeName()
  displayName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsId({ each: true })
  schoolUnitIds?: string[];

  @ApiPropertyOptional({ description: 'false deactivates the account and ends its sessions' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minLength: MIN_PASSWORD_LENGTH })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(256)
  password?: string;
}

export class AccountListQueryDto extends PageQueryDto implements AccountListQuery {
  @ApiPropertyOptional({ enum: sortValues(ACCOUNT_SORT_COLUMNS), example: 'username:asc' })
  @IsOptional()
  @SortOf(ACCOUNT_SORT_COLUMNS)
  sort?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
}
