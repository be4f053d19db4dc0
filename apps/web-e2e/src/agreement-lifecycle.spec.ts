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

/** Today in Sweden, and whole days and months from it, as ÅÅÅÅ-MM-DD. */
const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
function shift(days: number, months = 0): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay) + days);
  return date.toISOString().slice(0, 10);
}

/** A call to the API as the signed-in person, with the CSRF token the app would send. */
async function api<T>(page: Page, method: 'GET' | 'POST', path: string, data?: object) {
  const cookies = await page.context().cookies();
  const xsrf = cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request.fetch(path, {
    method,
    data,
    headers: { 'X-XSRF-TOKEN': xsrf },
  });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

interface Created {
  id: string;
  agreementNumber: string;
  endsOn: string;
}

/** A signed agreement of this test's own supplier, running since a year; no owner: procurement's. */
function agreement(page: Page, supplierId: string, terms: Record<string, unknown>) {
  return api<Created>(page, 'POST', '/api/agreements', {
    supplierId,
    agreementNumber: unique('LC'),
    caseNumber: 'Bou 2025/00400',
    procurementRoute: 'DIRECT_AWARD',
    signedOn: shift(0, -12),
    startsOn: shift(0, -12),
    extensionOptions: 0,
    extensionMonths: 0,
    extensionOptionsUsed: 0,
    nextExtensionDecisionBy: null,
    noticePeriodMonths: 3,
    internalLeadDays: 60,
    renewsAutomatically: false,
    annualCost: 48000,
    costModel: 'FLAT',
    ownerId: null,
    scopeSchoolForms: [],
    dataProcessingAgreement: { signed: true, signedOn: shift(0, -12), subProcessors: [] },
    documents: [],
    followsId: null,
    terminatedOn: null,
    ...terms,
  });
}

/** From the start page, the "Att göra" row that asks to decide on the agreement. */
async function openFromTodo(page: Page, agreementNumber: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Att göra' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Att göra');
  const row = page.getByRole('link', {
    name: new RegExp(`^Ta ställning till avtalet: .*${agreementNumber}`),
  });
  await row.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Avtal ${agreementNumber}`);
}

/** The newest entry of the page's history. */
const lastHistoryEntry = (page: Page) =>
  page
    .getByRole('region', { name: 'Historik' })
    .getByRole('listitem')
    .filter({ has: page.locator('.history-head') })
    .last();

/**
 * Signs procurement in with agreements of its own supplier, made before the start page reads
 * "Att göra" (as if they existed at sign-in).
 */
async function procurementWith<T>(
  page: Page,
  make: (supplierId: string) => Promise<T>,
): Promise<T> {
  await signIn(page, 'upphandlare');
  const supplier = await api<{ id: string }>(page, 'POST', '/api/suppliers', {
    name: unique('Livscykel AB'),
    organisationNumber: organisationNumber(),
  });
  const made = await make(supplier.id);
  await page.reload();
  return made;
}

/** Procurement's calendar feed, read as a calendar program would. */
async function calendarFeed(page: Page): Promise<() => Promise<string>> {
  const feed = await api<{ path: string }>(page, 'POST', '/api/calendar/feed');
  return async () => (await page.request.get(feed.path)).text();
}

test.describe('agreement lifecycle actions for procurement', () => {
  test('procurement gives notice on an agreement that renews by itself: status, calendar and history follow', async ({
    page,
  }) => {
    // The last day to give notice is in 20 days: "Åtgärd krävs". It ends years after the demo's
    // agreements, so the agreements list still opens a demo one first.
    const renewing = await procurementWith(page, (supplierId) =>
      agreement(page, supplierId, {
        endsOn: shift(20, 36),
        noticePeriodMonths: 36,
        renewsAutomatically: true,
      }),
    );
    const calendar = await calendarFeed(page);
    expect(await calendar()).toContain(
      `Sista dag för uppsägning: avtal ${renewing.agreementNumber}`,
    );

    // The start page asks procurement to decide; the agreement page offers the action.
    await openFromTodo(page, renewing.agreementNumber);
    await expect(page.locator('lr-status-badge')).toHaveText('Åtgärd krävs');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Säg upp avtalet' }).click();
    const noticeForm = page.getByRole('heading', { name: 'Säg upp avtalet', level: 3 });
    await expect(noticeForm).toBeFocused();
    await expect(page.getByLabel('Uppsagt den')).toHaveValue(today);
    await page.getByRole('button', { name: 'Säg upp avtalet' }).last().click();
    const summary = page.getByRole('alert').filter({ hasText: 'Åtgärden kunde inte registreras' });
    await expect(summary).toContainText('Ange uppsägningens diarienummer.');
    await expectNoSeriousA11yViolations(page);
    await summary.getByRole('link', { name: 'Ange uppsägningens diarienummer.' }).click();
    await expect(page.getByLabel('Uppsägningens diarienummer')).toBeFocused();
    await page.keyboard.type('Bou 2026/00777');
    await page.getByLabel('Varför?').fill('Tjänsten ersätts av ett gemensamt avrop.');
    await page.getByLabel('Varför?').press('Tab');
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: 'Uppsägningen är registrerad' }),
    ).toBeFocused();
    await expect(page.locator('lr-status-badge')).toHaveText('Uppsagt');
    await expect(page.getByRole('button', { name: 'Säg upp avtalet' })).toHaveCount(0);
    await expect(lastHistoryEntry(page)).toContainText('Avtalet sades upp av Ulla Upphandlare');
    await expect(lastHistoryEntry(page)).toContainText(
      'Varför: Tjänsten ersätts av ett gemensamt avrop.',
    );
    await expect(lastHistoryEntry(page)).toContainText(
      /Uppsägningens diarienummer: \(tomt\)\s*→\s*ändrades till\s*Bou 2026\/00777/,
    );
    await expectNoSeriousA11yViolations(page);
    const afterNotice = await calendar();
    expect(afterNotice).not.toContain(
      `Sista dag för uppsägning: avtal ${renewing.agreementNumber}`,
    );
    expect(afterNotice).toContain(`Slutdatum (uppsagt): avtal ${renewing.agreementNumber}`);
  });

  test('procurement uses an extension option: the end moves and the next decision is set', async ({
    page,
  }) => {
    // Two options of a year; the first must be decided within 30 days.
    const extending = await procurementWith(page, (supplierId) =>
      agreement(page, supplierId, {
        endsOn: shift(0, 36),
        extensionOptions: 2,
        extensionMonths: 12,
        nextExtensionDecisionBy: shift(30),
      }),
    );
    const calendar = await calendarFeed(page);

    await openFromTodo(page, extending.agreementNumber);
    await page.getByRole('button', { name: 'Utnyttja förlängning' }).click();
    await expect(
      page.getByText(`Slutdatumet flyttas från ${extending.endsOn} till ${shift(0, 48)}`),
    ).toBeVisible();
    await expect(page.getByLabel('Nästa beslut om förlängning senast')).toHaveValue(shift(30, 12));
    await page.getByLabel('Varför?').fill('Skolorna vill fortsätta ett år till.');
    await page.getByRole('button', { name: 'Utnyttja förlängning' }).last().click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Förlängningen är registrerad' }),
    ).toBeVisible();
    const period = page.getByRole('region', { name: 'Villkor' });
    await expect(period.getByText('1 av 2 (1 kvar)')).toBeVisible();
    await expect(lastHistoryEntry(page)).toContainText(
      'En förlängningsoption utnyttjades av Ulla Upphandlare',
    );
    await expect(lastHistoryEntry(page)).toContainText(
      new RegExp(`Slutdatum: ${extending.endsOn}\\s*→\\s*ändrades till\\s*${shift(0, 48)}`),
    );
    await expectNoSeriousA11yViolations(page);
    expect(await calendar()).toContain(`Beslut om förlängning: avtal ${extending.agreementNumber}`);
  });

  test('procurement registers the agreement that follows one ending soon', async ({ page }) => {
    // Ends by itself in 40 days with nothing to follow it, and the one to follow it.
    const { ending, following, supplierId } = await procurementWith(page, async (supplierId) => ({
      supplierId,
      ending: await agreement(page, supplierId, { endsOn: shift(40) }),
      following: await agreement(page, supplierId, {
        startsOn: shift(41),
        signedOn: today,
        endsOn: shift(40, 24),
      }),
    }));

    // The ending agreement is no longer "Löper snart ut" once its successor is registered.
    await openFromTodo(page, ending.agreementNumber);
    await expect(page.locator('lr-status-badge')).toHaveText('Löper snart ut');
    await page.getByRole('button', { name: 'Registrera efterföljande avtal' }).click();
    const successor = page.getByLabel('Efterföljande avtal');
    await expect(successor.locator('option', { hasText: following.agreementNumber })).toHaveCount(
      1,
    );
    await successor.selectOption({
      label: `${following.agreementNumber} – ${await supplierName(page, supplierId)} (${shift(41)} – ${following.endsOn})`,
    });
    await page.getByLabel('Varför?').fill('Förnyat efter direktupphandling.');
    await page.getByRole('button', { name: 'Registrera efterföljande avtal' }).last().click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Det efterföljande avtalet är registrerat' }),
    ).toBeVisible();
    await expect(page.locator('lr-status-badge')).toHaveText('Aktivt');
    await expect(lastHistoryEntry(page)).toContainText(
      'Efterföljande avtal registrerades av Ulla Upphandlare',
    );
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('link', { name: following.agreementNumber }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      `Avtal ${following.agreementNumber}`,
    );
    await expect(page.getByText('Föregås av', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: ending.agreementNumber })).toBeVisible();
    await expect(lastHistoryEntry(page)).toContainText(
      'Avtalet registrerades som efterföljare till ett tidigare avtal',
    );
    await expectNoSeriousA11yViolations(page);
  });

  test('a reader sees the agreement without actions', async ({ page }) => {
    await signIn(page, 'lasare');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Avtal' })
      .click();
    await page.locator('[role="gridcell"][col-id="agreementNumber"] a').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Avtal ');
    await expect(page.getByRole('region', { name: 'Villkor' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Åtgärder' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });
});

async function supplierName(page: Page, id: string): Promise<string> {
  return (await api<{ name: string }>(page, 'GET', `/api/suppliers/${id}`)).name;
}
