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
 * Every page each role reaches by navigation, on a phone (390×844) and a laptop (1440×900):
 * nothing wider than the screen (the page's scrollWidth), every list's status column in view,
 * and axe at no serious or critical violation. Reads demo data only.
 *
 * Every role on the phone, where a page runs out of width. On the laptop the three kinds of
 * users and the administrator: the other roles reach the same pages with other actions, and
 * this file is the longest of the browser suite (8.6 of CI's 16 minutes with every role twice).
 */
const ALL_ROLES = [
  'skola',
  'rektor',
  'specialist',
  'objektledare',
  'upphandlare',
  'dataskydd',
  'infosak',
  'admin',
  'lasare',
] as const;

const WIDTHS = [
  { name: 'phone', width: 390, height: 844, roles: ALL_ROLES },
  {
    name: 'laptop',
    width: 1440,
    height: 900,
    roles: ['skola', 'specialist', 'upphandlare', 'admin'],
  },
] as const;

/** The status column of each grid that has one, by its column id. */
const STATUS_COLUMNS = ['state', 'status', 'active'];

async function expectFits(page: Page, measured: string[]): Promise<void> {
  await expect(page.locator('main h1').first()).toBeVisible();
  // Grids and charts settle after the heading.
  await page.waitForLoadState('networkidle');
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  const path = new URL(page.url()).pathname;
  expect(
    scrollWidth,
    `${path} is ${scrollWidth}px wide in a ${innerWidth}px window`,
  ).toBeLessThanOrEqual(innerWidth);
  measured.push(path);

  const grid = page.locator('.ag-root-wrapper');
  if ((await grid.count()) > 0) {
    const header = page
      .locator(STATUS_COLUMNS.map((id) => `.ag-header-cell[col-id="${id}"]`).join(', '))
      .first();
    if ((await header.count()) > 0) {
      // In view once the page is scrolled down to the list, without scrolling the grid sideways.
      await header.evaluate((cell) =>
        window.scrollTo(0, cell.getBoundingClientRect().top + window.scrollY - 120),
      );
      await expect(header, `${path}: the status column shows`).toBeInViewport({ ratio: 1 });
    }
  }
  await expectNoSeriousA11yViolations(page);
}

/** The links of the main menu, opening it first where it folds. */
async function menuPaths(page: Page): Promise<string[]> {
  const toggle = page.getByRole('button', { name: /^Meny/ });
  if (await toggle.isVisible()) {
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expectNoSeriousA11yViolations(page);
  }
  const links = page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link');
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((anchors) =>
    anchors.map((anchor) => anchor.getAttribute('href') ?? ''),
  );
  return [...hrefs, '/notiser'];
}

/** An area's own menu (its sub-navigation) inside the main content. */
async function subPaths(page: Page): Promise<string[]> {
  return page
    .locator('main nav a[href]')
    .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
}

/** The first row's own page, for a page that lists rows in a grid. */
async function firstRowPath(page: Page): Promise<string | null> {
  const link = page
    .locator(
      '.ag-pinned-left-cols-container a[href], .ag-grid-pinned-left-cells a[href], .ag-center-cols-container a[href]',
    )
    .first();
  if ((await page.locator('.ag-root-wrapper').count()) === 0) return null;
  try {
    await link.waitFor({ timeout: 5_000 });
  } catch {
    return null; // an empty list
  }
  return link.getAttribute('href');
}

for (const size of WIDTHS) {
  test.describe(`at ${size.width}×${size.height} (${size.name})`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('the public pages and the sign-in page fit and stay accessible', async ({ page }) => {
      const measured: string[] = [];
      for (const path of ['/logga-in', '/tjanster', '/tillganglighet']) {
        await page.goto(path);
        await expectFits(page, measured);
      }
      // A decided tool's own page, opened from a municipality's list.
      await page.goto('/tjanster');
      await chooseMunicipality(page, OREBRO);
      const first = page.locator('tbody th a').first();
      await expect(first).toBeVisible();
      await expect(page.getByRole('columnheader', { name: 'Status' })).toBeInViewport();
      await first.click();
      await expectFits(page, measured);
      await expect(page.getByRole('link', { name: 'Logga in' })).toBeVisible();
      expect(measured).toHaveLength(4);
    });

    for (const role of size.roles) {
      test(`every page ${role} reaches fits and stays accessible`, async ({ page }) => {
        test.setTimeout(150_000);
        await signIn(page, role);
        const measured: string[] = [];
        await expectFits(page, measured);
        const seen = new Set<string>(['/']);
        const queue = (await menuPaths(page)).filter((path) => !seen.has(path));
        while (queue.length > 0) {
          const path = queue.shift() as string;
          if (seen.has(path)) continue;
          seen.add(path);
          await page.goto(path);
          await expectFits(page, measured);
          for (const sub of await subPaths(page)) {
            if (!seen.has(sub) && !sub.includes('?')) queue.push(sub);
          }
          const row = await firstRowPath(page);
          if (row && !seen.has(row)) {
            seen.add(row);
            await page.goto(row);
            await expectFits(page, measured);
          }
        }
        test.info().annotations.push({ type: 'measured', description: measured.join(' ') });
        expect(measured.length).toBeGreaterThan(2);
      });
    }
  });
}
