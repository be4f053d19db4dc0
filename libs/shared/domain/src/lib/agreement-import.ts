/**
 * Bringing existing suppliers, services, agreements and licences in from one workbook (or one CSV
 * per sheet) whose sheets and headers are those of the exports: an export is the template.
 */
export const IMPORT_SHEETS = ['Leverantörer', 'Tjänster', 'Avtal', 'Licenser'] as const;
export type ImportSheet = (typeof IMPORT_SHEETS)[number];

/** The largest file an import takes (the JSON body carries it base64-encoded). */
export const IMPORT_MAX_FILE_BYTES = 4 * 1024 * 1024;
/** At most one file per sheet. */
export const IMPORT_MAX_FILES = IMPORT_SHEETS.length;

/** A file as the import receives it: its name says what it is (`.xlsx`, or `avtal….csv`). */
export interface ImportFile {
  name: string;
  /** The bytes, base64-encoded. */
  content: string;
}

export interface ImportRequest {
  dryRun: boolean;
  files: ImportFile[];
}

/** One problem in the file, in Swedish: where (sheet, row, column) and what. */
export interface ImportProblem {
  sheet: string;
  /** The row in the sheet, the header being row 1; 0 when the problem is the file's. */
  row: number;
  /** The column's header, or null when the problem is the row's or the sheet's. */
  column: string | null;
  message: string;
}

export interface ImportSheetCount {
  sheet: ImportSheet;
  /** Data rows read. */
  rows: number;
  /** Of them: new records, changed records, records already as the row says. */
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  dryRun: boolean;
  /** Whether anything was written: only when not a dry run and no row has a problem. */
  imported: boolean;
  sheets: ImportSheetCount[];
  problems: ImportProblem[];
}

const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The sheet a CSV file is for, from its name as the exports write it (`avtal-2026-12-04.csv`,
 * `Licenser.csv`, `leverantorer.csv`); null when the name says none.
 */
export function importSheetOfFileName(fileName: string): ImportSheet | null {
  const base = plain(fileName.replace(/^.*[\\/]/, ''));
  if (base.startsWith('leverantor')) return 'Leverantörer';
  if (base.startsWith('tjanst')) return 'Tjänster';
  if (base.startsWith('avtal')) return 'Avtal';
  if (base.startsWith('licens')) return 'Licenser';
  return null;
}
