import ExcelJS from 'exceljs';
import { randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

/** A valid organisation number nobody else uses (Luhn check digit over the first nine). */
function organisationNumber(): string {
  const digits = `55${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
  let sum = 0;
  for (let index = 0; index < 9; index += 1) {
    let digit = Number(digits[8 - index]);
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return `${digits.slice(0, 6)}-${digits.slice(6)}${(10 - (sum % 10)) % 10}`;
}

/** The template's sheets, filled in: each row's cells by header, as the export writes them. */
async function filled(
  template: Buffer,
  rows: Record<string, Record<string, string | number>[]>,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
  for (const [name, sheetRows] of Object.entries(rows)) {
    const sheet = book.getWorksheet(name);
    if (!sheet) throw new Error(`The template has no sheet ${name}`);
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    for (const row of sheetRows) sheet.addRow(headers.map((header) => row[header] ?? null));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

test.describe('importing agreements', () => {
  test('procurement downloads the template, sees the bad rows, fixes them, imports and finds the agreement', async ({
    page,
  }) => {
    await signIn(page, 'upphandlare');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Avtal' })
      .click();
    await page
      .getByRole('navigation', { name: 'Avtal' })
      .getByRole('link', { name: 'Importera avtal' })
      .click();
    await expect(page).toHaveURL(/\/avtal\/importera$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importera avtal');
    await expectNoSeriousA11yViolations(page);

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Ladda ner en tom mall (Excel)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('importmall-avtal.xlsx');
    const template = await readFile((await download.path()) as string);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Leverantörer',
      'Tjänster',
      'Avtal',
      'Licenser',
    ]);

    const org = organisationNumber();
    const supplierName = `Importleverantör ${org}`;
    const number = `IMP-${org}`;
    const supplier = { Namn: supplierName, Organisationsnummer: org };
    const agreement = {
      Avtalsnummer: number,
      Diarienummer: 'BOU 2026/99',
      Upphandlingsform: 'Direktupphandling',
      Undertecknat: '2026-01-15',
      Startdatum: '2026-02-01',
      Slutdatum: '2028-01-31',
      'Förnyas automatiskt': 'Nej',
      'Årskostnad (kr)': '45000,00',
      Kostnadsmodell: 'Fast pris',
      'Leverantörens organisationsnummer': org,
      'Uppsägningstid (månader)': 3,
    };
    const wrongDigit = `${org.slice(0, 10)}${(Number(org[10]) + 1) % 10}`;
    const bad = await filled(template, {
      Leverantörer: [{ ...supplier, Organisationsnummer: wrongDigit }],
      Avtal: [{ ...agreement, Slutdatum: '31/1/2028', Kostnadsmodell: 'Gratis' }],
    });

    const fileInput = page.getByLabel('Excel-arbetsbok eller CSV-filer');
    await fileInput.setInputFiles({
      name: 'avtal.xlsx',
      mimeType: 'application/octet-stream',
      buffer: bad,
    });
    await page.getByRole('button', { name: 'Kontrollera fil' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'lästes' })).toHaveText(
      /2 rader lästes\. Filen har \d+ fel\./,
    );
    const supplierProblems = page.getByRole('table', { name: 'Fel i Leverantörer' });
    await expect(supplierProblems.getByRole('row', { name: /Organisationsnummer/ })).toContainText(
      'kontrollsiffra',
    );
    const agreementProblems = page.getByRole('table', { name: 'Fel i Avtal' });
    await expect(agreementProblems.getByRole('row', { name: /Slutdatum/ })).toContainText(
      'ÅÅÅÅ-MM-DD',
    );
    await expect(agreementProblems.getByRole('row', { name: /Kostnadsmodell/ })).toContainText(
      '"Gratis" är inte ett av värdena',
    );
    await expect(page.getByRole('button', { name: 'Importera', exact: true })).toBeDisabled();
    await expectNoSeriousA11yViolations(page);

    const good = await filled(template, { Leverantörer: [supplier], Avtal: [agreement] });
    await fileInput.setInputFiles({
      name: 'avtal.xlsx',
      mimeType: 'application/octet-stream',
      buffer: good,
    });
    await page.getByRole('button', { name: 'Kontrollera fil' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'lästes' })).toHaveText(
      '2 rader lästes. Inga fel hittades. Du kan importera.',
    );
    await expect(page.getByRole('table', { name: 'Vad importen skulle göra' })).toContainText(
      'Avtal',
    );
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'lästes' })).toHaveText(
      'Importen är klar: 2 rader lästes.',
    );
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: 'Visa avtalen' }).click();
    await expect(page).toHaveURL(/\/avtal$/);
    await page
      .getByRole('search', { name: 'Filtrera avtal' })
      .getByLabel('Leverantör')
      .selectOption({ label: supplierName });
    await expect(page.locator('main .list-status')).toHaveText('1 avtal');
    await expect(
      page.locator('[role="gridcell"][col-id="agreementNumber"]').filter({ hasText: number }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
