import AxeBuilder from '@axe-core/playwright';
import { type Page, test as base, expect } from '@playwright/test';

/**
 * Checks the page against WCAG 2.1 A and AA with axe-core and fails on serious or critical
 * violations, listing them.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    serious.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    })),
    `axe found serious accessibility violations on ${page.url()}`,
  ).toEqual([]);
}

/** The demo municipality that has the demo accounts' requests and agreements of the specs. */
export const OREBRO = 'Örebro kommun';
/** Örebro's slug, for signing in through the API. */
export const OREBRO_SLUG = 'orebro';

/**
 * Chooses the municipality on the sign-in page or a public page: the demo registry serves three
 * (Örebro, Kumla, Lindesberg), and a fresh browser has no choice remembered.
 */
export async function chooseMunicipality(page: Page, name: string): Promise<void> {
  await page.getByLabel('Kommun', { exact: true }).selectOption({ label: name });
}

/**
 * Signs in as one of the demo accounts, in Örebro unless told, with the password the sign-in
 * page shows in demo mode.
 */
export async function signIn(page: Page, username: string, municipality = OREBRO): Promise<void> {
  await page.goto('/logga-in');
  const password = await page
    .getByRole('region', { name: 'Demokonton' })
    .locator('[data-demo-password]')
    .textContent();
  if (!password?.trim()) throw new Error('No demo password on the sign-in page: demo mode off?');
  await chooseMunicipality(page, municipality);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord', { exact: true }).fill(password.trim());
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Att göra');
}

interface Fixtures {
  /** Opens a path, waits for the page to settle and checks its accessibility. */
  visit: (path: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  visit: async ({ page }, use) => {
    await use(async (path: string) => {
      await page.goto(path);
      await expect(page.locator('main h1')).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });
  },
});

export { expect };
