import type ExcelJS from 'exceljs';
import { type EventEmitter, once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

import type { IsoDate } from '@licensregistret/domain';

import { AppException } from '../app-exception';
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
 * Exports one instance runs at once. Each holds a pooled connection (its cursor) for as long as
 * its client reads, and a compressor; more wait their turn as a 429 with Retry-After rather than
 * taking the pool and the memory of the calls everyone else makes.
 */
export const MAX_CONCURRENT_EXPORTS = 2;
/** What a refused export is told to wait: a 100,000-row export takes a few seconds. */
export const EXPORT_RETRY_AFTER_SECONDS = 10;
/**
 * Bytes an export may have written ahead of what its client (or its compressor) has taken: past
 * this, it reads no further rows until they drain. Enough to keep the pipe full.
 */
export const EXPORT_BUFFER_BYTES = 256 * 1024;

let runningExports = 0;

/** How many exports this instance is running now (for tests). */
export function exportsRunning(): number {
  return runningExports;
}

/**
 * Streams rows to the response as an Excel workbook or a CSV file, page by page, reading the
 * next page only when what was written has drained (see EXPORT_BUFFER_BYTES), so a slow client
 * or a busy compressor holds back the database rather than filling memory. At most
 * MAX_CONCURRENT_EXPORTS run at once; another is refused before its query starts. The first page
 * is read before anything is sent, so a failing query still answers with a problem document; a
 * failure later can only cut the download short.
 */
export async function sendSpreadsheet<T>(
  response: ServerResponse,
  spreadsheet: SpreadsheetExport<T>,
): Promise<void> {
  if (runningExports >= MAX_CONCURRENT_EXPORTS) {
    throw new AppException(
      'RATE_LIMITED',
      `${MAX_CONCURRENT_EXPORTS} exports are running on this server; try again in a few seconds.`,
      { headers: { 'Retry-After': String(EXPORT_RETRY_AFTER_SECONDS) } },
    );
  }
  runningExports += 1;
  try {
    await streamSpreadsheet(response, spreadsheet);
  } finally {
    runningExports -= 1;
  }
}

async function streamSpreadsheet<T>(
  response: ServerResponse,
  spreadsheet: SpreadsheetExport<T>,
): Promise<void> {
  const iterator = spreadsheet.pages[Symbol.asyncIterator]();
  const first = await iterator.next();
  const fileName = `${spreadsheet.fileName}.${spreadsheet.format}`;
  response.statusCode = 200;
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
  response: ServerResponse,
  columns: readonly ExportColumn<T>[],
  pages: AsyncIterable<readonly T[]>,
): Promise<void> {
  const kinds = columns.map((column) => column.kind ?? 'text');
  const write = async (text: string) => {
    if (!response.write(text, 'utf8')) await drained(response);
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
  response: ServerResponse,
  spreadsheet: SpreadsheetExport<T>,
  pages: AsyncIterable<readonly T[]>,
): Promise<void> {
  const workbook = await newWorkbook(response);
  await writeSheet(response, workbook, spreadsheet.sheetName, spreadsheet.columns, pages);
  await workbook.commit();
}

/** exceljs is loaded at the first Excel file, not at start: it is 8 MB of the heap (docs/performance.md). */
async function newWorkbook(response: ServerResponse): Promise<ExcelJS.stream.xlsx.WorkbookWriter> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({
    stream: response,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Licensregistret';
  workbook.created = new Date();
  return workbook;
}

async function writeSheet<T>(
  response: ServerResponse,
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheetName: string,
  columns: readonly ExportColumn<T>[],
  pages: AsyncIterable<readonly T[]>,
): Promise<void> {
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
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
  // exceljs writes each committed row on into the zip, and the zip pushes what it compressed,
  // both ignoring backpressure: without waiting here the whole export would pile up in front of
  // a slow client (#13).
  const backlog = workbookBacklog(workbook, sheet);
  for await (const page of pages) {
    for (const row of page) {
      sheet
        .addRow(columns.map((column) => xlsxCell(column.value(row), column.kind ?? 'text')))
        .commit();
    }
    while (backlog() + buffered(response) > EXPORT_BUFFER_BYTES && !closed(response)) {
      await drainOrClose(response, BACKLOG_POLL_MS);
    }
  }
  sheet.commit();
}

/** One sheet of a workbook export: its rows come from `pages` when its turn comes. */
export interface WorkbookSheet<T> {
  sheetName: string;
  columns: readonly ExportColumn<T>[];
  pages: () => AsyncIterable<readonly T[]>;
}

/**
 * Several sheets in one Excel workbook, each streamed as sendSpreadsheet streams one (and counted
 * among its MAX_CONCURRENT_EXPORTS). An empty `pages` gives a sheet of headers only: a template.
 */
export async function sendWorkbook(
  response: ServerResponse,
  fileName: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  sheets: readonly WorkbookSheet<any>[],
): Promise<void> {
  if (runningExports >= MAX_CONCURRENT_EXPORTS) {
    throw new AppException(
      'RATE_LIMITED',
      `${MAX_CONCURRENT_EXPORTS} exports are running on this server; try again in a few seconds.`,
      { headers: { 'Retry-After': String(EXPORT_RETRY_AFTER_SECONDS) } },
    );
  }
  runningExports += 1;
  try {
    response.statusCode = 200;
    response.setHeader('Content-Type', CONTENT_TYPES.xlsx);
    response.setHeader('Content-Disposition', attachment(`${fileName}.xlsx`));
    response.setHeader('Cache-Control', 'no-store');
    try {
      const workbook = await newWorkbook(response);
      for (const sheet of sheets) {
        await writeSheet(response, workbook, sheet.sheetName, sheet.columns, sheet.pages());
      }
      await workbook.commit();
    } catch (error) {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  } finally {
    runningExports -= 1;
  }
}

/** How often a backlogged xlsx export looks again when no 'drain' tells it. */
const BACKLOG_POLL_MS = 10;

/** A stream of Node's or of `readable-stream` 2 (archiver's), which lacks the newer getters. */
interface StreamState extends EventEmitter {
  writableLength?: number;
  _writableState?: { length: number };
  _readableState?: { length: number };
  destroyed?: boolean;
  writableFinished?: boolean;
}

const buffered = (stream: StreamState) =>
  stream.writableLength ?? stream._writableState?.length ?? 0;
const closed = (stream: StreamState) => Boolean(stream.destroyed || stream.writableFinished);

/**
 * Bytes of a streaming workbook not yet handed to the response: the sheet's XML waiting at the
 * zip's input (a PassThrough its StreamBuf pipes to) and what the zip compressed but has not
 * passed on. exceljs's and archiver's internals, not their API: the bounded-memory test of the
 * xlsx export (spreadsheet-export.spec.ts) fails should an upgrade move them.
 */
function workbookBacklog(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: ExcelJS.Worksheet,
): () => number {
  const zipInput = (sheet as unknown as { stream?: { pipes?: StreamState[] } }).stream?.pipes?.[0];
  const zip = (workbook as unknown as { zip?: StreamState }).zip;
  if (!zipInput?._writableState || !zip?._readableState) {
    throw new Error('exceljs changed: no zip input and output to measure the backlog by.');
  }
  const zipState = zip._readableState;
  return () => buffered(zipInput) + zipState.length;
}

/** Resolves when the response drains or closes, or after `pollMs`. */
async function drainOrClose(response: StreamState, pollMs: number): Promise<void> {
  const done = new AbortController();
  const { signal } = done;
  try {
    await Promise.race([
      once(response, 'drain', { signal }),
      once(response, 'close', { signal }),
      sleep(pollMs, undefined, { signal }),
    ]);
  } catch {
    // Only the losers' aborts, after the race was decided.
  } finally {
    done.abort();
  }
}

/**
 * Resolves once the response holds at most EXPORT_BUFFER_BYTES unwritten, or has closed: a
 * client that went away stops the export at its next page instead of leaving it waiting, and its
 * connection taken, for ever.
 */
async function drained(response: ServerResponse): Promise<void> {
  while (buffered(response) > EXPORT_BUFFER_BYTES && !closed(response)) {
    await drainOrClose(response, 1000);
  }
}

/** A single page, for small exports read in one query. */
export async function* onePage<T>(rows: Promise<readonly T[]>): AsyncGenerator<readonly T[]> {
  const all = await rows;
  if (all.length > 0) yield all;
}
