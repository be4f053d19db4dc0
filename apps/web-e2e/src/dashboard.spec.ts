import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';

import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

test.describe('the dashboard', () => {
  test('procurement opens Översikt and sees every chart with its figures in words', async ({
    page,
  }) => {
    await signIn(page, 'upphandlare');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Översikt' })
      .click();
    await expect(page).toHaveURL(/\/oversikt$/);
    await expect(page).toHaveTitle('Översikt – Licensregistret');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Översikt');
    const main = page.getByRole('main');
    await expect(main.getByText(/^Siffror per \d{4}-\d{2}-\d{2}\.$/)).toBeVisible();

    await expect(main.getByRole('heading', { level: 2 })).toHaveText([
      'Avtal per status',
      'Förnyelser de kommande 18 månaderna',
      'Årskostnad',
      'Begäranden per status',
      'Tid till beslut',
      'Likvärdighet',
    ]);

    // Each chart is an image named by its figures, and the same figures stand in a table.
    // The chart library's drawing sits inert inside each of our images, so count ours by their element.
    const charts = main.locator('lr-chart > [role="img"]');
    await expect(charts).toHaveCount(5);
    await expect(
      page.getByRole('img', { name: /^Stapeldiagram, avtal per status: / }),
    ).toHaveAccessibleName(/Aktivt \d+/);
    await expect(
      page.getByRole('img', { name: /^Stapeldiagram, begäranden per status: / }),
    ).toBeVisible();
    await expect(
      page.getByRole('img', { name: /^Linjediagram, dagar från inskickad begäran/ }),
    ).toBeVisible();
    await expect(
      page.getByRole('img', { name: /^Stapeldiagram, årskostnad per kategori: / }),
    ).toHaveAccessibleName(/\d\s*kr/);
    await expect(
      page.getByRole('img', { name: /^Stapeldiagram, datum att hantera per månad/ }),
    ).toBeVisible();
    // Each is drawn when it comes into view (the library loads then), in the space kept for it.
    for (const chart of await charts.all()) {
      const box = await chart.boundingBox();
      await chart.scrollIntoViewIfNeeded();
      const canvas = chart.locator('canvas');
      const painted = () =>
        canvas.evaluate((element: HTMLCanvasElement) => {
          const pixels = element
            .getContext('2d')
            ?.getImageData(0, 0, element.width, element.height).data;
          return pixels?.some((value, index) => index % 4 === 3 && value > 0) ?? false;
        });
      await expect.poll(painted).toBe(true);
      expect((await chart.boundingBox())?.height).toBe(box?.height);
    }

    for (const caption of [
      'Antal avtal per status',
      'Antal begäranden per status, utkast ej medräknade',
      'Tid till beslut per månad, de senaste 12 månaderna',
      'Årskostnad per kategori',
      'Att hantera de kommande 18 månaderna, i datumordning',
    ]) {
      await expect(page.getByRole('table', { name: caption })).toBeVisible();
    }
    const statusTable = page.getByRole('table', { name: 'Antal avtal per status' });
    await expect(statusTable.getByRole('rowheader')).toHaveText([
      'Utkast',
      'Uppsagt',
      'Har löpt ut',
      'Uppsägningstiden passerad',
      'Åtgärd krävs',
      'Löper snart ut',
      'Aktivt',
    ]);
    await expect(
      page.getByRole('table', { name: 'Årskostnad per kategori' }).getByRole('cell').first(),
    ).toHaveText(/^\d{1,3}(\s\d{3})*\s*kr$/);

    await expectNoSeriousA11yViolations(page);

    // From the overview to the agreements that need action, exported as filtered.
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Avtal' })
      .click();
    // The count of the filtered list, from its first block: the status line shows the unfiltered
    // count, then "Hämtar …", then this one, so reading the line at once could catch either.
    const filtered = page.waitForResponse((response) => {
      const url = new URL(response.url());
      return (
        url.pathname === '/api/agreements' && url.searchParams.get('status') === 'ACTION_NEEDED'
      );
    });
    await page.getByRole('group', { name: 'Status' }).getByLabel('Åtgärd krävs').check();
    const { total: count } = (await (await filtered).json()) as { total: number };
    expect(count).toBeGreaterThan(0);
    await expect(page.locator('main .list-status')).toHaveText(`${count} avtal`);
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Exportera till Excel' }).click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await readFile(await (await downloading).path())) as unknown as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0];
    expect(sheet?.actualRowCount).toBe(count + 1);
  });
});
