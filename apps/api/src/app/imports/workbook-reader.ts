import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';

import {
  IMPORT_MAX_FILE_BYTES,
  IMPORT_SHEETS,
  type ImportFile,
  type ImportProblem,
  type ImportSheet,
  importSheetOfFileName,
} from '@licensregistret/domain';

/** A sheet as read: its header row and its non-empty data rows, every cell as text. */
export interface RawSheet {
  sheet: ImportSheet;
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

/** The most data rows a sheet may have: well above a municipality's agreements and licences. */
export const MAX_ROWS_PER_SHEET = 20_000;

/** The export guards a cell that would start a formula with an apostrophe (csvCell): undone here. */
const GUARDED_FORMULA = /^'[=+\-@\t\r]/;

const isoDateOf = (date: Date) => date.toISOString().slice(0, 10);

/** A cell of an .xlsx as text, the way the export wrote it: dates as ÅÅÅÅ-MM-DD, Ja/Nej. */
export function xlsxCellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoDateOf(value);
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('formula' in value || 'sharedFormula' in value) {
    return xlsxCellText((value as { result?: ExcelJS.CellValue }).result);
  }
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  return '';
}

function problem(sheet: string, message: string): ImportProblem {
  return { sheet, row: 0, column: null, message };
}

/**
 * Reads the files: one .xlsx with the sheets by name, or CSV files each named for its sheet.
 * What cannot be read at all is a problem of the file (row 0), and its sheets are left out.
 */
export async function readImportFiles(
  files: readonly ImportFile[],
): Promise<{ sheets: RawSheet[]; problems: ImportProblem[] }> {
  const sheets: RawSheet[] = [];
  const problems: ImportProblem[] = [];
  for (const file of files) {
    const bytes = Buffer.from(file.content, 'base64');
    if (bytes.length === 0) {
      problems.push(problem(file.name, 'Filen är tom.'));
      continue;
    }
    if (bytes.length > IMPORT_MAX_FILE_BYTES) {
      problems.push(
        problem(file.name, `Filen är större än ${IMPORT_MAX_FILE_BYTES / 1024 / 1024} MB.`),
      );
      continue;
    }
    if (/\.xlsx$/i.test(file.name)) {
      await readWorkbook(file.name, bytes, sheets, problems);
    } else if (/\.csv$/i.test(file.name)) {
      readCsv(file.name, bytes, sheets, problems);
    } else {
      problems.push(
        problem(file.name, 'Filen ska vara en Excel-arbetsbok (.xlsx) eller CSV-filer (.csv).'),
      );
    }
  }
  const seen = new Set<string>();
  for (const sheet of sheets) {
    if (seen.has(sheet.sheet)) {
      problems.push(problem(sheet.sheet, `Bladet ${sheet.sheet} finns i mer än en fil.`));
    }
    seen.add(sheet.sheet);
  }
  return { sheets, problems };
}

async function readWorkbook(
  fileName: string,
  bytes: Buffer,
  sheets: RawSheet[],
  problems: ImportProblem[],
): Promise<void> {
  // Loaded at the first import, not at start (see spreadsheet-export.ts).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    problems.push(problem(fileName, 'Filen går inte att läsa som en Excel-arbetsbok (.xlsx).'));
    return;
  }
  for (const worksheet of workbook.worksheets) {
    const name = worksheet.name.trim();
    const sheet = IMPORT_SHEETS.find((known) => known.toLowerCase() === name.toLowerCase());
    if (!sheet) {
      if (worksheet.actualRowCount > 0) {
        problems.push(
          problem(
            name,
            `Okänt blad "${name}". Bladen heter ${IMPORT_SHEETS.join(', ')}; byt namn på bladet eller ta bort det.`,
          ),
        );
      }
      continue;
    }
    if (worksheet.rowCount - 1 > MAX_ROWS_PER_SHEET) {
      problems.push(problem(sheet, `Bladet har fler än ${MAX_ROWS_PER_SHEET} rader.`));
      continue;
    }
    const width = worksheet.columnCount;
    const textOf = (row: ExcelJS.Row) =>
      Array.from({ length: width }, (_, index) => xlsxCellText(row.getCell(index + 1).value));
    const headers = textOf(worksheet.getRow(1));
    const rows: RawSheet['rows'] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const cells = textOf(row);
      if (cells.some((cell) => cell !== '')) rows.push({ row: rowNumber, cells });
    });
    sheets.push({ sheet, headers, rows });
  }
}

function readCsv(
  fileName: string,
  bytes: Buffer,
  sheets: RawSheet[],
  problems: ImportProblem[],
): void {
  const sheet = importSheetOfFileName(fileName);
  if (!sheet) {
    problems.push(
      problem(
        fileName,
        `Av filnamnet framgår inte vilket blad filen är: låt det börja med ${IMPORT_SHEETS.join(', ')} (som exporten döper filerna).`,
      ),
    );
    return;
  }
  const text = bytes.toString('utf8');
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: firstLine.includes(';') ? ';' : ',',
      bom: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    problems.push({
      sheet,
      row: line,
      column: null,
      message: 'Filen går inte att läsa som CSV (kontrollera citattecknen).',
    });
    return;
  }
  if (records.length - 1 > MAX_ROWS_PER_SHEET) {
    problems.push(problem(sheet, `Bladet har fler än ${MAX_ROWS_PER_SHEET} rader.`));
    return;
  }
  const unguard = (cell: string) => (GUARDED_FORMULA.test(cell) ? cell.slice(1) : cell);
  const [headers = [], ...data] = records;
  sheets.push({
    sheet,
    headers: headers.map((header) => header.trim()),
    rows: data
      .map((cells, index) => ({ row: index + 2, cells: cells.map(unguard) }))
      .filter(({ cells }) => cells.some((cell) => cell !== '')),
  });
}
