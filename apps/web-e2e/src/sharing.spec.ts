import type { Page } from '@playwright/test';

import { apiAs, move } from './api-as';
import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

const KUMLA = 'Kumla kommun';
const LINDESBERG = 'Lindesbergs kommun';

/**
 * A fresh request in review in `municipality` for its own catalogue entry of NE: the school asks
 * for a tool under a name of this run, and the specialist links it to NE when the review starts
 * (a unit may have one open request per tool, so every run makes its own).
 */
async function requestForNeInReview(baseURL: string, municipality: string): Promise<number> {
  const skola = await apiAs(baseURL, 'skola', municipality);
  const services = (await skola.get('/api/services?limit=100'))['rows'] as {
    id: string;
    name: string;
  }[];
  const ne = services.find((service) => service.name === 'NE');
  if (!ne) throw new Error(`No NE in ${municipality}'s catalogue`);
  const me = await skola.get('/api/auth/me');
  const [unit] = me['schoolUnits'] as { id: string }[];
  const created = await skola.post('/api/requests', {
    unitId: unit.id,
    serviceId: null,
    newTool: {
      name: `Uppslagsverket ${Date.now().toString(36)}`,
      supplierName: 'NE Nationalencyklopedin AB',
      webAddress: 'https://www.ne.se',
    },
    need: 'Eleverna behöver ett uppslagsverk för källkritik i SO.',
    subjects: ['Samhällskunskap'],
    targetGroup: 'Årskurs 7–9',
    schoolForms: ['GR'],
    pupilCount: 90,
    staffCount: 4,
    personalData: 'PUPILS_ORDINARY',
    personalDataDescription: 'Elevens namn via skolkontot.',
    wantedFrom: null,
  });
  const id = created['id'] as string;
  const rektor = await apiAs(baseURL, 'rektor', municipality);
  await move(rektor, id, { move: 'ENDORSE' });
  await move(skola, id, { move: 'SUBMIT' });
  const specialist = await apiAs(baseURL, 'specialist', municipality);
  await move(specialist, id, { move: 'START_TRIAGE' });
  await move(specialist, id, { move: 'START_REVIEW', serviceId: ne.id });
  await Promise.all([skola.dispose(), rektor.dispose(), specialist.dispose()]);
  return created['number'] as number;
}

/** From the menu to the queue, and the request open in the side panel. */
async function openInQueue(page: Page, number: number) {
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Beslutsrutin' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beslutskö');
  await page.getByRole('link', { name: `Öppna begäran ${number}`, exact: true }).click();
  const panel = page.getByRole('complementary');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(`Begäran ${number}`);
  return panel;
}

test.describe('reviews and decisions shared between municipalities', () => {
  test('Kumla adopts Örebro’s review and publishes its own; Lindesberg sees it with provenance', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    const inKumla = await requestForNeInReview(baseURL as string, 'kumla');

    await signIn(page, 'dataskydd', KUMLA);
    let panel = await openInQueue(page, inKumla);
    const shared = panel.getByRole('region', { name: 'Andra kommuners granskningar och beslut' });
    const orebroReview = shared.getByRole('article', {
      name: 'Dataskyddsgranskning (GDPR), Örebro kommun',
    });
    await expect(orebroReview).toContainText('KommunÖrebro kommun');
    await expect(orebroReview).toContainText('RollDataskydd');
    await expect(orebroReview).toContainText(/Granskad\d{4}-\d{2}-\d{2}/);
    await expect(orebroReview).toContainText(/Publicerad\d{4}-\d{2}-\d{2}/);
    await expect(orebroReview).toContainText(/Version\d+/);
    // Another municipality's decision, with its public text only.
    const lindesbergDecision = shared.getByRole('article', { name: `Beslut i ${LINDESBERG}` });
    await expect(lindesbergDecision).toContainText('BeslutGodkänd');
    await expectNoSeriousA11yViolations(page);

    // Adopting asks for the redo date, then the own review says where it comes from.
    await orebroReview.getByRole('button', { name: 'Utgå från granskningen' }).click();
    await orebroReview.getByLabel('Gör om din granskning senast').fill('2027-06-30');
    await expectNoSeriousA11yViolations(page);
    await orebroReview.getByRole('button', { name: 'Utgå från granskningen' }).click();
    await expect(shared.getByRole('status')).toHaveText(
      'Din egen granskning utgår nu från granskningen i Örebro kommun. Den finns i tabellen ovan.',
    );
    const ownRow = panel
      .getByRole('table', { name: 'Granskningar av tjänsten' })
      .getByRole('row', { name: /^Dataskydd \(GDPR\)/ });
    await expect(ownRow).toContainText('Utgår från granskningen i Örebro kommun');
    await expect(ownRow).toContainText('2027-06-30');

    // Publishing says what becomes visible first.
    const publishing = shared.getByRole('listitem').filter({ hasText: 'Dataskyddsgranskning' });
    await publishing.getByRole('button', { name: 'Publicera', exact: true }).click();
    await expect(publishing).toContainText('Interna anteckningar publiceras inte.');
    await expectNoSeriousA11yViolations(page);
    await publishing.getByRole('button', { name: 'Ja, publicera' }).click();
    await expect(shared.getByRole('status')).toHaveText(
      'Granskningen är publicerad för andra kommuner.',
    );
    await expect(publishing).toContainText(/publicerad \d{4}-\d{2}-\d{2}/);

    // Lindesberg reads Kumla's review with its provenance, adopted from Örebro's.
    await page.getByRole('button', { name: 'Logga ut' }).click();
    const inLindesberg = await requestForNeInReview(baseURL as string, 'lindesberg');
    await signIn(page, 'lasare', LINDESBERG);
    panel = await openInQueue(page, inLindesberg);
    const kumlaReview = panel
      .getByRole('region', { name: 'Andra kommuners granskningar och beslut' })
      .getByRole('article', { name: `Dataskyddsgranskning (GDPR), ${KUMLA}` })
      .last();
    await expect(kumlaReview).toContainText(`Kommun${KUMLA}`);
    await expect(kumlaReview).toContainText('Utgår från granskningen i Örebro kommun.');
    // A reader may look, not adopt.
    await expect(kumlaReview.getByRole('button')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });

  test('Kumla’s object specialist publishes its decision on NE; Lindesberg sees its public text', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    const inKumla = await requestForNeInReview(baseURL as string, 'kumla');

    await signIn(page, 'specialist', KUMLA);
    let panel = await openInQueue(page, inKumla);
    const shared = panel.getByRole('region', { name: 'Andra kommuners granskningar och beslut' });
    const publishing = shared.getByRole('listitem').filter({ hasText: 'Kommunens beslut' });
    await publishing.getByRole('button', { name: 'Publicera beslutet' }).click();
    await expect(publishing).toContainText(
      'Interna anteckningar och motiveringar publiceras inte.',
    );
    await expectNoSeriousA11yViolations(page);
    await publishing.getByRole('button', { name: 'Ja, publicera' }).click();
    await expect(shared.getByRole('status')).toHaveText(
      'Beslutet är publicerat för andra kommuner.',
    );
    await expect(publishing).toContainText(/publicerat \d{4}-\d{2}-\d{2}/);

    await page.getByRole('button', { name: 'Logga ut' }).click();
    const inLindesberg = await requestForNeInReview(baseURL as string, 'lindesberg');
    await signIn(page, 'lasare', LINDESBERG);
    panel = await openInQueue(page, inLindesberg);
    const kumlaDecision = panel
      .getByRole('region', { name: 'Andra kommuners granskningar och beslut' })
      .getByRole('article', { name: `Beslut i ${KUMLA}` });
    await expect(kumlaDecision).toContainText(`Kommun${KUMLA}`);
    await expect(kumlaDecision).toContainText('BeslutGodkänd');
    // The demo dates only Örebro’s catalogue decisions.
    await expect(kumlaDecision).toContainText(/Beslutsdatum(\d{4}-\d{2}-\d{2}|Inget datum)/);
    await expect(kumlaDecision).toContainText(/Publicerad\d{4}-\d{2}-\d{2}/);
    await expect(kumlaDecision.locator('dt')).toHaveText([
      'Kommun',
      'Beslut',
      'Beslutsdatum',
      'Publicerad',
      'Version',
    ]);
    await expectNoSeriousA11yViolations(page);
  });
});
