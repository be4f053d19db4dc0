/** A cell as the CSV writer takes it. */
export type CsvValue = string | number | boolean | null | undefined;

/** Byte order mark: without it, Excel reads a UTF-8 file as Windows-1252 and garbles å, ä, ö. */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  // A plain number with a decimal comma, as Swedish Excel reads numbers.
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV file as Swedish Excel opens it by a double click: UTF-8 with a byte order mark,
 * semicolons between cells (the comma is the decimal sign), CRLF line ends (RFC 4180).
 * Text is quoted when it must be; text that would start a formula gets a leading apostrophe.
 */
export function csvText(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(cell).join(CSV_SEPARATOR));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
