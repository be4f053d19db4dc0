import type {
  Administration,
  CompulsoryStage,
  ImportErrorCode,
  ImportRowError,
  NetworkGroup,
  Page,
  SchoolForm,
  SchoolUnit,
  SchoolUnitImportReport,
} from '@licensregistret/domain';

import { ApiUuid } from '../../openapi/formats';

export class AdministrationDto implements Administration {
  @ApiUuid()
  id!: string;
  name!: string;
  municipalityName!: string;
}

export class SchoolUnitDto implements SchoolUnit {
  @ApiUuid()
  id!: string;
  @ApiUuid()
  administrationId!: string;
  name!: string;
  /** Skolverket's 8-digit school unit code; null for units without one (pre-schools). */
  code!: string | null;
  schoolForms!: SchoolForm[];
  /** Stages of compulsory school (GR) the unit has; empty unless `schoolForms` has GR. */
  compulsoryStages!: CompulsoryStage[];
  pupilCount!: number;
  networkGroup!: NetworkGroup;
  @ApiUuid()
  principalId!: string | null;
  principalName!: string | null;
  /** Send it back on update; a stale one gets 409. */
  version!: number;
}

export class SchoolUnitPageDto implements Page<SchoolUnit> {
  rows!: SchoolUnitDto[];
  /** Rows matching the filter over all pages; null when asked `withTotal=false`. */
  total!: number | null;
}

export class ImportRowErrorDto implements ImportRowError {
  /** Line number in the file, the header being line 1. */
  line!: number;
  field!: string;
  code!: ImportErrorCode;
  /** Values the message refers to: `value` (the cell), `code`, `otherLine`, `columns`. */
  params!: Record<string, string | number>;
  message!: string;
}

export class SchoolUnitImportReportDto implements SchoolUnitImportReport {
  dryRun!: boolean;
  /** Data rows read from the file. */
  rows!: number;
  /** Units written: 0 on a dry run or when any row is bad (nothing is imported then). */
  imported!: number;
  errors!: ImportRowErrorDto[];
}
