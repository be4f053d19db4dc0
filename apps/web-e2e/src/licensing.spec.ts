import type { Page } from '@playwright/test';

import { type Api, apiAs, move, organisationNumber } from './api-as';
import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

/** A name no earlier run used, so a reused database never confuses the test. */
const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

/** An ISO date `years` from today (UTC is near enough for dates a year or more away). */
const yearsFromNow = (years: number) => {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
};

const REVIEWS = {
  dataskydd: {
    kind: 'DATA_PROTECTION',
    findings: {
      processesPersonalData: true,
      purpose: 'Läsförståelse där läraren följer elevens resultat',
      legalBasis: 'PUBLIC_INTEREST',
      dataCategories: ['IDENTITY', 'SCHOOL_RESULTS'],
      dataSubjects: ['PUPILS'],
      dataProcessingAgreementSigned: true,
      dpiaCriteria: ['VULNERABLE_SUBJECTS'],
      dpiaDone: false,
      storageLocation: 'EU_EEA',
      transferMechanism: 'NONE',
      subProcessors: ['Hosting AB'],
      retention: 'Gallras när eleven slutar',
    },
  },
  infosak: {
    kind: 'INFORMATION_SECURITY',
    findings: {
      confidentiality: 2,
      integrity: 1,
      availability: 1,
      signInMethod: 'FEDERATION',
      risks: 'Inga kända',
    },
  },
  upphandlare: {
    kind: 'PROCUREMENT',
    findings: {
      procurementRoute: 'DIRECT_AWARD',
      annualCost: 40000,
      agreementId: null,
      budgetCovered: true,
    },
  },
} as const;

/**
 * Through the routine by the API: skola asks for a new tool, rektor endorses, the specialist
 * reviews it with the three reviewers and approves it with conditions. Hagaskolan's request for
 * the same tool is approved too. The tool's supplier is new: it has no agreement yet. Returns
 * both requests' numbers.
 */
async function approvedWithConditions(
  baseURL: string,
  toolName: string,
): Promise<{ number: number; secondNumber: number }> {
  const skola = await apiAs(baseURL, 'skola');
  const me = await skola.get('/api/auth/me');
  const [unit] = me['schoolUnits'] as { id: string }[];
  const created = await skola.post('/api/requests', {
    unitId: unit?.id,
    serviceId: null,
    newTool: { name: toolName, supplierName: `${toolName} AB`, webAddress: 'https://las.example' },
    need: 'Eleverna behöver träna läsförståelse med texter på rätt nivå.',
    subjects: ['Svenska'],
    targetGroup: 'Årskurs 7–9',
    schoolForms: ['GR'],
    pupilCount: 90,
    staffCount: 4,
    personalData: 'PUPILS_ORDINARY',
    personalDataDescription: 'Elevens namn och resultat.',
    wantedFrom: null,
  });
  const id = created['id'] as string;
  const rektor = await apiAs(baseURL, 'rektor');
  await move(rektor, id, { move: 'ENDORSE' });
  await move(skola, id, { move: 'SUBMIT' });
  const specialist = await apiAs(baseURL, 'specialist');
  await move(specialist, id, { move: 'START_TRIAGE' });
  const inReview = await move(specialist, id, {
    move: 'START_REVIEW',
    supplierOrganisationNumber: organisationNumber(),
    category: 'SKILLS_TRAINING',
  });
  const serviceId = inReview['serviceId'] as string;
  const reviewers: Api[] = [];
  for (const [username, review] of Object.entries(REVIEWS)) {
    const reviewer = await apiAs(baseURL, username);
    reviewers.push(reviewer);
    await reviewer.post(`/api/services/${serviceId}/reviews`, {
      ...review,
      outcome: 'APPROVED',
      redoBy: yearsFromNow(1),
    });
  }
  await move(specialist, id, {
    move: 'DECIDE',
    outcome: 'APPROVED_WITH_CONDITIONS',
    conditions: 'Endast inloggning via Skolfederation; inga elevfoton laddas upp.',
    text: 'Fyller behovet av lästräning.',
  });
  // Hagaskolan asks for the same tool, now in the catalogue, and is approved too.
  const rektorhaga = await apiAs(baseURL, 'rektorhaga');
  const haga = (await rektorhaga.get('/api/auth/me'))['schoolUnits'] as {
    name: string;
    id: string;
  }[];
  const second = await rektorhaga.post('/api/requests', {
    unitId: haga.find((unit) => unit.name === 'Hagaskolan F-6')?.id,
    serviceId,
    need: 'Lästräning för elever i årskurs 4–6.',
    subjects: ['Svenska'],
    targetGroup: 'Årskurs 4–6',
    schoolForms: ['GR'],
    pupilCount: 50,
    staffCount: 2,
    personalData: 'PUPILS_ORDINARY',
    personalDataDescription: 'Elevens namn och resultat.',
    wantedFrom: null,
  });
  const secondId = second['id'] as string;
  await move(rektorhaga, secondId, { move: 'SUBMIT' });
  await move(specialist, secondId, { move: 'START_TRIAGE' });
  await move(specialist, secondId, { move: 'START_REVIEW' });
  await move(specialist, secondId, { move: 'DECIDE', outcome: 'APPROVED' });
  reviewers.push(rektorhaga);

  await Promise.all([skola, rektor, specialist, ...reviewers].map((api) => api.dispose()));
  return { number: created['number'] as number, secondNumber: second['number'] as number };
}

async function signOutAndIn(page: Page, username: string): Promise<void> {
  await page.context().clearCookies();
  await signIn(page, username);
  await expectNoSeriousA11yViolations(page);
}

test.describe('Licensiera: from decision to licence', () => {
  test('procurement licenses a request approved with conditions, and another school’s for the same tool, from “Att göra”, making the agreement on the way; the school is told and has the tool', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const toolName = unique('Läsfixaren');
    const { number, secondNumber } = await approvedWithConditions(baseURL as string, toolName);

    await signOutAndIn(page, 'upphandlare');
    const todo = page
      .getByRole('main')
      .getByRole('link', { name: new RegExp(`^Licensiera: Begäran ${number}: ${toolName}`) });
    await expect(todo).toHaveCount(1);
    await todo.click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Licensiera');
    const decision = page.getByRole('region', { name: 'Beslutet' });
    await expect(decision).toContainText('Godkänd med villkor');
    await expect(decision).toContainText('Endast inloggning via Skolfederation');
    await expectNoSeriousA11yViolations(page);

    // The new supplier has no agreement: procurement makes one and comes back with it chosen.
    const agreements = page.getByRole('group', { name: 'Avtal' });
    await expect(agreements).toContainText('Leverantören har inget avtal som kan bära licensen.');
    await agreements.getByRole('link', { name: 'Skapa nytt avtal' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nytt avtal');
    await expect(page.getByLabel('Leverantör')).toHaveText(new RegExp(`${toolName} AB`));
    const agreementNumber = unique('LIC');
    await page.getByLabel('Avtalsnummer').fill(agreementNumber);
    await page.getByLabel('Diarienummer').fill('Bou 2026/0777');
    await page.getByLabel('Upphandlingsform').selectOption({ label: 'Direktupphandling' });
    await page.getByLabel('Undertecknat (valfritt)').fill(yearsFromNow(-1));
    await page.getByLabel('Startdatum').fill(yearsFromNow(-1));
    await page.getByLabel('Slutdatum').fill(yearsFromNow(2));
    await page.getByLabel('Årskostnad (kronor)').fill('40000');
    await page.getByLabel('Kostnadsmodell').selectOption({ label: 'Fast pris' });
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Spara avtalet' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Licensiera');
    await expect(
      agreements.getByRole('radio', { name: new RegExp(`^Avtal ${agreementNumber}`) }),
    ).toBeChecked();
    // Hagaskolan's approved request for the same tool is offered; ticked, its unit is in scope.
    await page
      .getByRole('group', { name: 'Begäranden som licensen gäller' })
      .getByLabel(`Begäran ${secondNumber} – Hagaskolan F-6 (50 elever)`)
      .check();
    const scope = page.getByRole('group', { name: 'Vilka licensen gäller' });
    await expect(
      scope.getByRole('radio', {
        name: 'Enheterna som begärt verktyget: Mellringeskolan 7-9, Hagaskolan F-6',
      }),
    ).toBeChecked();
    await expect(page.getByLabel('Gäller till och med')).toHaveValue(yearsFromNow(2));
    await page.getByLabel('Antal licenser (valfritt)').fill('90');
    await page
      .getByLabel('Meddelande till skolorna (valfritt)')
      .fill('Eleverna loggar in med skolkontot.');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Licensiera' }).click();

    const done = page.getByRole('region', { name: 'Licensen är skapad' });
    await expect(done.getByRole('status')).toContainText(
      `Begäran ${Math.min(number, secondNumber)} och ${Math.max(number, secondNumber)} är nu införda`,
    );
    await expectNoSeriousA11yViolations(page);
    await done.getByRole('link', { name: 'Till avtalet' }).click();
    await expect(page.getByRole('main')).toContainText(toolName);
    await expectNoSeriousA11yViolations(page);

    // The school is told, the request is "Införd", and the catalogue says the unit has it.
    await signOutAndIn(page, 'skola');
    await page.getByRole('link', { name: /^Notiser/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notiser');
    await expectNoSeriousA11yViolations(page);
    await page
      .getByRole('link', { name: new RegExp(`Begäran ${number}: ${toolName} är infört`) })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Begäran ${number}: ${toolName}`,
    );
    await expect(page.getByRole('main')).toContainText('Införd');
    await expect(page.getByRole('main')).toContainText('Eleverna loggar in med skolkontot.');
    await expectNoSeriousA11yViolations(page);

    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Katalog' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Katalog');
    await page.getByLabel('Sök tjänst').fill(toolName);
    const card = page.getByRole('article', { name: toolName });
    await expect(card).toContainText('Din enhet har den här tjänsten');
    await expect(card).toContainText('Mellringeskolan 7-9, till och med');
    await expectNoSeriousA11yViolations(page);
  });
});
