import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBase64,
  IsBoolean,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import {
  IMPORT_MAX_FILES,
  IMPORT_MAX_FILE_BYTES,
  type ImportFile,
  type ImportRequest,
} from '@licensregistret/domain';

/** Base64 of IMPORT_MAX_FILE_BYTES, and a little: a larger file is refused by its decoded size. */
const MAX_BASE64 = Math.ceil(IMPORT_MAX_FILE_BYTES / 3) * 4 + 4;

export class ImportFileDto implements ImportFile {
  @ApiProperty({
    description:
      'The file name: an .xlsx workbook, or a .csv whose name begins with the sheet (avtal-2026-12-04.csv)',
    example: 'avtal.xlsx',
  })
  @IsString()
  @Length(1, 255)
  name!: string;

  @ApiProperty({ description: 'The bytes, base64-encoded', format: 'byte' })
  @IsString()
  @MaxLength(MAX_BASE64)
  @IsBase64()
  content!: string;
}

export class ImportDto implements ImportRequest {
  @ApiProperty({ description: 'Check only: report every problem and write nothing' })
  @IsBoolean()
  dryRun!: boolean;

  @ApiProperty({ type: [ImportFileDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(IMPORT_MAX_FILES)
  @ValidateNested({ each: true })
  @Type(() => ImportFileDto)
  files!: ImportFileDto[];
}
