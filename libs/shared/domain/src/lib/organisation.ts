import type { ListQuery } from './list-query';
import type { NetworkGroup } from './network-groups';
import type { CompulsoryStage, SchoolForm } from './school-forms';

export interface Administration {
  id: string;
  name: string;
  municipalityName: string;
}

export interface SchoolUnit {
  id: string;
  administrationId: string;
  name: string;
  /** Skolverket's 8-digit school unit code; null for units without one (pre-schools). */
  code: string | null;
  schoolForms: SchoolForm[];
  /** Stages of compulsory school (GR) the unit has; empty unless `schoolForms` has GR. */
  compulsoryStages: CompulsoryStage[];
  pupilCount: number;
  networkGroup: NetworkGroup;
  principalId: string | null;
  principalName: string | null;
  /** Optimistic concurrency: send it back on update; a stale one gets 409. */
  version: number;
}

/** Body of `POST /api/school-units`. */
export interface CreateSchoolUnitRequest {
  administrationId: string;
  name: string;
  code?: string | null;
  schoolForms: SchoolForm[];
  compulsoryStages?: CompulsoryStage[];
  pupilCount: number;
  networkGroup: NetworkGroup;
  principalId?: string | null;
}

/** Body of `PATCH /api/school-units/:id`: the version read, and the fields to change. */
export type UpdateSchoolUnitRequest = Partial<CreateSchoolUnitRequest> & { version: number };

export const SCHOOL_UNIT_SORT_COLUMNS = ['name', 'code', 'pupilCount', 'networkGroup'] as const;
export type SchoolUnitSortColumn = (typeof SCHOOL_UNIT_SORT_COLUMNS)[number];

/** Query of `GET /api/school-units`. */
export interface SchoolUnitListQuery extends ListQuery {
  /** Part of the name or code. */
  q?: string;
  networkGroup?: NetworkGroup;
  schoolForm?: SchoolForm;
}

/** Body of `POST /api/school-units/import`. */
export interface SchoolUnitImportRequest {
  /**
   * CSV text with a header row `name,code,forms,pupils,group` (`;` also accepted as separator).
   * `forms` lists school forms separated by spaces, with GR stages as `GR:F-3 GR:4-6`.
   */
  csv: string;
  /** When true, only checks the file and reports; nothing is written. */
  dryRun: boolean;
  /** Administration the new units belong to; the only one if omitted. */
  administrationId?: string;
}

export const IMPORT_ERROR_CODES = [
  'CSV_INVALID',
  'HEADER_MISSING_COLUMNS',
  'NAME_REQUIRED',
  'NAME_TOO_LONG',
  'NAME_UNSAFE',
  'CODE_FORMAT',
  'CODE_REPEATED',
  'CODE_TAKEN',
  'FORMS_INVALID',
  'PUPILS_INVALID',
  'GROUP_UNKNOWN',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export interface ImportRowError {
  /** Line number in the file, the header being line 1. */
  line: number;
  field: string;
  /** What is wrong, for the UI to put in Swedish; `message` says it in English. */
  code: ImportErrorCode;
  /** Values the message refers to: `value` (the cell), `code`, `otherLine`, `columns`. */
  params: Record<string, string | number>;
  message: string;
}

export interface SchoolUnitImportReport {
  dryRun: boolean;
  /** Data rows read from the file. */
  rows: number;
  /** Units written: 0 on a dry run or when any row is bad (nothing is imported then). */
  imported: number;
  errors: ImportRowError[];
}
