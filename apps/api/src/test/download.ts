import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import request from 'supertest';

import type { TestClient } from './test-client';

export interface Download {
  status: number;
  headers: Record<string, string>;
  /** The body's bytes, whatever its type. */
  body: Buffer;
}

/** A GET as the client (its cookies and address), with the body kept as bytes. */
export async function download(
  app: INestApplication,
  client: TestClient,
  path: string,
): Promise<Download> {
  const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await request(app.getHttpServer())
    .get(path)
    .set('Cookie', cookie)
    .set('X-Forwarded-For', client.address)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  return {
    status: response.status,
    headers: response.headers as Record<string, string>,
    body: response.body as Buffer,
  };
}

/** The first sheet of an .xlsx as rows of cell values (row 1 the header). */
export async function readXlsx(bytes: Buffer): Promise<{ name: string; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('The workbook has no sheet');
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[];
    // ExcelJS's row values start at index 1.
    rows.push(Array.from({ length: sheet.columnCount }, (_, index) => values[index + 1] ?? null));
  });
  return { name: sheet.name, rows };
}

/** A CSV export as rows of cells: `;` between cells, CRLF between rows, "" quoting. */
export function readCsv(bytes: Buffer): { bom: boolean; rows: string[][] } {
  const bom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
  const text = bytes.subarray(bom ? 3 : 0).toString('utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ';') {
      row.push(cell);
      cell = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else if (character === '\n') throw new Error('The CSV has a line end without CR');
    else cell += character;
  }
  if (cell !== '' || row.length > 0) throw new Error('The CSV does not end with CRLF');
  return { bom, rows };
}
