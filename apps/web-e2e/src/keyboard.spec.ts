import type { Locator, Page } from '@playwright/test';

import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

/**
 * Keyboard only (Tab, Shift+Tab, Enter, Space, arrows; no mouse): a requester files a request and
 * a specialist decides on it. The principal's endorsement in between is not what is tested here.
 */

const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/** Presses Tab (or Shift+Tab) until the control has focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < 120; presses += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** In a radio group that has focus, arrows to the wanted radio (Space checks it if need be). */
async function arrowTo(page: Page, radio: Locator) {
  for (let presses = 0; presses < 12; presses += 1) {
    if (await radio.isChecked()) return;
    await page.keyboard.press((await isFocused(radio)) ? 'Space' : 'ArrowDown');
  }
  throw new Error(`The arrows never reached ${radio.toString()}`);
}

async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

test.describe('keyboard only', () => {
  test('a requester files a request and a specialist decides on it, without a mouse', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const toolName = unique('Tangentverktyget');

    // The requester: from the start page, through the menu, to a new request.
    await signIn(page, 'skola');
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    await tabTo(page, menu.getByRole('link', { name: 'Begäranden' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.locator('main').getByRole('link', { name: 'Ny begäran' }).first());
    await page.keyboard.press('Enter');
    await expect(page.locator('main h1')).toHaveText('Ny begäran');
    await expectNoSeriousA11yViolations(page);

    await typeInto(page, page.getByLabel('Sök verktyget i katalogen'), toolName);
    const notListed = page.getByLabel('Verktyget finns inte i katalogen');
    await expect(notListed).toBeVisible();
    await page.keyboard.press('Tab');
    await arrowTo(page, notListed);
    await typeInto(page, page.getByLabel('Verktygets namn'), toolName);
    await typeInto(page, page.getByLabel('Leverantör'), 'Tangent AB');
    await typeInto(page, page.getByLabel('Webbadress'), 'https://tangent.example');
    await typeInto(
      page,
      page.getByLabel('Behov', { exact: true }),
      'Eleverna behöver ett verktyg som går att använda helt med tangentbordet.',
    );
    await typeInto(page, page.getByLabel('Målgrupp'), 'Årskurs 7–9');
    await tabTo(page, page.getByLabel('Grundskola', { exact: true }));
    await page.keyboard.press('Space');
    await expect(page.getByLabel('Grundskola', { exact: true })).toBeChecked();
    await typeInto(page, page.getByLabel('Antal elever'), '60');
    await typeInto(page, page.getByLabel('Antal personal'), '3');
    const personalData = page.getByLabel('Elevers vanliga personuppgifter');
    await page.keyboard.press('Tab');
    await arrowTo(page, personalData);
    await typeInto(page, page.getByLabel('Beskriv personuppgifterna'), 'Elevens namn.');
    // Back up with Shift+Tab to check a field on the way, then on to save.
    await tabTo(page, page.getByLabel('Målgrupp'), 'Shift+Tab');
    await expect(page.getByLabel('Målgrupp')).toHaveValue('Årskurs 7–9');
    await tabTo(page, page.getByRole('button', { name: 'Spara utkast' }));
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press('Enter');
    await expect(page.locator('main h1')).toHaveText(new RegExp(`^Begäran (\\d+): ${toolName}$`));
    const url = page.url();
    const number = /Begäran (\d+):/.exec((await page.locator('main h1').textContent()) ?? '')?.[1];

    // The principal endorses (not the keyboard part of this test).
    await page.context().clearCookies();
    await signIn(page, 'rektor');
    await page.goto(url);
    await page.getByRole('button', { name: 'Tillstyrk', exact: true }).click();
    await expect(page.getByText('Rolf Rektorsson').first()).toBeVisible();

    // The requester sends it in, by keyboard.
    await page.context().clearCookies();
    await signIn(page, 'skola');
    await page.goto(url);
    await tabTo(page, page.getByRole('button', { name: 'Skicka in', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.getByText('Inskickad').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // The specialist: the queue from the menu, newest first by the number column, Enter on the row.
    await page.context().clearCookies();
    await signIn(page, 'specialist');
    await tabTo(
      page,
      page
        .getByRole('navigation', { name: 'Huvudmeny' })
        .getByRole('link', { name: 'Beslutsrutin' }),
    );
    await page.keyboard.press('Enter');
    await expect(page.locator('main h1')).toHaveText('Beslutskö');
    const numberHeader = page.locator('.ag-header-cell[col-id="number"]');
    await tabTo(page, numberHeader);
    await page.keyboard.press('Enter');
    await expect(numberHeader).toHaveAttribute('aria-sort', 'ascending');
    await page.keyboard.press('Enter');
    await expect(numberHeader).toHaveAttribute('aria-sort', 'descending');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('.ag-row[row-index="0"] [col-id="number"]')).toBeFocused();
    await expect(page.locator('.ag-row[row-index="0"] [col-id="number"]')).toHaveText(number ?? '');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary');
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(
      new RegExp(`^Begäran ${number}: `),
    );
    await expectNoSeriousA11yViolations(page);

    await tabTo(page, panel.getByRole('button', { name: 'Börja bedöma' }));
    await page.keyboard.press('Enter');
    await tabTo(page, panel.getByRole('button', { name: 'Börja granska' }));
    await page.keyboard.press('Enter');
    const asNew = panel.getByLabel('Lägg in som ny tjänst under granskning');
    await tabTo(page, panel.getByRole('radio').first());
    await arrowTo(page, asNew);
    const newSupplier = panel.getByRole('radio', { name: /Ny leverantör/ });
    await tabTo(page, panel.getByRole('radio', { name: /leverantör/i }).first());
    await arrowTo(page, newSupplier);
    await typeInto(page, panel.getByLabel('Organisationsnummer'), '556812-3342');
    await tabTo(page, panel.getByLabel('Kategori'));
    await page.keyboard.press('ArrowDown');
    await expect(panel.getByLabel('Kategori')).not.toHaveValue('');
    await tabTo(page, panel.getByRole('button', { name: 'Börja granska' }));
    await page.keyboard.press('Enter');
    await expect(panel.getByText('Granskas').first()).toBeVisible();

    // The decision: a rejection on the ground of need, with its explanation.
    await tabTo(page, panel.getByRole('button', { name: 'Besluta' }));
    await page.keyboard.press('Enter');
    const outcome = panel.getByRole('group', { name: 'Beslut' });
    await tabTo(page, outcome.getByRole('radio').first());
    await arrowTo(page, outcome.getByLabel('Avslagen', { exact: true }));
    const need = panel.getByRole('group', { name: 'Skäl' }).getByLabel('Behov', { exact: true });
    await tabTo(page, need);
    await page.keyboard.press('Space');
    await expect(need).toBeChecked();
    await typeInto(
      page,
      panel.getByLabel('Motivering till skolan'),
      'Behovet täcks redan av ett verktyg som enheten har.',
    );
    await expectNoSeriousA11yViolations(page);
    await tabTo(page, panel.getByRole('button', { name: 'Besluta' }).last());
    await page.keyboard.press('Enter');
    // The panel asks to confirm the decision; confirmed by keyboard too.
    const confirm = panel.getByRole('button', { name: 'Bekräfta beslut' });
    await expect(confirm).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await tabTo(page, confirm);
    await page.keyboard.press('Enter');
    await expect(panel.getByText('Avslagen').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
