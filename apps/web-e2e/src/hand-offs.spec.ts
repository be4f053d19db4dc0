import type { Page } from '@playwright/test';

import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

/** A name no earlier run of the suite used, so a reused database never confuses the test. */
const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

/**
 * Signs in (the only typed address) and lands on "Att göra", checked for accessibility. From
 * here on every page is reached by a link.
 */
async function signInAs(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, username);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Att göra');
  await expect(page.getByRole('main').getByRole('status')).toContainText('väntar på dig');
  await expectNoSeriousA11yViolations(page);
}

/** Follows the row of "Att göra" that names the action and what it concerns. */
async function fromTodo(page: Page, action: string, concerning: string): Promise<void> {
  const link = page
    .getByRole('main')
    .getByRole('link', { name: new RegExp(`^${action}: .*${concerning}`) });
  await expect(link).toHaveCount(1);
  await link.click();
}

/** The decision panel the row led to, once it has the request. */
async function panelOf(page: Page, number: string) {
  const panel = page.getByRole('complementary');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(
    new RegExp(`^Begäran ${number}: `),
  );
  await expectNoSeriousA11yViolations(page);
  return panel;
}

async function saveReview(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Utfall' }).getByLabel('Godkänd', { exact: true }).check();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Spara granskningen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'är sparad' })).toBeVisible();
}

test.describe('every hand-off reaches the next person', () => {
  test('skola → rektor → specialist → the three reviewers → specialist → skola, each from “Att göra” or a notification', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const toolName = unique('Ordlabbet');

    // skola writes the request, finding the form by the menu.
    await signInAs(page, 'skola');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Begäranden' })
      .click();
    await page
      .getByRole('navigation', { name: 'Begäranden' })
      .getByRole('link', { name: 'Ny begäran' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny begäran');
    await page.getByLabel('Sök verktyget i katalogen').fill(toolName);
    const notListed = page.getByLabel('Verktyget finns inte i katalogen');
    await expect(notListed).toBeVisible();
    await notListed.check();
    await page.getByLabel('Verktygets namn').fill(toolName);
    await page.getByLabel('Leverantör').fill('Ordlabbet AB');
    await page.getByLabel('Webbadress').fill('https://ordlabbet.example');
    await page
      .getByLabel('Behov', { exact: true })
      .fill('Eleverna behöver öva ordförråd i svenska som andraspråk.');
    await page.getByLabel('Målgrupp').fill('Årskurs 7–9');
    await page.getByLabel('Grundskola', { exact: true }).check();
    await page.getByLabel('Antal elever').fill('60');
    await page.getByLabel('Antal personal').fill('3');
    await page.getByLabel('Elevers vanliga personuppgifter').check();
    await page.getByLabel('Beskriv personuppgifterna').fill('Elevens namn och resultat.');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(new RegExp(`^Begäran \\d+: ${toolName}$`));
    const number = /^Begäran (\d+):/.exec((await heading.textContent()) ?? '')?.[1] as string;
    await expectNoSeriousA11yViolations(page);

    // rektor is asked to endorse.
    await signInAs(page, 'rektor');
    await fromTodo(page, 'Tillstyrk eller avstyrk', `Begäran ${number}: ${toolName}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Begäran ${number}: ${toolName}`,
    );
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Tillstyrk', exact: true }).click();
    await expect(page.getByText('Rolf Rektorsson').first()).toBeVisible();

    // skola is told and sends it in.
    await signInAs(page, 'skola');
    await fromTodo(page, 'Skicka in', `Begäran ${number}: ${toolName}`);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Skicka in', exact: true }).click();
    await expect(page.getByText('Inskickad').first()).toBeVisible();

    // The specialist triages and starts the review.
    await signInAs(page, 'specialist');
    await fromTodo(page, 'Bedöm begäran', `Begäran ${number}: ${toolName}`);
    let panel = await panelOf(page, number);
    await panel.getByRole('button', { name: 'Börja bedöma' }).click();
    await panel.getByRole('button', { name: 'Börja granska' }).click();
    await panel.getByLabel('Lägg in som ny tjänst under granskning').check();
    await panel.getByRole('radio', { name: /Ny leverantör/ }).check();
    await panel.getByLabel('Organisationsnummer').fill('556677-8899');
    await panel.getByLabel('Kategori').selectOption({ label: 'Färdighetsträning' });
    await expectNoSeriousA11yViolations(page);
    await panel.getByRole('button', { name: 'Börja granska' }).click();
    await expect(panel.getByText('Granskas').first()).toBeVisible();

    // Each reviewer finds their own review wanted, and the form it links to.
    await signInAs(page, 'dataskydd');
    await fromTodo(page, 'Gör din granskning', toolName);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(toolName);
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Tjänsten behandlar personuppgifter').check();
    await page.getByLabel('Ändamål').fill('Eleverna övar ordförråd; läraren följer resultaten.');
    await page.getByLabel('Rättslig grund').selectOption({ label: 'Uppgift av allmänt intresse' });
    await page
      .getByRole('group', { name: 'Kategorier av personuppgifter' })
      .getByLabel('Namn och identitet')
      .check();
    await page.getByRole('group', { name: 'Registrerade' }).getByLabel('Elever').check();
    await page.getByLabel('Personuppgiftsbiträdesavtal undertecknat').check();
    await page.getByLabel('Lagringsplats').selectOption({ label: 'Inom EU/EES' });
    await page.getByLabel('Lagringstid').fill('Gallras när eleven slutar.');
    await saveReview(page);

    await signInAs(page, 'infosak');
    await fromTodo(page, 'Gör din granskning', toolName);
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Konfidentialitet').selectOption({ index: 2 });
    await page.getByLabel('Riktighet').selectOption({ index: 1 });
    await page.getByLabel('Tillgänglighet').selectOption({ index: 1 });
    await page
      .getByLabel('Inloggningsmetod')
      .selectOption({ label: 'Federation (Skolfederation)' });
    await saveReview(page);

    await signInAs(page, 'upphandlare');
    await fromTodo(page, 'Gör din granskning', toolName);
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Upphandlingsform').selectOption({ label: 'Direktupphandling' });
    await page.getByLabel('Årskostnad (kr)').fill('24000');
    await page.getByLabel('Kostnaden ryms i budget').check();
    await saveReview(page);

    // The specialist is told the reviews are in, and decides.
    await signInAs(page, 'specialist');
    await fromTodo(page, 'Besluta', `Begäran ${number}: ${toolName}`);
    panel = await panelOf(page, number);
    await panel.getByRole('button', { name: 'Besluta' }).click();
    await panel
      .getByRole('group', { name: 'Beslut' })
      .getByLabel('Godkänd', { exact: true })
      .check();
    await panel.getByLabel('Motivering till skolan').fill('Granskat och godkänt för enheten.');
    await expectNoSeriousA11yViolations(page);
    await panel.getByRole('button', { name: 'Besluta' }).click();
    await expectNoSeriousA11yViolations(page);
    await panel.getByRole('button', { name: 'Bekräfta beslut' }).click();
    await expect(panel.getByText('Beslutad').first()).toBeVisible();

    // skola reads the decision from the notification.
    await signInAs(page, 'skola');
    await page
      .getByRole('banner')
      .getByRole('link', { name: /^Notiser/ })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notiser');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('link', { name: `Beslut om begäran ${number}: Godkänd` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Begäran ${number}: ${toolName}`,
    );
    await expect(page.getByRole('region', { name: 'Beslut: Godkänd' })).toContainText(
      'Granskat och godkänt för enheten.',
    );
    await expectNoSeriousA11yViolations(page);
  });
});
