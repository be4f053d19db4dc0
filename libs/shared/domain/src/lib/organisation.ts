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

/** The columns of a school unit import file, by their English keys. */
export const SCHOOL_UNIT_IMPORT_COLUMNS = ['name', 'code', 'forms', 'pupils', 'group'] as const;
export type SchoolUnitImportColumn = (typeof SCHOOL_UNIT_IMPORT_COLUMNS)[number];

/**
 * The Swedish header of each column, as the school unit list names them and as the empty
 * template has them. The English keys stay accepted (files made before).
 */
export const SCHOOL_UNIT_IMPORT_HEADERS: Record<SchoolUnitImportColumn, string> = {
  name: 'Namn',
  code: 'Skolenhetskod',
  forms: 'Skolformer',
  pupils: 'Elever',
  group: 'Nätverksgrupp',
};

/** The empty template's header row: Swedish, separated by `;` as Excel writes CSV in Swedish. */
export const SCHOOL_UNIT_IMPORT_TEMPLATE_HEADER = SCHOOL_UNIT_IMPORT_COLUMNS.map(
  (column) => SCHOOL_UNIT_IMPORT_HEADERS[column],
).join(';');

/**
 * The column a header cell names, Swedish or English, whatever the case and surrounding space
 * (`Antal elever` is also taken for the pupils); null for a column the import does not read.
 */
export function schoolUnitImportColumn(header: string): SchoolUnitImportColumn | null {
  const text = header.trim().toLocaleLowerCase('sv');
  for (const column of SCHOOL_UNIT_IMPORT_COLUMNS) {
    if (text === column || text === SCHOOL_UNIT_IMPORT_HEADERS[column].toLocaleLowerCase('sv')) {
      return column;
    }
  }
  return text === 'antal elever' ? 'pupils' : null;
}

/** Body of `POST /api/school-units/import`. */
export interface SchoolUnitImportRequest {
  /**
   * CSV text with a header row `Namn;Skolenhetskod;Skolformer;Elever;Nätverksgrupp` (or the
   * English `name,code,forms,pupils,group`; `,` or `;` between columns).
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
