import type { Page } from '@playwright/test';

import {
  OREBRO,
  chooseMunicipality,
  expect,
  expectNoSeriousA11yViolations,
  signIn,
  test,
} from './fixtures';

/**
 * One registry, three municipalities (the demo: Örebro, Kumla, Lindesberg). The same demo user
 * names exist in each; signing in names the municipality, and each sees only its own schools and
 * agreements. Kumla has the NE and Polylino agreements and its own schools; Örebro has more.
 * Only demo data nobody changes is read: no spec writes to Kumla's agreements or units.
 */
const KUMLA = 'Kumla kommun';
const KUMLA_AGREEMENTS = ['NE-2025-0117', 'PL-2025-088'];
const OREBRO_ONLY_AGREEMENTS = ['ILT-2023-5521', 'WO-2024-009', 'BG-2024-112', 'PL-2022-031'];

function column(page: Page, colId: string) {
  return page.locator(`[role="gridcell"][col-id="${colId}"]`);
}

async function openFromMenu(page: Page, area: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: area })
    .click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page).toHaveURL(/\/logga-in$/);
}

test.describe('many municipalities in one registry', () => {
  test('the same user name signs in to Kumla and sees Kumla’s agreements and schools, not Örebro’s', async ({
    page,
  }) => {
    await page.goto('/logga-in');
    const municipality = page.getByLabel('Kommun', { exact: true });
    await expect(municipality.locator('option')).toHaveText([
      'Välj kommun',
      KUMLA,
      'Lindesbergs kommun',
      OREBRO,
    ]);
    await expectNoSeriousA11yViolations(page);

    // Without a municipality the page asks for one, at the list.
    await page.getByLabel('Användarnamn').fill('lasare');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Välj kommun.');
    await expect(municipality).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(page);

    await signIn(page, 'lasare', KUMLA);
    await expectNoSeriousA11yViolations(page);
    await openFromMenu(page, 'Avtal');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Avtal');
    const numbers = column(page, 'agreementNumber');
    for (const number of KUMLA_AGREEMENTS) {
      await expect(numbers.filter({ hasText: number })).toHaveCount(1);
    }
    const shown = (await numbers.allTextContents()).map((text) => text.trim());
    for (const number of OREBRO_ONLY_AGREEMENTS) expect(shown).not.toContain(number);
    await expectNoSeriousA11yViolations(page);

    // The choice is remembered: next time Kumla is already chosen.
    await signOut(page);
    await expect(municipality).toHaveValue('kumla');
    await page.getByLabel('Användarnamn').fill('admin');
    const password = await page.locator('[data-demo-password]').textContent();
    await page.getByLabel('Lösenord', { exact: true }).fill(password?.trim() ?? '');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Att göra');
    await openFromMenu(page, 'Administration');
    await expect(page).toHaveURL(/\/administration\/skolenheter$/);
    const units = column(page, 'name');
    await expect(units.filter({ hasText: 'Kumlaby skola 7-9' })).toHaveCount(1);
    await expect(units.filter({ hasText: 'Hällabrottets skola F-6' })).toHaveCount(1);
    await expect(units.filter({ hasText: 'Mellringeskolan 7-9' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });

  test('the same user name in Örebro sees Örebro’s agreements and schools, not Kumla’s', async ({
    page,
  }) => {
    await signIn(page, 'lasare', OREBRO);
    await openFromMenu(page, 'Avtal');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Avtal');
    const numbers = column(page, 'agreementNumber');
    await expect(numbers.filter({ hasText: 'ILT-2023-5521' })).toHaveCount(1);
    await expectNoSeriousA11yViolations(page);

    await signOut(page);
    await signIn(page, 'admin', OREBRO);
    await openFromMenu(page, 'Administration');
    await expect(page).toHaveURL(/\/administration\/skolenheter$/);
    await page.getByLabel('Sök namn eller skolenhetskod').fill('7-9');
    const units = column(page, 'name');
    await expect(units.filter({ hasText: 'Mellringeskolan 7-9' })).toHaveCount(1);
    await expect(units.filter({ hasText: 'Kumlaby skola 7-9' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });

  test('the public list shows the decisions of the municipality chosen, and keeps it', async ({
    page,
  }) => {
    await page.goto('/logga-in');
    await page
      .getByRole('link', { name: 'vilka digitala tjänster kommunen har beslutat om' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Digitala tjänster i förskola och skola',
    );
    await expect(page.locator('main .list-status')).toHaveText(
      'Välj kommun för att se vilka tjänster den har beslutat om.',
    );
    await expectNoSeriousA11yViolations(page);

    await chooseMunicipality(page, KUMLA);
    await expect(page).toHaveURL(/\/tjanster\?kommun=kumla$/);
    const table = page.getByRole('table', { name: /i Kumla kommun$/ });
    await expect(table.locator('tbody tr').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await table.locator('tbody th a').first().click();
    await expect(page).toHaveURL(/\/tjanster\/[^?]+\?kommun=kumla$/);
    await expect(page.locator('main')).toContainText(KUMLA);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('link', { name: 'Tillbaka till tjänster och beslut' }).click();
    await expect(page).toHaveURL(/\/tjanster\?kommun=kumla$/);

    // The footer's link shows the same municipality: the browser remembers the choice.
    await page.goto('/tillganglighet');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tjänster och beslut' }).click();
    await expect(page.getByLabel('Kommun', { exact: true })).toHaveValue('kumla');
    await expect(page.getByRole('table', { name: /i Kumla kommun$/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
