import type { Page } from '@playwright/test';

import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

/** A name no earlier run of the suite used, so a reused database never confuses the test. */
const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

/** A valid Swedish organisation number (Luhn check digit), unlikely to be taken. */
function organisationNumber(): string {
  const body = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
  const sum = [...body].reduce((total, digit, index) => {
    const doubled = Number(digit) * (index % 2 === 0 ? 2 : 1);
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return `${body.slice(0, 6)}-${body.slice(6)}${(10 - (sum % 10)) % 10}`;
}

async function signOutAndIn(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, username);
}

/** A call to the API as the signed-in person, with the CSRF token the app would send. */
async function api<T>(page: Page, method: 'GET' | 'POST', path: string, data?: object) {
  const cookies = await page.context().cookies();
  const xsrf = cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
  const response = await page.request.fetch(path, {
    method,
    data,
    headers: { 'X-XSRF-TOKEN': xsrf },
  });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

interface Request {
  id: string;
  number: number;
  version: number;
  serviceId: string | null;
}

/** A principal's own request for a new tool, submitted (their submission endorses it). */
async function submittedRequest(page: Page, toolName: string): Promise<Request> {
  const me = await api<{ schoolUnits: { id: string; name: string }[] }>(
    page,
    'GET',
    '/api/auth/me',
  );
  const created = await api<Request>(page, 'POST', '/api/requests', {
    unitId: me.schoolUnits[0]?.id,
    serviceId: null,
    newTool: {
      name: toolName,
      supplierName: `${toolName} AB`,
      webAddress: 'https://verktyg.example',
    },
    need: 'Eleverna behöver träna glosor med egna ordlistor.',
    subjects: ['Moderna språk'],
    targetGroup: 'Årskurs 4–6',
    schoolForms: ['GR'],
    pupilCount: 80,
    staffCount: 4,
    personalData: 'PUPILS_ORDINARY',
    personalDataDescription: 'Elevens namn.',
    wantedFrom: null,
  });
  return api<Request>(page, 'POST', `/api/requests/${created.id}/moves`, {
    move: 'SUBMIT',
    version: created.version,
  });
}

async function specialistMove(page: Page, id: string, body: object): Promise<Request> {
  const current = await api<Request>(page, 'GET', `/api/requests/${id}`);
  return api<Request>(page, 'POST', `/api/requests/${id}/moves`, {
    version: current.version,
    ...body,
  });
}

/** Opens "Ny begäran" the way a person does: the menu, then the button. */
async function openNewRequest(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Begäranden' }).first().click();
  await page.getByRole('main').getByRole('link', { name: 'Ny begäran' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny begäran');
}

test.describe('requests meet the tool’s history', () => {
  test('a rejected tool shows its decision, and asking again needs what has changed', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const toolName = unique('Glosverket');

    // Its own rejected tool: asked for by a principal, reviewed and rejected by the specialist.
    await signIn(page, 'rektorhaga');
    const asked = await submittedRequest(page, toolName);
    await signOutAndIn(page, 'specialist');
    await specialistMove(page, asked.id, { move: 'START_TRIAGE' });
    await specialistMove(page, asked.id, {
      move: 'START_REVIEW',
      supplierOrganisationNumber: organisationNumber(),
      category: 'SKILLS_TRAINING',
    });
    await specialistMove(page, asked.id, {
      move: 'DECIDE',
      outcome: 'REJECTED',
      reasons: ['INFORMATION_SECURITY', 'AGREEMENT'],
      text: 'Uppgifterna lagras utanför EU/EES och leverantören godtar inte biträdesavtalet.',
    });

    await signOutAndIn(page, 'skola');
    await openNewRequest(page);
    await page.getByLabel('Sök verktyget i katalogen').fill(toolName);
    const tool = page.getByRole('listitem').filter({ hasText: toolName });
    await expect(tool).toContainText('Avslagen');
    await expect(tool).toContainText(
      /Avslogs \d{4}-\d{2}-\d{2}\. Skäl: Informationssäkerhet, Avtal\./,
    );
    await expect(tool).toContainText('leverantören godtar inte biträdesavtalet');
    await expectNoSeriousA11yViolations(page);

    await tool.getByRole('radio').check();
    await page.getByLabel('Behov', { exact: true }).fill('Glosträning hemma i moderna språk.');
    await page.getByLabel('Målgrupp').fill('Årskurs 7–9');
    await page.getByLabel('Grundskola', { exact: true }).check();
    await page.getByLabel('Antal elever').fill('60');
    await page.getByLabel('Antal personal').fill('3');
    await page.getByLabel('Inga personuppgifter').check();
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    const whatChanged = page.getByLabel('Vad har ändrats sedan beslutet?');
    await expect(whatChanged).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert')).toContainText('Beskriv vad som har ändrats');
    await expectNoSeriousA11yViolations(page);

    await whatChanged.fill('Leverantören lagrar nu allt i Sverige och har skrivit under avtalet.');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      new RegExp(`^Begäran \\d+: ${toolName}$`),
    );
    await expect(page.getByText('Vad som har ändrats sedan avslaget')).toBeVisible();
    await expect(
      page.getByText('Leverantören lagrar nu allt i Sverige och har skrivit under avtalet.'),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('another unit’s open request offers “Anslut min enhet”, and the unit joins it once', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const toolName = unique('Ordleken');

    await signIn(page, 'rektorhaga');
    const asked = await submittedRequest(page, toolName);

    await signOutAndIn(page, 'skola');
    await openNewRequest(page);
    await page.getByLabel('Sök verktyget i katalogen').fill(toolName);
    const tool = page.getByRole('listitem').filter({ hasText: toolName });
    await expect(tool).toContainText('Inte i katalogen');
    await expect(tool).toContainText(
      `har redan begärt verktyget (begäran ${asked.number}, inskickad)`,
    );
    await expectNoSeriousA11yViolations(page);

    await tool.getByRole('button', { name: 'Anslut min enhet' }).click();
    await tool.getByLabel('Antal elever i din enhet').fill('45');
    await tool.getByLabel('Din enhets behov').fill('Repetition av glosor i årskurs 7.');
    await expectNoSeriousA11yViolations(page);
    await tool.getByRole('button', { name: 'Anslut', exact: true }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Begäran ${asked.number}: ${toolName}`,
    );
    await expect(page.getByText('Anslutna enheter')).toBeVisible();
    await expect(page.getByText('Mellringeskolan 7-9 (45 elever)')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // Asking again, the unit is pointed to the request it joined instead.
    await openNewRequest(page);
    await page.getByLabel('Sök verktyget i katalogen').fill(toolName);
    const again = page.getByRole('listitem').filter({ hasText: toolName });
    await expect(again).toContainText(`Din enhet har anslutit sig: begäran ${asked.number}`);
    await expect(again.getByRole('button', { name: 'Anslut min enhet' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });
});
