import { importSheetOfFileName } from './agreement-import';

describe('importSheetOfFileName', () => {
  it.each([
    ['avtal-2026-12-04.csv', 'Avtal'],
    ['Licenser.csv', 'Licenser'],
    ['leverantorer-2026-12-04.csv', 'Leverantörer'],
    ['Leverantörer.csv', 'Leverantörer'],
    ['C:\\Users\\kim\\tjanster.csv', 'Tjänster'],
    ['Tjänster (1).csv', 'Tjänster'],
  ])('%s is the sheet %s', (name, sheet) => {
    expect(importSheetOfFileName(name)).toBe(sheet);
  });

  it('names no sheet for a name that says none', () => {
    expect(importSheetOfFileName('export.csv')).toBeNull();
    expect(importSheetOfFileName('mitt-avtal.csv')).toBeNull();
  });
});
