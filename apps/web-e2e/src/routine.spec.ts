import type { Page } from '@playwright/test';

import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

/** Text a hostile or careless writer might put in a request: it must come back as text. */
const SCRIPT =
  '<script>window.__injected = true</script><img src=x onerror="window.__injected = true">';

/** A name no earlier run of the suite used, so a reused database never confuses the test. */
const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

async function signOutAndIn(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, username);
}

/** `skola` writes a request for a tool that is not in the catalogue; returns its page's URL. */
async function requestNewTool(
  page: Page,
  tool: { name: string; supplier: string; search: string; need?: string },
): Promise<string> {
  await page.goto('/begaranden/ny');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny begäran');
  await page.getByLabel('Sök verktyget i katalogen').fill(tool.search);
  const notListed = page.getByLabel('Verktyget finns inte i katalogen');
  await expect(notListed).toBeVisible();
  await notListed.check();
  await page.getByLabel('Verktygets namn').fill(tool.name);
  await page.getByLabel('Leverantör').fill(tool.supplier);
  await page.getByLabel('Webbadress').fill('https://verktyg.example');
  await page
    .getByLabel('Behov', { exact: true })
    .fill(tool.need ?? 'Eleverna behöver färdighetsträning i matematik med nivåer som följer dem.');
  await page.getByLabel('Målgrupp').fill('Årskurs 7–9');
  await page.getByLabel('Grundskola', { exact: true }).check();
  await page.getByLabel('Antal elever').fill('90');
  await page.getByLabel('Antal personal').fill('4');
  await page.getByLabel('Elevers vanliga personuppgifter').check();
  await page.getByLabel('Beskriv personuppgifterna').fill('Elevens namn och resultat.');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    new RegExp(`^Begäran \\d+: ${tool.name}$`),
  );
  return page.url();
}

/** Opens a request's page and makes one of the school's moves. */
async function schoolMove(page: Page, url: string, label: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: label, exact: true }).click();
}

/** Opens the request in the decision queue's side panel. */
async function openInQueue(page: Page, requestUrl: string) {
  const id = requestUrl.split('/').pop() as string;
  await page.goto(`/beslut?begaran=${id}`);
  const panel = page.getByRole('complementary');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(/^Begäran \d+: /);
  return panel;
}

test.describe('the request and decision routine', () => {
  test('skola asks for a new maths tool, rektor endorses, the specialists review and approve, skola reads the decision', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const toolName = unique('Mattemästaren');

    await signIn(page, 'skola');
    const url = await requestNewTool(page, {
      name: toolName,
      supplier: 'Mattemästaren AB',
      search: toolName,
    });
    await expect(page.getByRole('button', { name: 'Skicka in', exact: true })).toHaveCount(0);

    await signOutAndIn(page, 'rektor');
    await schoolMove(page, url, 'Tillstyrk');
    await expect(page.getByText('Rolf Rektorsson').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await signOutAndIn(page, 'skola');
    await schoolMove(page, url, 'Skicka in');
    await expect(page.getByText('Inskickad').first()).toBeVisible();

    await signOutAndIn(page, 'specialist');
    let panel = await openInQueue(page, url);
    await expectNoSeriousA11yViolations(page);
    await panel.getByRole('button', { name: 'Börja bedöma' }).click();
    await panel.getByRole('button', { name: 'Börja granska' }).click();
    await panel.getByLabel('Lägg in som ny tjänst under granskning').check();
    await panel.getByRole('radio', { name: /Ny leverantör/ }).check();
    await panel.getByLabel('Organisationsnummer').fill('556812-3342');
    await panel.getByLabel('Kategori').selectOption({ label: 'Färdighetsträning' });
    await panel.getByRole('button', { name: 'Börja granska' }).click();
    await expect(panel.getByText('Granskas').first()).toBeVisible();
    await expect(panel.getByRole('table', { name: 'Granskningar av tjänsten' })).toBeVisible();

    // The three reviewers, each their own kind.
    await signOutAndIn(page, 'dataskydd');
    panel = await openInQueue(page, url);
    await panel.getByRole('link', { name: 'Registrera dataskyddsgranskning (GDPR)' }).click();
    await page.getByLabel('Tjänsten behandlar personuppgifter').check();
    await page
      .getByLabel('Ändamål')
      .fill('Färdighetsträning i matematik; läraren följer resultaten.');
    await page.getByLabel('Rättslig grund').selectOption({ label: 'Uppgift av allmänt intresse' });
    await page
      .getByRole('group', { name: 'Kategorier av personuppgifter' })
      .getByLabel('Namn och identitet')
      .check();
    await page.getByRole('group', { name: 'Registrerade' }).getByLabel('Elever').check();
    await page.getByLabel('Personuppgiftsbiträdesavtal undertecknat').check();
    await page.getByLabel('Lagringsplats').selectOption({ label: 'Inom EU/EES' });
    await page.getByLabel('Lagringstid').fill('Gallras när eleven slutar.');
    await page
      .getByRole('group', { name: 'Utfall' })
      .getByLabel('Godkänd', { exact: true })
      .check();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Spara granskningen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'är sparad' })).toBeVisible();

    await signOutAndIn(page, 'infosak');
    panel = await openInQueue(page, url);
    await panel.getByRole('link', { name: 'Registrera informationssäkerhetsgranskning' }).click();
    await page.getByLabel('Konfidentialitet').selectOption({ index: 2 });
    await page.getByLabel('Riktighet').selectOption({ index: 1 });
    await page.getByLabel('Tillgänglighet').selectOption({ index: 1 });
    await page
      .getByLabel('Inloggningsmetod')
      .selectOption({ label: 'Federation (Skolfederation)' });
    await page
      .getByRole('group', { name: 'Utfall' })
      .getByLabel('Godkänd', { exact: true })
      .check();
    await page.getByRole('button', { name: 'Spara granskningen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'är sparad' })).toBeVisible();

    await signOutAndIn(page, 'upphandlare');
    panel = await openInQueue(page, url);
    await panel.getByRole('link', { name: 'Registrera avtals- och kostnadsgranskning' }).click();
    await page.getByLabel('Upphandlingsform').selectOption({ label: 'Direktupphandling' });
    await page.getByLabel('Årskostnad (kr)').fill('38000');
    await page.getByLabel('Kostnaden ryms i budget').check();
    await page
      .getByRole('group', { name: 'Utfall' })
      .getByLabel('Godkänd', { exact: true })
      .check();
    await page.getByRole('button', { name: 'Spara granskningen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'är sparad' })).toBeVisible();

    await signOutAndIn(page, 'specialist');
    panel = await openInQueue(page, url);
    await panel.getByRole('button', { name: 'Besluta' }).click();
    await panel
      .getByRole('group', { name: 'Beslut' })
      .getByLabel('Godkänd', { exact: true })
      .check();
    await panel.getByLabel('Motivering till skolan').fill('Verktyget är granskat och godkänt.');
    await expectNoSeriousA11yViolations(page);
    await panel.getByRole('button', { name: 'Besluta' }).click();
    await panel.getByRole('button', { name: 'Bekräfta beslut' }).click();
    await expect(panel.getByText('Beslutad').first()).toBeVisible();

    await signOutAndIn(page, 'skola');
    await page.goto(url);
    await expect(page.getByRole('region', { name: 'Beslut: Godkänd' })).toContainText(
      'Verktyget är granskat och godkänt.',
    );
    await expectNoSeriousA11yViolations(page);
    await page.goto('/notiser');
    await expect(page.getByRole('link', { name: new RegExp(`Godkänd`) }).first()).toBeVisible();

    // The approved tool is now on the public list, for anyone.
    await page.context().clearCookies();
    await page.goto('/tjanster');
    await expect(page.getByRole('row', { name: new RegExp(`^${toolName} `) })).toContainText(
      'Godkänd',
    );
    await expectNoSeriousA11yViolations(page);
  });

  test('a request for Polylino ends as already covered by the municipality licence', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await signIn(page, 'skola');
    const url = await requestNewTool(page, {
      name: unique('Polylino'),
      supplier: 'Natur & Kultur',
      search: 'bilderböcker på arabiska',
    });

    await signOutAndIn(page, 'rektor');
    await schoolMove(page, url, 'Skicka in');

    await signOutAndIn(page, 'specialist');
    const panel = await openInQueue(page, url);
    await panel.getByRole('button', { name: 'Börja bedöma' }).click();
    await panel.getByRole('button', { name: 'Finns redan för enheten' }).click();
    await panel
      .getByLabel('Licens som redan täcker skolenheten')
      .selectOption({ label: await polylinoOption(panel) });
    await panel
      .getByLabel('Meddelande till skolan (valfritt)')
      .fill('Polylino ingår i kommunens avtal för grundskolan.');
    await panel.getByRole('button', { name: 'Finns redan för enheten' }).click();
    await expect(panel.getByText('Finns redan').first()).toBeVisible();

    await signOutAndIn(page, 'skola');
    await page.goto(url);
    const covered = page.getByRole('region', { name: 'Verktyget finns redan för skolenheten' });
    await expect(covered).toContainText('Polylino ingår i kommunens avtal för grundskolan.');
    await expectNoSeriousA11yViolations(page);
  });

  test('a rejection names its reasons, and skola reads them', async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, 'rektor');
    const url = await requestNewTool(page, {
      name: unique('Gratisspelet'),
      supplier: 'Spel AB',
      search: unique('Gratisspelet'),
    });
    await schoolMove(page, url, 'Skicka in');

    await signOutAndIn(page, 'specialist');
    const panel = await openInQueue(page, url);
    await panel.getByRole('button', { name: 'Börja bedöma' }).click();
    await panel.getByRole('button', { name: 'Börja granska' }).click();
    await panel.getByLabel('Lägg in som ny tjänst under granskning').check();
    await panel.getByRole('radio', { name: /Ny leverantör/ }).check();
    await panel.getByLabel('Organisationsnummer').fill('559077-1233');
    await panel.getByLabel('Kategori').selectOption({ label: 'Färdighetsträning' });
    await panel.getByRole('button', { name: 'Börja granska' }).click();
    await panel.getByRole('button', { name: 'Besluta' }).click();
    const decision = panel.getByRole('group', { name: 'Beslut' });
    await decision.getByLabel('Avslagen').check();
    const reasons = panel.getByRole('group', { name: 'Skäl' });
    await reasons.getByLabel('Informationssäkerhet').check();
    await reasons.getByLabel('Behov').check();
    await panel
      .getByLabel('Motivering till skolan')
      .fill('Spelet visar reklam för elever, och behovet täcks av NE.');
    await panel.getByRole('button', { name: 'Besluta' }).click();
    await panel.getByRole('button', { name: 'Bekräfta beslut' }).click();
    await expect(panel.getByText('Beslutad').first()).toBeVisible();

    await signOutAndIn(page, 'skola');
    await page.goto(url);
    const decided = page.getByRole('region', { name: 'Beslut: Avslagen' });
    await expect(decided).toContainText('Informationssäkerhet');
    await expect(decided).toContainText('Behov');
    await expect(decided).toContainText('Spelet visar reklam för elever, och behovet täcks av NE.');
    await expectNoSeriousA11yViolations(page);
  });
});

test('a script written into a request is shown as text to the school and to the specialist', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await signIn(page, 'skola');
  const url = await requestNewTool(page, {
    name: unique('Skriptverktyget'),
    supplier: 'Test AB',
    search: unique('Skriptverktyget'),
    need: `Behov ${SCRIPT}`,
  });
  await expect(page.getByText(SCRIPT).first()).toBeVisible();
  expect(
    await page.evaluate(() => (window as { __injected?: boolean }).__injected),
  ).toBeUndefined();

  await signOutAndIn(page, 'rektor');
  await schoolMove(page, url, 'Skicka in');
  await signOutAndIn(page, 'specialist');
  const panel = await openInQueue(page, url);
  await expect(panel.getByText(SCRIPT).first()).toBeVisible();
  expect(
    await page.evaluate(() => (window as { __injected?: boolean }).__injected),
  ).toBeUndefined();
});

/** The label of the licence picker's Polylino option. */
async function polylinoOption(panel: ReturnType<Page['getByRole']>): Promise<string> {
  const options = await panel
    .getByLabel('Licens som redan täcker skolenheten')
    .locator('option')
    .allTextContents();
  const polylino = options.find((option) => option.includes('Polylino'));
  if (!polylino) throw new Error(`No Polylino licence offered: ${options.join(' | ')}`);
  return polylino.trim();
}
