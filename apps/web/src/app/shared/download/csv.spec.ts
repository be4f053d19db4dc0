import { CSV_BOM, csvText } from './csv';

describe('csvText', () => {
  it('starts with a byte order mark and separates cells with semicolons, lines with CRLF', () => {
    expect(csvText(['Namn', 'Antal'], [['Ekeskolan', 12]])).toBe(
      `${CSV_BOM}Namn;Antal\r\nEkeskolan;12\r\n`,
    );
  });

  it('writes decimals with a comma, booleans as Ja/Nej and missing values empty', () => {
    expect(csvText(['a', 'b', 'c', 'd', 'e'], [[1245000.5, true, false, null, undefined]])).toBe(
      `${CSV_BOM}a;b;c;d;e\r\n1245000,5;Ja;Nej;;\r\n`,
    );
  });

  it('quotes text holding a separator, a quote or a line break', () => {
    expect(csvText(['x'], [['NE; Begreppa'], ['"Bästa"'], ['rad 1\nrad 2']])).toBe(
      `${CSV_BOM}x\r\n"NE; Begreppa"\r\n"""Bästa"""\r\n"rad 1\nrad 2"\r\n`,
    );
  });

  it('keeps text that looks like a formula from running as one', () => {
    expect(csvText(['x'], [['=HYPERLINK("http://example.com")'], ['@SUM(A1)'], [-5]])).toBe(
      `${CSV_BOM}x\r\n"'=HYPERLINK(""http://example.com"")"\r\n'@SUM(A1)\r\n-5\r\n`,
    );
  });
});
