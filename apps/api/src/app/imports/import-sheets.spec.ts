import { AGREEMENT_EXPORT_COLUMNS, LICENCE_EXPORT_COLUMNS } from '../agreements/agreement-export';
import { SERVICE_EXPORT_COLUMNS, SUPPLIER_EXPORT_COLUMNS } from '../catalogue/catalogue-export';
import type { ExportColumn } from '../common/export/spreadsheet-export';
import { parseCell } from './import-cells';
import { AGREEMENT_SHEET, LICENCE_SHEET, SERVICE_SHEET, SUPPLIER_SHEET } from './import-sheets';

describe('the import reads the exports’ headers', () => {
  it.each([
    [SUPPLIER_SHEET, SUPPLIER_EXPORT_COLUMNS],
    [SERVICE_SHEET, SERVICE_EXPORT_COLUMNS],
    [AGREEMENT_SHEET, AGREEMENT_EXPORT_COLUMNS],
    [LICENCE_SHEET, LICENCE_EXPORT_COLUMNS],
  ] as const)('%s: every export column is read or named derived, and no other', (spec, columns) => {
    const exported = (columns as readonly ExportColumn<never>[]).map((column) => column.header);
    const read = spec.columns.map((column) => column.header);
    expect([...read, ...spec.derived].sort()).toEqual([...exported].sort());
    expect(new Set(read).size).toBe(read.length);
  });
});

describe('parseCell', () => {
  const column = (kind: (typeof AGREEMENT_SHEET.columns)[number]['kind'], required = false) => ({
    header: 'Kolumn',
    key: 'k',
    kind,
    required,
  });

  it('reads kronor as Excel and the CSV export write them', () => {
    for (const text of ['120000.5', '120000,50', '120 000,50 kr', '120\u00a0000,5']) {
      expect(parseCell(column('sek'), text)).toEqual({ value: 120000.5 });
    }
    expect(parseCell(column('sek'), '12,345')).toHaveProperty('error');
  });

  it('takes a label or its code, in any case', () => {
    const kind = { labels: { PER_PUPIL: 'Per elev', FLAT: 'Fast pris' } };
    expect(parseCell(column(kind), 'per elev')).toEqual({ value: 'PER_PUPIL' });
    expect(parseCell(column(kind), 'FLAT')).toEqual({ value: 'FLAT' });
    expect(parseCell(column(kind), 'Gratis')).toEqual({
      error: '"Gratis" är inte ett av värdena: Per elev, Fast pris.',
    });
  });

  it('reads dates as ÅÅÅÅ-MM-DD only, and real ones', () => {
    expect(parseCell(column('date'), '2026-02-28')).toEqual({ value: '2026-02-28' });
    expect(parseCell(column('date'), '2026-02-30')).toHaveProperty('error');
    expect(parseCell(column('date'), '28/2/2026')).toHaveProperty('error');
  });

  it('reads school forms by label, in their order', () => {
    expect(parseCell(column('forms'), 'Gymnasieskola, förskola')).toEqual({ value: ['FS', 'GY'] });
    expect(parseCell(column('forms'), 'Högskola')).toHaveProperty('error');
  });

  it('gives an empty cell its default, or asks for it when required', () => {
    expect(parseCell({ ...column('integer'), empty: 0 }, ' ')).toEqual({ value: 0 });
    expect(parseCell(column('integer', true), '')).toEqual({ error: 'Kolumn måste fyllas i.' });
    expect(parseCell(column('boolean'), 'ja')).toEqual({ value: true });
    expect(parseCell(column('boolean'), 'Yes')).toHaveProperty('error');
  });
});
