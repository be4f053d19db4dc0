import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

/**
 * A grid's filters and sort live in the page's address: opening a row and going Back, a reload,
 * and the same address in another tab all show the same list. Reads demo agreements only.
 */
test.describe('grid state in the address', () => {
  test('a filter and a sort survive opening a row and going Back, and a reload', async ({
    page,
    context,
  }) => {
    test.setTimeout(60_000);
    await signIn(page, 'upphandlare');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Avtal' })
      .click();
    await expect(page.locator('main h1')).toHaveText('Avtal');
    const filters = page.locator('lr-filter-panel summary');
    await expect(filters).toHaveText(/Filter\s*\(inga valda\)/);

    await page.getByLabel('Aktivt', { exact: true }).check();
    await expect(filters).toHaveText(/Filter\s*\(1 valt\)/);
    const costHeader = page.locator('.ag-header-cell[col-id="annualCost"]');
    await costHeader.locator('.ag-header-cell-label').click();
    await expect(costHeader).toHaveAttribute('aria-sort', 'ascending');
    await costHeader.locator('.ag-header-cell-label').click();
    await expect(costHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(page).toHaveURL(/[?&]status=ACTIVE(&|$)/);
    await expect(page).toHaveURL(/[?&]sortering=annualCost(:|%3A)desc/);
    const firstRow = page.locator('.ag-row[row-index="0"] [col-id="agreementNumber"] a');
    const first = await firstRow.textContent();
    await expectNoSeriousA11yViolations(page);

    async function expectSameList(): Promise<void> {
      await expect(page.locator('main h1')).toHaveText('Avtal');
      await expect(page.getByLabel('Aktivt', { exact: true })).toBeChecked();
      await expect(page.getByLabel('Utkast', { exact: true })).not.toBeChecked();
      await expect(filters).toHaveText(/Filter\s*\(1 valt\)/);
      await expect(page.locator('.ag-header-cell[col-id="annualCost"]')).toHaveAttribute(
        'aria-sort',
        'descending',
      );
      await expect(firstRow).toHaveText(first ?? '');
      await expectNoSeriousA11yViolations(page);
    }

    await firstRow.click();
    await expect(page.locator('main h1')).not.toHaveText('Avtal');
    await expectNoSeriousA11yViolations(page);
    await page.goBack();
    await expectSameList();

    await page.reload();
    await expectSameList();

    // A shared link: the same address in a new tab of the same signed-in browser.
    const other = await context.newPage();
    await other.goto(page.url());
    await expect(other.getByLabel('Aktivt', { exact: true })).toBeChecked();
    await expect(other.locator('.ag-header-cell[col-id="annualCost"]')).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expectNoSeriousA11yViolations(other);
  });

  test('the identifying column stays pinned and a column chosen away stays away', async ({
    page,
  }) => {
    await signIn(page, 'upphandlare');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Avtal' })
      .click();
    // Scrolled to its last column, the grid still shows which agreement each row is.
    const number = page.locator('.ag-header-cell[col-id="agreementNumber"]');
    await expect(number).toBeVisible();
    await number.scrollIntoViewIfNeeded();
    await expect(page.locator('.ag-row[row-index="0"]').first()).toBeVisible();
    // To the end, as a user scrolls: again if the columns were still taking their widths (the
    // grid sizes them once its rows are in, which may come after a first scroll).
    await expect(async () => {
      await page
        .locator('.ag-body-horizontal-scroll-viewport')
        .evaluate((viewport) => (viewport.scrollLeft = viewport.scrollWidth));
      await expect(page.locator('.ag-header-cell[col-id="annualCost"]')).toBeInViewport({
        timeout: 1000,
      });
    }).toPass();
    await expect(number).toBeInViewport({ ratio: 1 });
    await expect(
      page.locator('.ag-row[row-index="0"] [col-id="agreementNumber"] a'),
    ).toBeInViewport();

    await page.getByText('Kolumner', { exact: false }).first().click();
    const supplier = page.getByLabel('Leverantör', { exact: true }).last();
    await supplier.uncheck();
    await expect(page.locator('.ag-header-cell[col-id="supplierName"]')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await page.reload();
    await expect(page.locator('main h1')).toHaveText('Avtal');
    await expect(page.locator('.ag-header-cell[col-id="endsOn"]')).toBeVisible();
    await expect(page.locator('.ag-header-cell[col-id="supplierName"]')).toHaveCount(0);
    await page.getByText('Kolumner', { exact: false }).first().click();
    await page.getByRole('button', { name: 'Återställ kolumnerna' }).click();
    await expect(page.locator('.ag-header-cell[col-id="supplierName"]')).toBeVisible();
  });
});
