import type { Page } from '@playwright/test';

import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

/**
 * The skip link moves the keyboard to the main content and nowhere else: the address stays and
 * what was typed stays (under `<base href="/">` a bare `#innehall` would go to the start page).
 */
async function skipKeepsPage(page: Page, field: ReturnType<Page['getByLabel']>, text: string) {
  await expect(page.locator('main h1')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // On a freshly opened page the skip link is the first thing Tab reaches, and it shows.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  await field.fill(text);
  const url = page.url();
  await skip.focus();
  await page.keyboard.press('Enter');

  await expect(page.locator('main')).toBeFocused();
  expect(page.url()).toBe(url);
  await expect(field).toHaveValue(text);
  // The next Tab goes on inside the main content, not back to the header.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
}

test.describe('the skip link', () => {
  test('keeps the address and the typed text on the public pages and the sign-in page', async ({
    page,
  }) => {
    await page.goto('/tjanster?kommun=orebro');
    await skipKeepsPage(page, page.getByLabel('Sök tjänst eller leverantör'), 'Skolplattform');
    await page.goto('/logga-in');
    await skipKeepsPage(page, page.getByLabel('Användarnamn'), 'skola');
  });

  test('keeps the address and the typed text on a list, a form and a detail page', async ({
    page,
  }) => {
    await signIn(page, 'skola');
    // A list with its search.
    await page.goto('/katalog');
    await skipKeepsPage(page, page.getByLabel('Sök tjänst'), 'Matte');
    // A long form, half filled in.
    await page.goto('/begaranden/ny');
    await skipKeepsPage(page, page.getByLabel('Sök verktyget i katalogen'), 'Ett nytt verktyg');
    // A request's own page, with a comment half written.
    await page.goto('/begaranden');
    const href = await page
      .getByRole('link', { name: /^Begäran \d+$/ })
      .first()
      .getAttribute('href');
    await page.goto(href ?? '');
    await expect(page.locator('main h1')).toHaveText(/^Begäran \d+: /);
    await skipKeepsPage(page, page.getByLabel('Kommentar', { exact: true }), 'Hej!');
  });

  test('keeps the address and the typed text on an administration form', async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto('/administration/skolenheter/ny');
    await skipKeepsPage(page, page.getByLabel('Namn', { exact: true }), 'Nya skolan');
  });
});
