import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

import { REQUEST_SORTS, REQUEST_STATES, type RequestListQuery } from '@licensregistret/domain';

import {
  EXPORT_FORMATS,
  type ExportFormat,
  IsExportFormat,
} from '../../common/export/export-format';
import { IsCursor } from '../../common/keyset';
import { PageQueryDto, QueryBoolean, SortOf, sortValues } from '../../common/list-params';
import { IsId } from '../../common/validators';
import { DEFAULT_REQUEST_LIST_SORT, REQUEST_SORT_KINDS } from '../request-sql';

const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter((part) => part !== '') : value;

export class RequestListQueryDto extends PageQueryDto implements RequestListQuery {
  @ApiPropertyOptional({
    enum: sortValues(REQUEST_SORTS),
    example: 'submittedAt:asc',
    description: REQUEST_SORTS.join(', '),
  })
  @IsOptional()
  @SortOf(REQUEST_SORTS)
  sort?: string;

  @ApiPropertyOptional({
    description:
      'A page’s `nextCursor`: the rows after that page’s last one, in the same sort and filters ' +
      '(`offset` then counts from there)',
  })
  @IsOptional()
  @IsCursor(REQUEST_SORT_KINDS, DEFAULT_REQUEST_LIST_SORT)
  after?: string;

  @ApiPropertyOptional({ example: 'SUBMITTED,IN_TRIAGE', description: 'Comma-separated states' })
  @IsOptional()
  @Transform(commaList)
  @IsIn(REQUEST_STATES, {
    each: true,
    message: `state must be one of ${REQUEST_STATES.join(', ')}`,
  })
  state?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  serviceId?: string;

  @ApiPropertyOptional({ description: 'Submitted at least this many days ago' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  minAgeDays?: number;

  @ApiPropertyOptional({ description: 'At least this many open requests for the same tool' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  minDemand?: number;

  @ApiPropertyOptional({ description: 'Only the caller’s own units’ requests' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  mine?: boolean;
}

/** The list's filters and sort (paging ignored), and the file format. */
export class RequestExportQueryDto extends RequestListQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsExportFormat()
  format!: ExportFormat;
}
