import type { Page } from '@playwright/test';

import { apiAs, move } from './api-as';
import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

/** A name no earlier run used, so a reused database never confuses the test. */
const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

/** `skola` writes a draft for a new tool; returns its id and number. */
async function draftAsSkola(baseURL: string, toolName: string) {
  const skola = await apiAs(baseURL, 'skola');
  const me = await skola.get('/api/auth/me');
  const [unit] = me['schoolUnits'] as { id: string }[];
  const created = await skola.post('/api/requests', {
    unitId: unit.id,
    serviceId: null,
    newTool: { name: toolName, supplierName: 'Provverktyg AB', webAddress: 'https://prov.example' },
    need: 'Eleverna behöver träna läsförståelse med texter på rätt nivå.',
    subjects: ['Svenska'],
    targetGroup: 'Årskurs 7–9',
    schoolForms: ['GR'],
    pupilCount: 60,
    staffCount: 3,
    personalData: 'PUPILS_ORDINARY',
    personalDataDescription: 'Elevens namn och resultat.',
    wantedFrom: null,
  });
  return { skola, id: created['id'] as string, number: created['number'] as number };
}

async function signOutAndIn(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, username);
}

/** From the navigation to the notifications, then along the newest one about this request. */
async function followNotification(page: Page, subject: RegExp): Promise<void> {
  await page.getByRole('link', { name: /^Notiser/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notiser');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('link', { name: subject }).first().click();
}

test.describe('decline and decisions', () => {
  test('rektor declines with a reason; skola reads it, revises, and the request goes on', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const toolName = unique('Läsresan');
    const { skola, number } = await draftAsSkola(baseURL as string, toolName);
    await skola.dispose();

    await signIn(page, 'rektor');
    await followNotification(page, new RegExp(`Begäran ${number} väntar på din tillstyrkan`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Begäran ${number}: ${toolName}`,
    );
    await expect(page.getByRole('button', { name: 'Tillstyrk', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Avstyrk', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Avstyrk begäran' })).toBeFocused();
    await page.getByRole('button', { name: 'Avstyrk begäran' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Begäran kunde inte avstyrkas' });
    await expect(summary).toBeFocused();
    await expectNoSeriousA11yViolations(page);
    await summary.getByRole('link', { name: 'Skriv varför du avstyrker begäran.' }).click();
    await expect(page.getByLabel('Varför avstyrker du?')).toBeFocused();
    await page
      .getByLabel('Varför avstyrker du?')
      .fill('Skolan har redan Läslyftet för samma elever.');
    await page.getByRole('button', { name: 'Avstyrk begäran' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Du har avstyrkt begäran' }),
    ).toBeFocused();
    await expect(
      page.getByRole('region', { name: 'Var begäran är' }).getByText('Skolan har redan Läslyftet'),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await signOutAndIn(page, 'skola');
    await followNotification(page, new RegExp(`Begäran ${number}: .* avstyrktes av rektor`));
    await expect(page.getByRole('heading', { name: /^Avstyrkt av Rolf Rektorsson/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Var begäran är' })).toContainText(
      'Skolan har redan Läslyftet för samma elever.',
    );
    await expect(
      page.getByText('Rektor har avstyrkt begäran. Ändra den utifrån skälet'),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Ändra begäran' }).click();
    await page.getByLabel('Antal elever').fill('25');
    await page.getByRole('button', { name: /^Spara/ }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Ändringarna är sparade' }),
    ).toBeVisible();

    await signOutAndIn(page, 'rektor');
    await followNotification(page, new RegExp(`Begäran ${number} har ändrats efter avstyrkan`));
    await page.getByRole('button', { name: 'Tillstyrk', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Du har tillstyrkt' })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Var begäran är' }).getByText('Skolan har redan Läslyftet'),
    ).toHaveCount(0);

    await signOutAndIn(page, 'skola');
    await followNotification(page, new RegExp(`Begäran ${number}: .* är tillstyrkt`));
    await page.getByRole('button', { name: 'Skicka in', exact: true }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Begäran är inskickad' }),
    ).toBeVisible();
    const history = page.getByRole('region', { name: 'Historik' });
    await expect(history).toContainText('Rektor avstyrkte');
    await expect(history).toContainText('Skolan har redan Läslyftet för samma elever.');
    await expectNoSeriousA11yViolations(page);
  });

  test('the specialist decides after a confirmation; objektledaren corrects the decision; skola is told again', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    const toolName = unique('Ordjakten');
    const { skola, id, number } = await draftAsSkola(baseURL as string, toolName);
    const rektor = await apiAs(baseURL as string, 'rektor');
    await move(rektor, id, { move: 'ENDORSE' });
    await move(skola, id, { move: 'SUBMIT' });
    const specialistApi = await apiAs(baseURL as string, 'specialist');
    await move(specialistApi, id, { move: 'START_TRIAGE' });
    await move(specialistApi, id, {
      move: 'START_REVIEW',
      supplierOrganisationNumber: '556812-3342',
      category: 'SKILLS_TRAINING',
    });
    await Promise.all([skola.dispose(), rektor.dispose(), specialistApi.dispose()]);

    await signIn(page, 'specialist');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Beslutsrutin' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beslutskö');
    await page.getByRole('link', { name: `Öppna begäran ${number}`, exact: true }).click();
    const panel = page.getByRole('complementary');
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(
      `Begäran ${number}: ${toolName}`,
    );
    // The moves come first; the reviews table fits the panel at 1280 px.
    const movesTop = await panel.getByRole('heading', { name: 'Åtgärder' }).boundingBox();
    const reviewsTop = await panel
      .getByRole('heading', { name: 'Tjänst och granskningar' })
      .boundingBox();
    expect(movesTop?.y ?? Infinity).toBeLessThan(reviewsTop?.y ?? 0);
    const scroller = panel.getByRole('region', { name: /Granskningar av tjänsten/ });
    const clipped = await scroller.evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(clipped).toBe(false);
    await expect(panel.getByText('Rapportera ändring av tjänsten')).toBeVisible();
    await expect(panel.getByLabel('Beskrivning')).toBeHidden();
    await expectNoSeriousA11yViolations(page);

    await panel.getByRole('button', { name: 'Besluta' }).click();
    await panel.getByRole('group', { name: 'Beslut' }).getByLabel('Avslagen').check();
    await panel.getByRole('group', { name: 'Skäl' }).getByLabel('Behov').check();
    await panel.getByLabel('Motivering till skolan').fill('Läslyftet täcker redan behovet.');
    await panel.getByRole('button', { name: 'Besluta' }).click();

    const confirm = panel.getByRole('region', { name: 'Bekräfta beslutet' });
    await expect(confirm.getByRole('heading', { name: 'Bekräfta beslutet' })).toBeFocused();
    await expect(confirm).toContainText('Avslagen');
    await expect(confirm).toContainText('Läslyftet täcker redan behovet.');
    await expect(confirm.getByRole('list', { name: 'Får besked' })).toContainText(
      'Rektor för Mellringeskolan 7-9',
    );
    await expectNoSeriousA11yViolations(page);
    // Back to the form and forward again, by keyboard.
    await page.keyboard.press('Escape');
    await expect(panel.getByRole('button', { name: 'Besluta' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm.getByRole('heading', { name: 'Bekräfta beslutet' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Bekräfta beslut' }).focus();
    await page.keyboard.press('Enter');
    await expect(panel.getByRole('status').filter({ hasText: 'Beslutad' })).toBeFocused();

    await signOutAndIn(page, 'objektledare');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Beslutsrutin' })
      .click();
    await page.getByRole('group', { name: 'Status' }).getByLabel('Beslutad').check();
    await page.getByLabel('Tjänst').selectOption({ label: toolName });
    await page.getByRole('link', { name: `Öppna begäran ${number}`, exact: true }).click();
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(
      `Begäran ${number}: ${toolName}`,
    );
    await expectNoSeriousA11yViolations(page);
    await panel.getByRole('button', { name: 'Rätta beslutet' }).click();
    await expect(panel.getByRole('group', { name: 'Beslut' }).getByLabel('Avslagen')).toBeChecked();
    await panel.getByRole('group', { name: 'Skäl' }).getByLabel('Ekonomi').check();
    await panel
      .getByLabel('Varför ändras beslutet?')
      .fill('Kostnaden var också ett skäl och kom inte med.');
    await panel.getByRole('button', { name: 'Rätta beslutet' }).click();
    const correction = panel.getByRole('region', { name: 'Bekräfta det rättade beslutet' });
    await expect(correction).toContainText('Kostnaden var också ett skäl och kom inte med.');
    await expect(correction).toContainText('Ekonomi, Behov');
    await expectNoSeriousA11yViolations(page);
    await correction.getByRole('button', { name: 'Bekräfta rättelsen' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Beslutet är rättat' })).toBeVisible();
    const history = panel.getByRole('region', { name: 'Historik' });
    await expect(history).toContainText('Beslut fattades');
    await expect(history).toContainText('Beslutet rättades');

    await signOutAndIn(page, 'skola');
    await followNotification(page, new RegExp(`Beslutet om begäran ${number} har rättats`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Begäran ${number}: ${toolName}`,
    );
    const decided = page.getByRole('region', { name: 'Beslut: Avslagen' });
    await expect(decided).toContainText('Ekonomi');
    await expect(page.getByRole('region', { name: 'Historik' })).toContainText('Beslutet rättades');
    await expectNoSeriousA11yViolations(page);
  });
});
