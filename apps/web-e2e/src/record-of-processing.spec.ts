import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';

import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

test.describe('the record of processing for data protection', () => {
  test('dataskydd opens Registerförteckning, reads a service’s entry, prints and exports it', async ({
    page,
  }) => {
    await signIn(page, 'dataskydd');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Registerförteckning' })
      .click();
    await expect(page).toHaveURL(/\/registerforteckning$/);
    await expect(page).toHaveTitle('Registerförteckning – Licensregistret');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registerförteckning');
    await expect(page.locator('main .record-status')).toHaveText(
      /^\d+ behandlingar?, enligt läget \d{4}-\d{2}-\d{2}\.$/,
    );

    // The demo's NE has a data protection review saying it processes pupils' and staff's data.
    const ne = page.getByRole('region', { name: 'NE', exact: true });
    await expect(ne).toBeVisible();
    const term = (name: string) =>
      ne.locator('dl > div', { has: page.locator('dt', { hasText: name }) }).locator('dd');
    await expect(term('Ändamål')).toContainText('Läromedel i alla ämnen');
    await expect(term('Kategorier av registrerade')).toContainText('Elever');
    await expect(term('Rättslig grund')).toHaveText('Uppgift av allmänt intresse');
    await expect(term('Personuppgiftsbiträdesavtal')).toContainText(
      /Avtal .+: undertecknat \d{4}-\d{2}-\d{2}/,
    );
    await expect(term('Lagringsplats')).toHaveText('Sverige');
    await expect(term('Lagringstid och gallring')).not.toBeEmpty();
    await expectNoSeriousA11yViolations(page);

    // On paper: the record without the shell and the buttons.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeHidden();
    await expect(ne).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeVisible();

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Exportera till Excel' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^registerforteckning-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('Tjänst');
    const names: unknown[] = [];
    sheet?.eachRow((row, number) => {
      if (number > 1) names.push(row.getCell(1).value);
    });
    expect(names).toContain('NE');
  });
});
