import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';

import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** The demo catalogue's agreement numbers (demo-catalogue.ts), e.g. PL-2025-088. */
const DEMO_AGREEMENT_NUMBER = /^(NE|PL|ILT|WO|BG)-\d{4}-\d+$/;
const MUNICIPALITY_WIDE = ['Begreppa', 'Inläsningstjänst (ILT)', 'NE', 'Polylino', 'Widgit Online'];

/** The grid's cells of one column, by its column id. */
function column(page: Page, colId: string) {
  return page.locator(`[role="gridcell"][col-id="${colId}"]`);
}

/** "1 245 000,00 kr" or "1 245 000 kr" as a number of kronor. */
function kronor(text: string | null): number {
  const digits = (text ?? '').replace(/[^\d,]/g, '').replace(',', '.');
  return Number(digits);
}

test.describe('agreements for procurement', () => {
  test('procurement filters to action needed, exports that view and opens an agreement', async ({
    page,
  }) => {
    await signIn(page, 'upphandlare');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Avtal' })
      .click();
    await expect(page).toHaveURL(/\/avtal$/);
    await expect(page).toHaveTitle('Avtal – Licensregistret');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Avtal');
    const listStatus = page.locator('main .list-status');
    await expect(listStatus).toHaveText(/^\d+ avtal$/);
    // Every status shows by default: the demo has agreements in all of them.
    await expect(column(page, 'status').filter({ hasText: 'Aktivt' }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // The filtered count from its first block: read at once, the status line could still show
    // the unfiltered count, or "Hämtar avtal …".
    const filtered = page.waitForResponse((response) => {
      const url = new URL(response.url());
      return (
        url.pathname === '/api/agreements' && url.searchParams.get('status') === 'ACTION_NEEDED'
      );
    });
    await page.getByRole('group', { name: 'Status' }).getByLabel('Åtgärd krävs').check();
    const { total: count } = (await (await filtered).json()) as { total: number };
    expect(count).toBeGreaterThan(0);
    await expect(listStatus).toHaveText(`${count} avtal`);
    await expect(column(page, 'status')).toHaveCount(count);
    for (const cell of await column(page, 'status').all()) {
      await expect(cell).toHaveText('Åtgärd krävs');
    }
    const numbers = (await column(page, 'agreementNumber').allTextContents()).map((n) => n.trim());
    await expectNoSeriousA11yViolations(page);

    // The exports hold the same rows, under Swedish headers: Excel first, read with exceljs.
    const excelDownloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Exportera till Excel' }).click();
    const excel = await excelDownloading;
    expect(excel.suggestedFilename()).toMatch(/^avtal-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await excel.path())) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('The workbook has no sheet');
    const sheetRows: unknown[][] = [];
    sheet.eachRow((row) => sheetRows.push((row.values as unknown[]).slice(1)));
    const [sheetHeader = [], ...sheetData] = sheetRows;
    expect(sheetHeader.slice(0, 5)).toEqual([
      'Avtalsnummer',
      'Diarienummer',
      'Tjänster',
      'Leverantör',
      'Status',
    ]);
    expect(sheetData).toHaveLength(count);
    expect(sheetData.map((row) => row[0])).toEqual(numbers);
    for (const row of sheetData) {
      expect(row[sheetHeader.indexOf('Status')]).toBe('Åtgärd krävs');
      expect(row[sheetHeader.indexOf('Slutdatum')]).toBeInstanceOf(Date);
      expect(typeof row[sheetHeader.indexOf('Årskostnad (kr)')]).toBe('number');
    }

    // Then CSV, for Swedish Excel: a byte order mark, semicolons and decimal commas.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Exportera till CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^avtal-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 3)).toEqual(BOM);
    const [header, ...rows] = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    const headers = header?.split(';') ?? [];
    expect(headers.slice(0, 5)).toEqual([
      'Avtalsnummer',
      'Diarienummer',
      'Tjänster',
      'Leverantör',
      'Status',
    ]);
    expect(headers).toContain('Sista dag att säga upp');
    expect(headers).toContain('Årskostnad (kr)');
    expect(rows).toHaveLength(count);
    const cells = rows.map((row) => row.split(';'));
    expect(cells.map((row) => row[0])).toEqual(numbers);
    expect(cells.map((row) => row[headers.indexOf('Status')])).toEqual(
      numbers.map(() => 'Åtgärd krävs'),
    );
    for (const row of cells) {
      expect(row[headers.indexOf('Slutdatum')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row[headers.indexOf('Årskostnad (kr)')]).toMatch(/^\d+,\d{2}$/);
    }

    // Enter on any cell of a row opens the agreement, for keyboard users: the first of the demo's
    // own agreements (other spec files add agreements needing action, with other numbers).
    const number = numbers.find((candidate) => DEMO_AGREEMENT_NUMBER.test(candidate));
    if (!number) throw new Error(`No demo agreement needs action among ${numbers.join(', ')}`);
    const row = page.locator('[role="row"]', { has: page.getByRole('link', { name: number }) });
    const lastDay = (await row.locator('[col-id="lastDayToGiveNotice"]').textContent())?.trim();
    expect(lastDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await row.locator('[col-id="supplierName"]').click();
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/\/avtal\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Avtal ${number} – `);
    await expect(page).toHaveTitle(new RegExp(`^Avtal ${number} – .+ – Licensregistret$`));
    const deadlines = page.getByRole('region', { name: 'Uppsägning och nästa beslut' });
    await expect(deadlines).toContainText(`Sista dag att säga upp: ${lastDay}`);
    await expect(deadlines).toContainText(/Åtgärd från \d{4}-\d{2}-\d{2}/);

    const split = page.getByRole('table', { name: /Årskostnad per skolenhet/ });
    await expect(split).toBeVisible();
    const total = split.locator('tfoot tr');
    await expect(total.getByRole('rowheader')).toHaveText('Totalt');
    const annualCost = page
      .locator('dl > div', { has: page.locator('dt', { hasText: /^Årskostnad$/ }) })
      .locator('dd');
    expect(kronor(await total.locator('td').last().textContent())).toBe(
      kronor(await annualCost.textContent()),
    );
    // The rows add up to the total, to the öre.
    const amounts = await split.locator('tbody tr td:last-child').allTextContents();
    const sumOre = amounts.reduce((sum, amount) => sum + Math.round(kronor(amount) * 100), 0);
    expect(sumOre).toBe(Math.round(kronor(await total.locator('td').last().textContent()) * 100));
    await expect(page.getByRole('table', { name: 'Licenser under avtalet' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Historik' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('the coverage table shows each unit’s municipality-wide services, and who lacks one', async ({
    page,
    visit,
  }) => {
    await signIn(page, 'upphandlare');
    await visit('/avtal/tackning');
    const table = page.getByRole('table', { name: 'Kommungemensamma tjänster per skolenhet' });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'NE', exact: true })).toBeVisible();
    const mellringe = table.getByRole('row', { name: /^Mellringeskolan 7-9 / });
    await expect(mellringe.getByRole('cell').filter({ hasText: 'Nej' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Nätverksgrupp').selectOption('Söder');
    await expect(page.locator('main .list-status')).toHaveText(/^Visar \d+ skolenheter? av \d+\.$/);
    for (const group of await table.locator('tbody tr td:nth-of-type(1)').allTextContents()) {
      expect(group.trim()).toBe('Söder');
    }

    const disclosure = page.getByRole('button', { name: 'Skolenheter som saknar NE' });
    await disclosure.click();
    await expect(disclosure).toHaveAttribute('aria-expanded', 'true');
    const lacking = page.getByRole('table', { name: /skolenheter? saknar NE$/ });
    // NE is licensed to compulsory school only: the pre-schools lack it.
    await expect(lacking.getByRole('rowheader', { name: 'Förskolan Tallbacken' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe('the catalogue for schools', () => {
  test('a requester opens the catalogue and finds which services their unit has', async ({
    page,
  }) => {
    await signIn(page, 'skola');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Katalog' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Katalog');
    // A requester sees their own unit's licences; there is no unit to pick.
    await expect(page.getByLabel('Visa licenser för skolenhet')).toHaveCount(0);
    const cards = page.locator('main article');
    // The five municipality-wide services, and any a browser test of the routine approved.
    for (const name of MUNICIPALITY_WIDE) {
      await expect(page.getByRole('article', { name, exact: true })).toBeVisible();
    }
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Sök tjänst').fill('Polylino');
    await expect(cards).toHaveCount(1);
    await expect(page.locator('main .list-status')).toHaveText('1 tjänst');
    const polylino = page.getByRole('article', { name: 'Polylino' });
    await expect(polylino).toContainText('Din enhet har den här tjänsten');
    await expect(polylino).toContainText(/Mellringeskolan 7-9, till och med \d{4}-\d{2}-\d{2}/);
    await expectNoSeriousA11yViolations(page);

    // Every municipality-wide service is licensed for Mellringeskolan 7-9, so each says so.
    await page.getByLabel('Sök tjänst').fill('');
    for (const name of MUNICIPALITY_WIDE) {
      const card = page.getByRole('article', { name, exact: true });
      await expect(card).toContainText('Din enhet har den här tjänsten');
      await expect(card).not.toContainText('Inte licensierad');
    }
  });
});
