import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The check of `format`, for export DTOs (most extend their list's query). */
export const IsExportFormat = (): PropertyDecorator =>
  IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` });

/** `format=xlsx|csv`, for export routes that take nothing else. */
export class ExportFormatDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsExportFormat()
  format!: ExportFormat;
}
