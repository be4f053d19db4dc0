import { ApiProperty } from '@nestjs/swagger';

import {
  IMPORT_SHEETS,
  type ImportProblem,
  type ImportReport,
  type ImportSheet,
  type ImportSheetCount,
} from '@licensregistret/domain';

export class ImportProblemDto implements ImportProblem {
  /** The sheet (or, for a file that cannot be read, the file's name). */
  sheet!: string;
  /** The row in the sheet, the header being row 1; 0 when the problem is the file's. */
  row!: number;
  /** The column's header, or null when the problem is the row's or the sheet's. */
  @ApiProperty({ type: String, nullable: true })
  column!: string | null;
  /** What is wrong, in Swedish. */
  message!: string;
}

export class ImportSheetCountDto implements ImportSheetCount {
  @ApiProperty({ enum: IMPORT_SHEETS })
  sheet!: ImportSheet;
  rows!: number;
  created!: number;
  updated!: number;
  unchanged!: number;
}

export class ImportReportDto implements ImportReport {
  dryRun!: boolean;
  /** True only when the records were written (not a dry run, no problem). */
  imported!: boolean;
  sheets!: ImportSheetCountDto[];
  problems!: ImportProblemDto[];
}
