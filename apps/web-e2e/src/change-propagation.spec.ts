import { type Api, apiAs, move, organisationNumber } from './api-as';
import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

const KUMLA = 'Kumla kommun';
const LINDESBERG = 'Lindesbergs kommun';

/** The tool in a municipality's own catalogue: its supplier and service, made by its staff. */
async function toolIn(
  baseURL: string,
  municipality: string,
  tool: { name: string; supplier: string; organisationNumber: string },
): Promise<string> {
  const procurement = await apiAs(baseURL, 'upphandlare', municipality);
  const supplier = await procurement.post('/api/suppliers', {
    name: tool.supplier,
    organisationNumber: tool.organisationNumber,
  });
  const specialist = await apiAs(baseURL, 'specialist', municipality);
  const service = await specialist.post('/api/services', {
    name: tool.name,
    supplierId: supplier['id'],
    category: 'LEARNING_MATERIAL',
    description: '',
    schoolForms: ['GR'],
    languages: [],
    webAddress: null,
    signInMethod: 'FEDERATION',
    personalData: 'PUPILS_ORDINARY',
    dataLocation: 'SWEDEN',
    catalogueStatus: 'UNDER_REVIEW',
  });
  await Promise.all([procurement.dispose(), specialist.dispose()]);
  return service['id'] as string;
}

/** A request of the municipality's school for its catalogue entry, in review; its number. */
async function requestInReview(baseURL: string, municipality: string, serviceId: string) {
  const skola = await apiAs(baseURL, 'skola', municipality);
  const [unit] = (await skola.get('/api/auth/me'))['schoolUnits'] as { id: string }[];
  const created = await skola.post('/api/requests', {
    unitId: unit?.id,
    serviceId,
    newTool: null,
    need: 'Eleverna behöver rita kartor i geografin.',
    subjects: ['Geografi'],
    targetGroup: 'Årskurs 7–9',
    schoolForms: ['GR'],
    pupilCount: 60,
    staffCount: 3,
    personalData: 'PUPILS_ORDINARY',
    personalDataDescription: 'Elevens namn via skolkontot.',
    wantedFrom: null,
  });
  const id = created['id'] as string;
  const rektor = await apiAs(baseURL, 'rektor', municipality);
  await move(rektor, id, { move: 'ENDORSE' });
  await move(skola, id, { move: 'SUBMIT' });
  const specialist: Api = await apiAs(baseURL, 'specialist', municipality);
  await move(specialist, id, { move: 'START_TRIAGE' });
  await move(specialist, id, { move: 'START_REVIEW' });
  await Promise.all([skola.dispose(), rektor.dispose(), specialist.dispose()]);
  return created['number'] as number;
}

test('a change reported in Kumla makes Lindesberg’s review of the same tool due, and tells its reviewer', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const run = Date.now().toString(36);
  const tool = {
    name: `Kartritaren ${run}`,
    supplier: `Kartbolaget ${run} AB`,
    organisationNumber: organisationNumber(),
  };
  const inKumla = await toolIn(baseURL as string, 'kumla', tool);
  const inLindesberg = await toolIn(baseURL as string, 'lindesberg', tool);
  const dataskydd = await apiAs(baseURL as string, 'dataskydd', 'lindesberg');
  await dataskydd.post(`/api/services/${inLindesberg}/reviews`, {
    kind: 'DATA_PROTECTION',
    outcome: 'APPROVED',
    redoBy: '2030-06-30',
    findings: {
      processesPersonalData: true,
      purpose: 'Eleverna ritar kartor; läraren ser deras arbeten.',
      legalBasis: 'PUBLIC_INTEREST',
      dataCategories: ['IDENTITY'],
      dataSubjects: ['PUPILS'],
      dataProcessingAgreementSigned: true,
      dpiaCriteria: [],
      dpiaDone: false,
      storageLocation: 'SWEDEN',
      transferMechanism: 'NONE',
      subProcessors: [],
      retention: 'Gallras när eleven slutar',
    },
  });
  await dataskydd.dispose();
  const number = await requestInReview(baseURL as string, 'kumla', inKumla);

  // Kumla's object specialist reports a new sub-processor from the request's panel.
  await signIn(page, 'specialist', KUMLA);
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Beslutsrutin' })
    .click();
  await page.getByRole('link', { name: `Öppna begäran ${number}`, exact: true }).click();
  const panel = page.getByRole('complementary');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText(`Begäran ${number}`);
  await panel.getByText('Rapportera ändring av tjänsten').click();
  await panel.getByLabel('Nytt underbiträde').check();
  await panel
    .getByLabel('Beskrivning')
    .fill('Kartbolaget lagrar elevernas kartor hos en ny molntjänst.');
  await expectNoSeriousA11yViolations(page);
  await panel.getByRole('button', { name: 'Rapportera ändringen' }).click();
  await expect(panel.getByText(/Ändringen är rapporterad/)).toContainText(
    'i de andra kommuner som har tjänsten',
  );
  await page.getByRole('button', { name: 'Logga ut' }).click();

  // Lindesberg's data protection officer is told, and the review is due again.
  await signIn(page, 'dataskydd', LINDESBERG);
  await page
    .getByRole('banner')
    .getByRole('link', { name: /^Notiser/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Notiser');
  const notice = page.getByRole('link', {
    name: `Dataskyddsgranskning (GDPR) ska göras om: ${tool.name}`,
  });
  await expect(notice).toBeVisible();
  await expect(page.getByRole('main')).toContainText(
    'Stina Objektspecialist, Kumla kommun rapporterade en ändring',
  );
  await expect(page.getByRole('main')).toContainText('Kartbolaget lagrar elevernas kartor');
  await expectNoSeriousA11yViolations(page);
});
