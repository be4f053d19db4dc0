import type { Page } from '@playwright/test';

import {
  OREBRO,
  chooseMunicipality,
  expect,
  expectNoSeriousA11yViolations,
  test,
} from './fixtures';

/**
 * Every page needs sign-in: these tests sign in as `lasare` (read-only), who sees every area
 * built so far except Administration, with the demo password shown on the sign-in page.
 */
async function signInAsReader(page: Page): Promise<void> {
  await page.goto('/logga-in');
  const password = await page
    .getByRole('region', { name: 'Demokonton' })
    .locator('[data-demo-password]')
    .textContent();
  if (!password?.trim()) throw new Error('No demo password on the sign-in page: demo mode off?');
  await chooseMunicipality(page, OREBRO);
  await page.getByLabel('Användarnamn').fill('lasare');
  await page.getByLabel('Lösenord', { exact: true }).fill(password.trim());
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Att göra');
}

test.describe('the application shell', () => {
  test.beforeEach(async ({ page }) => {
    await signInAsReader(page);
  });

  test('the start page is “Att göra” and reports the database as up', async ({ page, visit }) => {
    await visit('/');
    await expect(page).toHaveTitle('Att göra – Licensregistret');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Att göra');
    await expect(page.getByRole('contentinfo').getByRole('status')).toContainText(
      'Databasen är ansluten',
    );
    await expectNoSeriousA11yViolations(page);
  });

  test('the header names who is signed in, and the menu holds their areas', async ({
    page,
    visit,
  }) => {
    await visit('/');
    await expect(page.getByRole('banner')).toContainText('Inloggad som');
    await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link')).toHaveText([
      'Att göra',
      'Katalog',
      'Begäranden',
      'Beslutsrutin',
      'Avtal',
      'Översikt',
      'Registerförteckning',
    ]);
  });

  test('every page says "Demoläge" in words, signed in or not, and stays accessible', async ({
    page,
    visit,
  }) => {
    // These tests run in demo mode (playwright.config.ts): the banner is in the page's header.
    const banner = page.getByRole('banner').locator('.demo-banner');
    for (const path of ['/', '/katalog', '/tillganglighet']) {
      await visit(path);
      await expect(banner).toBeVisible();
      await expect(banner).toContainText('Demoläge');
      await expect(banner).toContainText('publicerat lösenord');
    }
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page).toHaveURL(/\/logga-in/);
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Demoläge');
    await expectNoSeriousA11yViolations(page);
  });

  test('the skip link moves keyboard focus to the content', async ({ page, visit }) => {
    await visit('/');
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Hoppa till innehållet' });
    await expect(skipLink).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });

  test('the catalogue lists the approved services, and a reader can see a unit’s licences', async ({
    page,
    visit,
  }) => {
    await visit('/');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Katalog' })
      .click();
    await expect(page).toHaveURL(/\/katalog$/);
    await expect(page.getByRole('link', { name: 'Katalog' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    // The municipality-wide services (a browser test of the routine may have approved more).
    for (const name of ['Begreppa', 'Inläsningstjänst (ILT)', 'NE', 'Polylino', 'Widgit Online']) {
      await expect(page.getByRole('article', { name, exact: true })).toBeVisible();
    }
    // A reader has no units of their own: the catalogue asks for one instead.
    await expect(page.getByText('Välj en skolenhet för att se')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // A pre-school has Widgit (the whole municipality) but not NE (compulsory school only).
    await page.getByLabel('Visa licenser för skolenhet').selectOption('Förskolan Tallbacken');
    await expect(page.getByRole('article', { name: 'Widgit Online' })).toContainText(
      'Vald enhet har den här tjänsten',
    );
    await expect(page.getByRole('article', { name: 'NE', exact: true })).toContainText(
      'Inte licensierad för vald enhet',
    );
    await expectNoSeriousA11yViolations(page);
  });

  test('a deep link opens its page directly, and an unknown one says so', async ({
    page,
    visit,
  }) => {
    await visit('/begaranden');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Begäranden');
    await expect(page.getByRole('navigation', { name: 'Begäranden' })).toContainText(
      'Alla begäranden',
    );
    await expect(page.getByRole('columnheader', { name: 'Verktyg' })).toBeVisible();
    await expect(page.getByText('under uppbyggnad')).toHaveCount(0);

    await visit('/avtal/tackning');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Täckning');

    await visit('/finns/inte');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan finns inte');
    await expect(page).toHaveTitle('Sidan finns inte – Licensregistret');
  });
});
