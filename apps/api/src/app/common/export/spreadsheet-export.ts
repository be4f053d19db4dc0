import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { once } from 'node:events';

import type { IsoDate } from '@licensregistret/domain';

import type { ExportFormat } from './export-format';

/** A cell as a column gives it; the column's kind says how it is written. */
export type ExportCell = string | number | boolean | null | undefined;

/**
 * - `text`: as is (CSV guards against formulas).
 * - `date`: an ISO date (YYYY-MM-DD); a date cell shown as YYYY-MM-DD in Excel.
 * - `sek`: kronor; a number with two decimals ("120000,50" in CSV; "120 000,50 kr" in Excel).
 * - `integer`: a whole number.
 * - `boolean`: Ja or Nej.
 */
export type ExportColumnKind = 'text' | 'date' | 'sek' | 'integer' | 'boolean';

export interface ExportColumn<T> {
  header: string;
  kind?: ExportColumnKind;
  /** Width in Excel, in characters; defaults by kind. */
  width?: number;
  value: (row: T) => ExportCell;
}

export interface SpreadsheetExport<T> {
  format: ExportFormat;
  /** Without extension, e.g. `avtal-2026-11-23`. */
  fileName: string;
  sheetName: string;
  columns: readonly ExportColumn<T>[];
  /** The rows, a page at a time: only one page is held in memory. */
  pages: AsyncIterable<readonly T[]>;
}

/** Byte order mark: without it, Excel reads a UTF-8 file as Windows-1252 and garbles å, ä, ö. */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;
/** Characters XML 1.0 does not allow: they would make the .xlsx unreadable. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const DEFAULT_WIDTHS: Record<ExportColumnKind, number> = {
  text: 24,
  date: 12,
  sek: 16,
  integer: 10,
  boolean: 8,
};

const NUMBER_FORMATS: Partial<Record<ExportColumnKind, string>> = {
  date: 'yyyy-mm-dd',
  sek: '#,##0.00 "kr"',
  integer: '0',
};

/** One CSV cell for Swedish Excel: decimal comma, Ja/Nej, formulas defused, quoted if need be. */
export function csvCell(value: ExportCell, kind: ExportColumnKind = 'text'): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return (kind === 'sek' ? value.toFixed(2) : String(value)).replace('.', ',');
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (without its line end). */
export function csvLine(cells: readonly ExportCell[], kinds: readonly ExportColumnKind[]): string {
  return cells.map((cell, index) => csvCell(cell, kinds[index])).join(CSV_SEPARATOR);
}

/** The value of an Excel cell: dates as dates, numbers as numbers, text without XML-invalid characters. */
export function xlsxCell(value: ExportCell, kind: ExportColumnKind = 'text'): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return isoDateAsUtc(value);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value.replace(XML_INVALID, '');
}

function isoDateAsUtc(date: IsoDate): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

/** An ASCII file name for Content-Disposition (the names are ours: letters, digits, dashes). */
function attachment(fileName: string): string {
  const safe = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${safe}"`;
}

/**
 * Streams rows to the response as an Excel workbook or a CSV file, page by page. The first page
 * is read before anything is sent, so a failing query still answers with a problem document;
 * a failure later can only cut the download short.
 */
export async function sendSpreadsheet<T>(
  response: Response,
  spreadsheet: SpreadsheetExport<T>,
): Promise<void> {
  const iterator = spreadsheet.pages[Symbol.asyncIterator]();
  const first = await iterator.next();
  const fileName = `${spreadsheet.fileName}.${spreadsheet.format}`;
  response.status(200);
  response.setHeader('Content-Type', CONTENT_TYPES[spreadsheet.format]);
  response.setHeader('Content-Disposition', attachment(fileName));
  response.setHeader('Cache-Control', 'no-store');
  const gone = () => response.destroyed || response.writableEnded;
  async function* rest(): AsyncGenerator<readonly T[]> {
    try {
      let next = first;
      while (!next.done) {
        if (gone()) return;
        yield next.value;
        next = await iterator.next();
      }
    } finally {
      await iterator.return?.();
    }
  }
  try {
    if (spreadsheet.format === 'csv') await writeCsv(response, spreadsheet.columns, rest());
    else await writeXlsx(response, spreadsheet, rest());
  } catch (error) {
    // The status line is out: all that is left is to cut the download, so it is not taken as whole.
    response.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

async function writeCsv<T>(
  response: Response,
  columns: readonly ExportColumn<T>[],
  pages: AsyncIterable<readonly T[]>,
): Promise<void> {
  const kinds = columns.map((column) => column.kind ?? 'text');
  const write = async (text: string) => {
    if (!response.write(text, 'utf8')) await once(response, 'drain');
  };
  await write(
    `${CSV_BOM}${csvLine(
      columns.map((column) => column.header),
      [],
    )}\r\n`,
  );
  for await (const page of pages) {
    const lines = page.map(
      (row) =>
        `${csvLine(
          columns.map((column) => column.value(row)),
          kinds,
        )}\r\n`,
    );
    await write(lines.join(''));
  }
  response.end();
}

async function writeXlsx<T>(
  response: Response,
  spreadsheet: SpreadsheetExport<T>,
  pages: AsyncIterable<readonly T[]>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: response,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Licensregistret';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(spreadsheet.sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const { columns } = spreadsheet;
  sheet.columns = columns.map((column, index) => {
    const kind = column.kind ?? 'text';
    const numFmt = NUMBER_FORMATS[kind];
    return {
      key: String(index),
      header: column.header,
      width: column.width ?? Math.max(DEFAULT_WIDTHS[kind], column.header.length + 2),
      ...(numFmt ? { style: { numFmt } } : {}),
    };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for await (const page of pages) {
    for (const row of page) {
      sheet
        .addRow(columns.map((column) => xlsxCell(column.value(row), column.kind ?? 'text')))
        .commit();
    }
  }
  sheet.commit();
  await workbook.commit();
}

/** A single page, for small exports read in one query. */
export async function* onePage<T>(rows: Promise<readonly T[]>): AsyncGenerator<readonly T[]> {
  const all = await rows;
  if (all.length > 0) yield all;
}
