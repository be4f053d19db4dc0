import type { Page } from '@playwright/test';

import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

/** A name no earlier run of the suite used, so a reused database never confuses the test. */
const unique = (name: string) => `${name}-${Date.now().toString(36)}`;

/** A valid Swedish organisation number (Luhn check digit), unlikely to be taken. */
function organisationNumber(): string {
  const body = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
  const sum = [...body].reduce((total, digit, index) => {
    const doubled = Number(digit) * (index % 2 === 0 ? 2 : 1);
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return `${body.slice(0, 6)}-${body.slice(6)}${(10 - (sum % 10)) % 10}`;
}

/** A call to the API as the signed-in person, with the CSRF token the app would send. */
async function api<T>(page: Page, path: string, data: object): Promise<T> {
  const cookies = await page.context().cookies();
  const xsrf = cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request.post(path, { data, headers: { 'X-XSRF-TOKEN': xsrf } });
  expect(response.ok(), `POST ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

const ROWS = 130;

/**
 * Scrolling on through a server-paged grid: the block after the first is asked for after the
 * first block's last row (a cursor), not by skipping rows, and the rows are the list's. The test
 * makes its own supplier with more agreements than a block holds (ending in 2090, a cost of a
 * krona, so they come last in the other specs' views) and filters the grid by it.
 */
test('procurement scrolls the agreements of a supplier past the first block', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, 'upphandlare');
  const supplier = await api<{ id: string; name: string }>(page, '/api/suppliers', {
    name: unique('Rullning AB'),
    organisationNumber: organisationNumber(),
  });
  const numbers: string[] = [];
  for (let n = 0; n < ROWS; n += 1) {
    // Two by two on the same end date: ties the cursor's id must break.
    const endsOn = `2090-${String(1 + Math.floor(n / 24)).padStart(2, '0')}-${String(1 + Math.floor((n % 24) / 2)).padStart(2, '0')}`;
    const created = await api<{ agreementNumber: string }>(page, '/api/agreements', {
      supplierId: supplier.id,
      agreementNumber: `RULL-${String(n).padStart(3, '0')}`,
      caseNumber: 'Bou 2026/00900',
      procurementRoute: 'DIRECT_AWARD',
      signedOn: '2026-01-01',
      startsOn: '2026-01-01',
      endsOn,
      extensionOptions: 0,
      extensionMonths: 0,
      extensionOptionsUsed: 0,
      nextExtensionDecisionBy: null,
      noticePeriodMonths: 3,
      internalLeadDays: 60,
      renewsAutomatically: false,
      annualCost: 1,
      costModel: 'FLAT',
      ownerId: null,
      scopeSchoolForms: [],
      dataProcessingAgreement: { signed: true, signedOn: '2026-01-01', subProcessors: [] },
      documents: [],
      followsId: null,
      terminatedOn: null,
    });
    numbers.push(created.agreementNumber);
  }

  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Avtal' })
    .click();
  await expect(page.locator('main h1')).toHaveText('Avtal');
  const supplierFilter = page.getByRole('combobox', { name: 'Leverantör' });
  if (!(await supplierFilter.isVisible())) await page.locator('lr-filter-panel summary').click();
  await supplierFilter.selectOption({ label: supplier.name });
  await expect(page.locator('main .list-status')).toHaveText(`${ROWS} avtal`);
  await expectNoSeriousA11yViolations(page);

  const secondBlock = page.waitForRequest(
    (request) => request.url().includes('/api/agreements?') && request.url().includes('after='),
  );
  // By keyboard: a cell of the first row, then Ctrl+End to the list's last row.
  await page.getByRole('gridcell', { name: 'Aktivt' }).first().click();
  await page.keyboard.press('Control+End');
  const asked = new URL((await secondBlock).url());
  expect(asked.searchParams.get('offset')).toBeNull();
  expect(asked.searchParams.get('withTotal')).toBe('false');

  // The list ends with the last two agreements made (one end date: the id orders them).
  const cell = (row: number) =>
    page.locator(`.ag-row[row-index="${row}"] [col-id="agreementNumber"]`);
  const lastTwo = new RegExp(`^(${numbers[ROWS - 2]}|${numbers[ROWS - 1]})$`);
  await expect(cell(ROWS - 1)).toHaveText(lastTwo);
  await expect(cell(ROWS - 2)).toHaveText(lastTwo);
  expect(await cell(ROWS - 1).textContent()).not.toBe(await cell(ROWS - 2).textContent());
  await expectNoSeriousA11yViolations(page);
});
