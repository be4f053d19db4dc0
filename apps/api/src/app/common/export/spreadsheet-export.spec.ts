import type { ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

import { AppException } from '../app-exception';
import type { ExportFormat } from './export-format';
import {
  type ExportColumn,
  MAX_CONCURRENT_EXPORTS,
  exportsRunning,
  sendSpreadsheet,
} from './spreadsheet-export';

interface Row {
  n: number;
  text: string;
}

const COLUMNS: readonly ExportColumn<Row>[] = [
  { header: 'Nummer', kind: 'integer', value: (row) => row.n },
  { header: 'Text', value: (row) => row.text },
];
const PAGE_SIZE = 500;
/** 100,000 rows of about 90 bytes: far more than any stream buffers on the way. */
const PAGES = 200;

/**
 * A response the test reads (or does not): a PassThrough with the few ServerResponse members
 * the export uses.
 */
function fakeResponse(): PassThrough & ServerResponse {
  const stream = new PassThrough();
  return Object.assign(stream, {
    statusCode: 0,
    setHeader: () => stream,
  }) as unknown as PassThrough & ServerResponse;
}

/** Pages of generated rows that count how many were asked for, and whether the reading ended. */
function countedPages(gate: Promise<void> = Promise.resolve()) {
  const seen = { pages: 0, closed: false };
  async function* pages(): AsyncGenerator<Row[]> {
    try {
      await gate;
      for (let page = 0; page < PAGES; page += 1) {
        seen.pages += 1;
        yield Array.from({ length: PAGE_SIZE }, (_, index) => ({
          n: page * PAGE_SIZE + index,
          text: `Rad ${page * PAGE_SIZE + index} ${'x'.repeat(64)}`,
        }));
      }
    } finally {
      seen.closed = true;
    }
  }
  return { seen, pages: pages() };
}

/** Waits until `value()` has not changed for a while (the export has stopped asking). */
async function settled(value: () => number): Promise<number> {
  let last = -1;
  let still = 0;
  while (still < 10) {
    await sleep(50);
    const now = value();
    still = now === last ? still + 1 : 0;
    last = now;
  }
  return last;
}

async function readAll(stream: PassThrough): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return bytes;
}

describe('sendSpreadsheet: bounded memory', () => {
  it.each<ExportFormat>(['xlsx', 'csv'])(
    'reads no further rows into a %s while its client reads nothing, and all of them once it does',
    async (format) => {
      const response = fakeResponse();
      const { seen, pages } = countedPages();
      const sending = sendSpreadsheet(response, {
        format,
        fileName: 'test',
        sheetName: 'Test',
        columns: COLUMNS,
        pages,
      });

      const asked = await settled(() => seen.pages);
      // Held back by the unread response: a few pages, not the whole export in memory.
      expect(asked).toBeLessThan(PAGES / 4);
      expect(response.writableLength).toBeLessThan(2 * 1024 * 1024);

      const bytes = readAll(response);
      await sending;
      expect(seen.pages).toBe(PAGES);
      expect(await bytes).toBeGreaterThan(0);
    },
    60_000,
  );

  it('ends an export whose client went away while it waited, closing its rows and its slot', async () => {
    const response = fakeResponse();
    const { seen, pages } = countedPages();
    const sending = sendSpreadsheet(response, {
      format: 'csv',
      fileName: 'test',
      sheetName: 'Test',
      columns: COLUMNS,
      pages,
    });
    await settled(() => seen.pages);
    expect(exportsRunning()).toBe(1);

    response.destroy();
    await sending;
    expect(seen.closed).toBe(true);
    expect(seen.pages).toBeLessThan(PAGES);
    expect(exportsRunning()).toBe(0);
  });

  it(`runs ${MAX_CONCURRENT_EXPORTS} exports at once and refuses another with 429 and Retry-After`, async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const start = () => {
      const response = fakeResponse();
      const sending = sendSpreadsheet(response, {
        format: 'csv',
        fileName: 'test',
        sheetName: 'Test',
        columns: COLUMNS,
        pages: countedPages(gate).pages,
      });
      return { sending, bytes: readAll(response) };
    };
    const running = Array.from({ length: MAX_CONCURRENT_EXPORTS }, start);
    expect(exportsRunning()).toBe(MAX_CONCURRENT_EXPORTS);

    const refused = await sendSpreadsheet(fakeResponse(), {
      format: 'xlsx',
      fileName: 'test',
      sheetName: 'Test',
      columns: COLUMNS,
      pages: countedPages().pages,
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppException);
    expect((refused as AppException).code).toBe('RATE_LIMITED');
    expect(Number((refused as AppException).options.headers?.['Retry-After'])).toBeGreaterThan(0);

    release();
    await Promise.all(running.map((export_) => export_.sending));
    await Promise.all(running.map((export_) => export_.bytes));
    expect(exportsRunning()).toBe(0);

    // A slot is free again.
    const again = start();
    await again.sending;
    expect(await again.bytes).toBeGreaterThan(0);
  });
});
