import type { Page } from '@playwright/test';

import {
  OREBRO,
  chooseMunicipality,
  expect,
  expectNoSeriousA11yViolations,
  test,
} from './fixtures';

/** The demo accounts' shared password, as the sign-in page shows it in demo mode. */
async function demoPassword(page: Page): Promise<string> {
  const password = await page
    .getByRole('region', { name: 'Demokonton' })
    .locator('[data-demo-password]')
    .textContent();
  if (!password?.trim()) throw new Error('No demo password on the sign-in page: demo mode off?');
  return password.trim();
}

async function fillSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
}

/** Signs in as one of the demo accounts of Örebro and waits for the start page. */
async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/logga-in');
  await chooseMunicipality(page, OREBRO);
  await fillSignIn(page, username, await demoPassword(page));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Att göra');
}

/** The name column of the grid on the page. */
function nameCells(page: Page) {
  return page.locator('[role="gridcell"][col-id="name"]');
}

test.describe('signing in', () => {
  test('the sign-in page names a wrong password and brings the visitor back after', async ({
    page,
  }) => {
    await page.goto('/administration/import');
    await expect(page).toHaveURL(/\/logga-in\?tillbaka=%2Fadministration%2Fimport$/);
    await expect(page).toHaveTitle('Logga in – Licensregistret');
    await expect(page.getByRole('region', { name: 'Demokonton' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    const password = await demoPassword(page);
    await chooseMunicipality(page, OREBRO);
    await fillSignIn(page, 'admin', `${password}-fel`);
    await expect(page.getByRole('alert')).toHaveText('Fel användarnamn eller lösenord.');
    await expectNoSeriousA11yViolations(page);

    await fillSignIn(page, 'admin', password);
    await expect(page).toHaveURL(/\/administration\/import$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importera skolenheter');
  });

  test('signing out ends the session', async ({ page }) => {
    await signIn(page, 'lasare');
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page).toHaveURL(/\/logga-in$/);

    await page.goto('/katalog');
    await expect(page).toHaveURL(/\/logga-in\?tillbaka=%2Fkatalog$/);
  });
});

test.describe('administration', () => {
  test('an administrator imports school units from a CSV file and finds them in the list', async ({
    page,
  }) => {
    const stamp = String(Date.now());
    // Unique names and 8-digit codes, so reruns on the same database do not collide.
    const code = (n: number) => `${stamp.slice(-7)}${n}`;
    const names = [
      `E2E-skola ${stamp} Ek`,
      `E2E-skola ${stamp} Björk`,
      `E2E-förskola ${stamp} Lind`,
    ];
    const csv = [
      'name,code,forms,pupils,group',
      `${names[0]},${code(1)},GR:F-3 GR:4-6,210,Norr`,
      `${names[1]},${code(2)},GR:7-9,380,Söder`,
      `${names[2]},,FS,45,Landsbygd`,
    ].join('\n');

    await signIn(page, 'admin');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await expect(page).toHaveURL(/\/administration\/skolenheter$/);
    const adminMenu = page.getByRole('navigation', { name: 'Administration' });
    await expect(adminMenu.getByRole('link', { name: 'Skolenheter' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await adminMenu.getByRole('link', { name: 'Importera' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importera skolenheter');
    await expect(adminMenu.getByRole('link', { name: 'Importera' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('CSV-fil', { exact: true }).setInputFiles({
      name: 'skolenheter.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf-8'),
    });
    await expect(page.getByLabel('Innehåll i CSV-filen')).toHaveValue(csv);
    const importButton = page.getByRole('button', { name: 'Importera', exact: true });
    await expect(importButton).toBeDisabled();

    await page.getByRole('button', { name: 'Kontrollera fil' }).click();
    const result = page.locator('main').getByRole('status');
    await expect(result).toHaveText(
      '3 rader lästes. Inga fel hittades. Du kan importera skolenheterna.',
    );
    await expect(page.getByRole('table', { name: 'Fel i filen' })).toHaveCount(0);

    await expect(importButton).toBeEnabled();
    await importButton.click();
    await expect(result).toHaveText('3 skolenheter importerades.');
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: 'Visa skolenheterna' }).click();
    await expect(page).toHaveURL(/\/administration\/skolenheter$/);
    await page.getByLabel('Sök namn eller skolenhetskod').fill(stamp);
    await expect(page.locator('main').getByRole('status')).toHaveText('3 skolenheter');
    // Sorted by name, as the list starts: "förskola" before "skola", "Björk" before "Ek".
    await expect(nameCells(page)).toHaveText([names[2], names[1], names[0]]);
    await expectNoSeriousA11yViolations(page);

    // A code finds its unit too, and its name opens the unit's form.
    await page.getByLabel('Sök namn eller skolenhetskod').fill(code(2));
    await expect(nameCells(page)).toHaveText([names[1]]);
    await page.getByRole('link', { name: names[1] }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ändra ${names[1]}`);
    await expect(page.getByLabel('Skolenhetskod (valfri)')).toHaveValue(code(2));
    await expect(page.getByRole('group', { name: 'Årskurser i grundskolan' })).toBeVisible();
    await expect(page.getByLabel('Årskurs 7-9')).toBeChecked();
    await expectNoSeriousA11yViolations(page);
  });

  test('a dry run shows the line of a bad row and allows no import', async ({ page, visit }) => {
    const stamp = String(Date.now());
    await signIn(page, 'admin');
    await visit('/administration/import');

    await page
      .getByLabel('Innehåll i CSV-filen')
      .fill(
        [
          'name;code;forms;pupils;group',
          `E2E-skola ${stamp} Rätt;${stamp.slice(-7)}9;GR:4-6;120;Öster`,
          `E2E-skola ${stamp} Fel;1234;GR:F-3;120;Öster`,
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Kontrollera fil' }).click();

    await expect(page.locator('main').getByRole('status')).toContainText('2 rader lästes');
    const errors = page.getByRole('table', { name: 'Fel i filen' });
    await expect(errors).toBeVisible();
    await expect(errors.getByRole('rowheader', { name: '3', exact: true })).toBeVisible();
    await expect(errors.getByRole('rowheader', { name: '2', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Importera', exact: true })).toBeDisabled();
    await expectNoSeriousA11yViolations(page);
  });

  test("an administrator adds a unit, edits it, and a save over someone else's change is refused", async ({
    page,
  }) => {
    const stamp = String(Date.now());
    const name = `E2E-skola ${stamp} Ändras`;
    await signIn(page, 'admin');
    await page.goto('/administration/skolenheter');
    await page.getByRole('link', { name: 'Ny skolenhet' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny skolenhet');

    // Saving the empty form lists what is missing and links each message to its field.
    await page.getByRole('button', { name: 'Spara' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('Ange skolenhetens namn.');
    await expect(page.getByLabel('Namn', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Namn', { exact: true }).fill(name);
    await page.getByLabel('Skolenhetskod (valfri)').fill(`${stamp.slice(-7)}5`);
    await page.getByLabel('Grundskola (GR)').check();
    await page.getByLabel('Årskurs 4-6').check();
    await page.getByLabel('Antal elever').fill('150');
    await page.getByLabel('Nätverksgrupp').selectOption('Centrum');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page).toHaveURL(/\/administration\/skolenheter$/);

    await page.getByLabel('Sök namn eller skolenhetskod').fill(stamp);
    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ändra ${name}`);
    await expect(page.getByLabel('Antal elever')).toHaveValue('150');

    // Someone else saves the same unit in another tab first.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await other.getByLabel('Antal elever').fill('160');
    await other.getByRole('button', { name: 'Spara' }).click();
    await expect(other).toHaveURL(/\/administration\/skolenheter$/);
    await other.close();

    await page.getByLabel('Antal elever').fill('170');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'Någon annan har ändrat uppgifterna. Ladda om sidan och försök igen.',
    );
    await page.reload();
    await expect(page.getByLabel('Antal elever')).toHaveValue('160');
  });

  test('an administrator adds a requester account for a school unit', async ({ page }) => {
    const username = `e2e-${Date.now()}`;
    await signIn(page, 'admin');
    await page.goto('/administration/konton/ny');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nytt konto');

    await page.getByLabel('Användarnamn').fill(username);
    await page.getByLabel('Namn', { exact: true }).fill('Elsa Testlärare');
    await page.getByLabel('E-post').fill(`${username}@example.se`);
    await page.getByLabel('Beställare (lärare, lärspridare)').check();
    const units = page.getByRole('group', { name: 'Skolenheter' });
    await expect(units).toBeVisible();
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByRole('alert')).toContainText('Välj minst en skolenhet');
    await expectNoSeriousA11yViolations(page);

    await units.getByLabel('Mellringeskolan 7-9').check();
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page).toHaveURL(/\/administration\/konton$/);
    await page.getByLabel('Sök användarnamn, namn eller e-post').fill(username);
    await expect(page.locator('[role="gridcell"][col-id="username"]')).toHaveText([username]);
  });

  test('the account list is a grid of accounts', async ({ page, visit }) => {
    await signIn(page, 'admin');
    await visit('/administration/konton');
    await page.getByLabel('Sök användarnamn, namn eller e-post').fill('skola');
    const cells = page.locator('[role="gridcell"][col-id="username"]');
    await expect(cells.filter({ hasText: /^\s*skola\s*$/ })).toHaveCount(1);
    await expectNoSeriousA11yViolations(page);

    // Enter on any cell of a row opens the row, for keyboard users.
    await page
      .locator('[role="row"]', { has: page.getByRole('link', { name: 'skola', exact: true }) })
      .locator('[role="gridcell"][col-id="email"]')
      .click();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ändra konto skola');
    await expect(page.getByLabel('Kontot är aktivt')).toBeChecked();
    await expect(page.getByLabel('Mellringeskolan 7-9')).toBeChecked();
  });
});

test.describe('access by role', () => {
  test('a requester has no Administration in the menu and cannot open it', async ({
    page,
    visit,
  }) => {
    await signIn(page, 'skola');
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    await expect(menu.getByRole('link', { name: 'Katalog' })).toBeVisible();
    await expect(menu.getByRole('link', { name: 'Administration' })).toHaveCount(0);

    await visit('/administration');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du saknar behörighet');
    await expect(page).toHaveURL(/\/administration$/);
    await expect(page.getByRole('navigation', { name: 'Administration' })).toHaveCount(0);

    await visit('/administration/skolenheter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du saknar behörighet');
  });
});
