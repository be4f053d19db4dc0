import type { Page } from '@playwright/test';

import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

/** A name no earlier run of the suite used, so a reused database never confuses the test. */
const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

/** A valid organisation number no earlier run used: nine digits and the Luhn check digit. */
function uniqueOrganisationNumber(): string {
  const digits = `55${String(Date.now()).slice(-7)}`;
  const sum = [...digits].reduce((total, digit, index) => {
    const doubled = Number(digit) * (index % 2 === 0 ? 2 : 1);
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return `${digits.slice(0, 6)}-${digits.slice(6)}${(10 - (sum % 10)) % 10}`;
}

/** An ISO date this many months from today (the day clamped to 28, so every month has it). */
function monthsFromToday(months: number): string {
  const today = new Date();
  const date = new Date(Date.UTC(today.getFullYear(), today.getMonth() + months, 1));
  return `${date.toISOString().slice(0, 8)}${String(Math.min(today.getDate(), 28)).padStart(2, '0')}`;
}

async function signInAs(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, username);
  await expectNoSeriousA11yViolations(page);
}

/** From the main menu to a page of the agreement area's own menu. */
async function openAgreementArea(page: Page, subPage?: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Avtal' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Avtal');
  if (subPage) {
    await page
      .getByRole('navigation', { name: 'Avtal' })
      .getByRole('link', { name: subPage })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(subPage);
  }
  await expectNoSeriousA11yViolations(page);
}

/** Creates a supplier as the signed-in person, from the suppliers list; returns its name. */
async function createSupplier(page: Page): Promise<string> {
  const name = unique('Läromedelsbolaget E2E');
  await openAgreementArea(page, 'Leverantörer');
  await page.getByRole('link', { name: 'Ny leverantör' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny leverantör');
  await expectNoSeriousA11yViolations(page);

  // A wrong check digit is named at the field before anything is sent.
  await page.getByLabel('Namn').fill(name);
  await page.getByLabel('Organisationsnummer').fill('556036-0794');
  await page.getByRole('button', { name: 'Spara' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Uppgifterna kunde inte sparas' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(/fel kontrollsiffra/);
  await expectNoSeriousA11yViolations(page);
  await summary.getByRole('link').click();
  await expect(page.getByLabel('Organisationsnummer')).toBeFocused();

  await page.getByLabel('Organisationsnummer').fill(uniqueOrganisationNumber());
  await page.getByLabel('Kontaktperson (valfri)').fill('Sara Säljare');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leverantörer');
  await page.getByLabel('Sök namn eller organisationsnummer').fill(name);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Sara Säljare');
  await expectNoSeriousA11yViolations(page);
  return name;
}

test.describe('procurement forms', () => {
  test('procurement creates a supplier, an agreement with extension options and a licence for two units; a school of one sees it has the service', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signInAs(page, 'upphandlare');
    const supplier = await createSupplier(page);

    // The service is the object specialist's to write, in the same area.
    await signInAs(page, 'specialist');
    const service = unique('Matteappen E2E');
    await openAgreementArea(page, 'Tjänster');
    await page.getByRole('link', { name: 'Ny tjänst' }).click();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Namn').fill(service);
    await page.getByLabel('Leverantör').selectOption({ label: supplier });
    await page
      .getByRole('group', { name: 'Skolformer' })
      .getByLabel('Grundskola', { exact: true })
      .check();
    await page.getByLabel('Kategori').selectOption({ label: 'Färdighetsträning' });
    await page.getByLabel('Inloggning').selectOption({ label: 'Kommunens inloggning' });
    await page
      .getByLabel('Personuppgifter som tjänsten behandlar')
      .selectOption({ label: 'Elevers vanliga personuppgifter' });
    await page.getByLabel('Var uppgifterna lagras').selectOption({ label: 'Sverige' });
    await page.getByLabel('Status i katalogen').selectOption({ label: 'Godkänd' });
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tjänster');
    await page.getByRole('searchbox', { name: 'Sök tjänst' }).fill(service);
    await expect(page.getByRole('row', { name: new RegExp(service) })).toContainText('Godkänd');

    // Procurement: a new agreement from the list.
    await signInAs(page, 'upphandlare');
    await openAgreementArea(page);
    await page.getByRole('link', { name: 'Nytt avtal' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nytt avtal');
    await expectNoSeriousA11yViolations(page);

    // Saving empty names what is missing, each linked to its field.
    await page.getByRole('button', { name: 'Spara avtalet' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Uppgifterna kunde inte sparas' });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: 'Välj leverantör.' })).toBeVisible();
    await expect(summary.getByRole('link', { name: /Ange startdatum/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    const agreementNumber = unique('E2E-AVTAL');
    const startsOn = monthsFromToday(-6);
    const endsOn = monthsFromToday(24);
    await page.getByLabel('Leverantör').selectOption({ label: supplier });
    await page.getByLabel('Avtalsnummer').fill(agreementNumber);
    await page.getByLabel('Diarienummer').fill('Bou 2026/0417');
    await page.getByLabel('Upphandlingsform').selectOption({ label: 'Direktupphandling' });
    await page.getByLabel('Undertecknat (valfritt)').fill(startsOn);
    await page.getByLabel('Startdatum').fill(startsOn.replaceAll('-', ''));
    await page.getByLabel('Slutdatum').fill(endsOn);
    await page.getByLabel('Antal förlängningsoptioner').fill('2');
    await page.getByLabel('Månader per förlängning').fill('12');
    await page.getByLabel(/Sista dag för beslut om nästa förlängning/).fill(monthsFromToday(18));
    await page.getByLabel('Uppsägningstid (månader)').fill('6');
    await page.getByLabel('Årskostnad (kronor)').fill('48 500,50');
    await page.getByLabel('Kostnadsmodell').selectOption({ label: 'Per elev' });
    await page
      .getByRole('group', { name: 'Skolformer som avtalet gäller' })
      .getByLabel('Grundskola', { exact: true })
      .check();
    await page.getByLabel('Personuppgiftsbiträdesavtal är undertecknat').check();
    await page.getByLabel('Underbiträden (valfritt)').fill('Molnleverantören AB');
    await page.getByRole('button', { name: 'Spara avtalet' }).click();

    // The agreement's page, as saved.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Avtal ${agreementNumber} – ${supplier}`,
    );
    await expect(page.getByText(`Startdatum${startsOn}`)).toBeVisible();
    await expect(page.getByText('2 × 12 månader')).toBeVisible();
    await expect(page.getByText('0 av 2 (2 kvar)')).toBeVisible();
    await expect(page.getByText('48 500,50 kr', { exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // A licence for two units, picked with the keyboard-usable unit list.
    await page.getByRole('link', { name: 'Lägg till licens' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Ny licens under avtal ${agreementNumber}`,
    );
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Tjänst').selectOption({ label: service });
    await page
      .getByRole('group', { name: 'Omfattning' })
      .getByLabel('Namngivna skolenheter')
      .check();
    const filter = page.getByLabel('Filtrera skolenheter på namn');
    await filter.fill('Mellringeskolan 7');
    await page.getByLabel('Mellringeskolan 7-9').check();
    await filter.fill('Hagaskolan');
    await page.getByLabel('Hagaskolan F-6').press('Space');
    await expect(page.getByText('2 skolenheter valda: ')).toContainText('Hagaskolan F-6');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Spara licensen' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Avtal ${agreementNumber} – ${supplier}`,
    );
    const licences = page.getByRole('table', { name: 'Licenser under avtalet' });
    await expect(licences.getByRole('row', { name: new RegExp(service) })).toContainText(
      'Namngivna skolenheter: Hagaskolan F-6, Mellringeskolan 7-9',
    );
    await expectNoSeriousA11yViolations(page);

    // The school of one of the units finds it has the service.
    await signInAs(page, 'skola');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Katalog' })
      .click();
    await page.getByLabel('Sök tjänst').fill(service);
    const entry = page.getByRole('article', { name: service });
    await expect(entry).toContainText('Din enhet har den här tjänsten');
    await expect(entry).toContainText(`Mellringeskolan 7-9, till och med ${endsOn}`);
    await expectNoSeriousA11yViolations(page);
  });

  test('a stale edit of an agreement shows what someone else changed, and the edit is redone on their version with its reason', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await signInAs(page, 'upphandlare');
    await openAgreementArea(page);
    await page.getByRole('link', { name: 'Nytt avtal' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nytt avtal');
    const agreementNumber = unique('E2E-KROCK');
    await page.getByLabel('Leverantör').selectOption({ label: 'Begreppa AB' });
    await page.getByLabel('Avtalsnummer').fill(agreementNumber);
    await page.getByLabel('Diarienummer').fill('Bou 2026/0001');
    await page.getByLabel('Upphandlingsform').selectOption({ label: 'Egen upphandling' });
    await page.getByLabel('Startdatum').fill(monthsFromToday(-1));
    await page.getByLabel('Slutdatum').fill(monthsFromToday(35));
    await page.getByLabel('Årskostnad (kronor)').fill('10000');
    await page.getByLabel('Kostnadsmodell').selectOption({ label: 'Fast pris' });
    await page.getByRole('button', { name: 'Spara avtalet' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Avtal ${agreementNumber} – Begreppa AB`,
    );

    await page.getByRole('link', { name: 'Ändra uppgifter' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Ändra avtal ${agreementNumber}`,
    );
    await expectNoSeriousA11yViolations(page);

    // Meanwhile, in another tab, the same agreement's cost is changed and saved.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await expect(other.getByRole('heading', { level: 1 })).toHaveText(
      `Ändra avtal ${agreementNumber}`,
    );
    await other.getByLabel('Årskostnad (kronor)').fill('12 500');
    await other.getByLabel('Varför ändras uppgifterna?').fill('Ny prislista från leverantören');
    await other.getByRole('button', { name: 'Spara ändringen' }).click();
    await expect(other.getByRole('heading', { level: 1 })).toHaveText(
      `Avtal ${agreementNumber} – Begreppa AB`,
    );
    await other.close();

    // My change: without a reason it is not saved.
    await page.getByLabel('Diarienummer').fill('Bou 2026/0999');
    await page.getByRole('button', { name: 'Spara ändringen' }).click();
    const missingReason = page
      .getByRole('alert')
      .filter({ hasText: 'Skriv varför uppgifterna ändras' });
    await expect(missingReason).toBeFocused();
    await missingReason.getByRole('link').click();
    await expect(page.getByLabel('Varför ändras uppgifterna?')).toBeFocused();
    await page.getByLabel('Varför ändras uppgifterna?').fill('Fel diarienummer vid registreringen');
    await page.getByRole('button', { name: 'Spara ändringen' }).click();

    // The save is refused: what the other person changed, field by field.
    const stale = page.getByRole('alert').filter({
      has: page.getByRole('heading', {
        name: 'Någon annan har ändrat uppgifterna medan du arbetade',
      }),
    });
    await expect(stale).toBeFocused();
    const changed = stale.getByRole('table', {
      name: 'Det här har ändrats sedan du öppnade avtalet',
    });
    await expect(changed.getByRole('row')).toHaveCount(2);
    await expect(changed.getByRole('row', { name: /Årskostnad/ })).toContainText('10 000 kr');
    await expect(changed.getByRole('row', { name: /Årskostnad/ })).toContainText('12 500 kr');
    await expectNoSeriousA11yViolations(page);

    // Redone on their version: their cost, my case number and reason.
    await stale.getByRole('button', { name: 'Gör om min ändring på den nya versionen' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Din ändring ligger nu på den nya versionen' }),
    ).toBeVisible();
    await expect(page.getByLabel('Årskostnad (kronor)')).toHaveValue('12 500');
    await expect(page.getByLabel('Diarienummer')).toHaveValue('Bou 2026/0999');
    await expect(page.getByLabel('Varför ändras uppgifterna?')).toHaveValue(
      'Fel diarienummer vid registreringen',
    );
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Spara ändringen' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Avtal ${agreementNumber} – Begreppa AB`,
    );
    await expect(page.getByText('Bou 2026/0999', { exact: true })).toBeVisible();
    await expect(page.getByText('12 500 kr').first()).toBeVisible();
    const history = page.getByRole('region', { name: 'Historik' });
    await expect(history.getByText('Varför: Fel diarienummer vid registreringen')).toBeVisible();
    await expect(
      history.getByText(
        /^\s*Diarienummer: Bou 2026\/0001\s*→\s*ändrades till\s*Bou 2026\/0999\s*$/,
      ),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
