import { type APIRequestContext, request } from '@playwright/test';
import { readFile } from 'node:fs/promises';

import { organisationNumber } from './api-as';
import { OREBRO_SLUG, expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

/** A name no earlier run used, so a reused database never confuses the test. */
const unique = (name: string) => `${name} ${Date.now().toString(36)}`;

/** The demo accounts' published password (README). */
const DEMO_PASSWORD = 'Skolverktyg-2026';

/** A valid Swedish organisation number (Luhn check digit), unlikely to be taken. */
/**
 * A one-page PDF with binary bytes in it (the comment after the header, and a stream of every
 * byte value), so that any re-encoding on the way in or out would show.
 */
function signedAgreementPdf(): Buffer {
  const binary = Buffer.from(Array.from({ length: 256 }, (_, index) => index));
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  const length = () => parts.reduce((sum, part) => sum + part.length, 0);
  const object = (number: number, body: Buffer | string) => {
    offsets.push(length());
    parts.push(Buffer.from(`${number} 0 obj\n`, 'latin1'));
    parts.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    parts.push(Buffer.from('\nendobj\n', 'latin1'));
  };
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  object(
    4,
    Buffer.concat([
      Buffer.from(`<< /Length ${binary.length} >>\nstream\n`, 'latin1'),
      binary,
      Buffer.from('\nendstream', 'latin1'),
    ]),
  );
  const xref = length();
  parts.push(
    Buffer.from(
      `xref\n0 5\n0000000000 65535 f \n${offsets
        .map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)
        .join('')}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}

/** A fresh supplier and agreement of procurement's, made through the API. */
async function freshAgreement(baseURL: string) {
  const context: APIRequestContext = await request.newContext({ baseURL });
  const xsrf = async () => ({
    'X-XSRF-TOKEN':
      (await context.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '',
  });
  await context.get('/api/auth/config');
  const login = await context.post('/api/auth/login', {
    data: { municipality: OREBRO_SLUG, username: 'upphandlare', password: DEMO_PASSWORD },
    headers: await xsrf(),
  });
  expect(login.status()).toBe(200);
  const headers = await xsrf();
  const supplierName = unique('Dokumentförlaget AB');
  const supplier = await context.post('/api/suppliers', {
    data: { name: supplierName, organisationNumber: organisationNumber() },
    headers,
  });
  expect(supplier.status(), await supplier.text()).toBe(201);
  const agreementNumber = unique('DOK');
  const agreement = await context.post('/api/agreements', {
    headers,
    data: {
      supplierId: ((await supplier.json()) as { id: string }).id,
      agreementNumber,
      caseNumber: 'Bou 2026/00417',
      procurementRoute: 'DIRECT_AWARD',
      frameworkName: null,
      callOffReference: null,
      signedOn: '2026-01-10',
      startsOn: '2026-02-01',
      endsOn: '2028-01-31',
      extensionOptions: 0,
      extensionMonths: 0,
      extensionOptionsUsed: 0,
      nextExtensionDecisionBy: null,
      noticePeriodMonths: 3,
      internalLeadDays: 30,
      renewsAutomatically: false,
      annualCost: 48000,
      costModel: 'FLAT',
      ownerId: null,
      scopeSchoolForms: [],
      dataProcessingAgreement: { signed: true, signedOn: '2026-01-10', subProcessors: [] },
      documents: [],
      followsId: null,
      terminatedOn: null,
    },
  });
  expect(agreement.status(), await agreement.text()).toBe(201);
  await context.dispose();
  return { supplierName, agreementNumber };
}

test.describe('documents on an agreement', () => {
  test('procurement uploads the signed PDF and downloads it byte for byte; a program named .pdf is refused', async ({
    page,
    baseURL,
  }) => {
    const { supplierName, agreementNumber } = await freshAgreement(baseURL as string);
    const pdf = signedAgreementPdf();

    await signIn(page, 'upphandlare');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Avtal' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Avtal');
    await page
      .getByRole('search', { name: 'Filtrera avtal' })
      .getByLabel('Leverantör')
      .selectOption({ label: supplierName });
    await page.getByRole('link', { name: agreementNumber }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(agreementNumber);
    const section = page.getByRole('region', { name: 'Uppladdade dokument' });
    await expect(section.getByText('Inga dokument är uppladdade till avtalet.')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // Nothing chosen: the form says what is missing, at the fields.
    await section.getByRole('button', { name: 'Ladda upp' }).click();
    await expect(section.getByRole('alert')).toContainText('Välj vilken typ av dokument det är.');
    await expectNoSeriousA11yViolations(page);

    await section.getByLabel('Typ av dokument').selectOption({ label: 'Undertecknat avtal' });
    await section.getByLabel('Fil').setInputFiles({
      name: 'Undertecknat avtal.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await section.getByRole('button', { name: 'Ladda upp' }).click();
    const link = section.getByRole('link', { name: 'Undertecknat avtal.pdf' });
    await expect(link).toBeVisible();
    await expect(section.getByRole('status')).toHaveText('Undertecknat avtal.pdf är uppladdat.');
    await expect(section).toContainText('Undertecknat avtal, PDF');

    const downloading = page.waitForEvent('download');
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Undertecknat avtal.pdf');
    const downloaded = await readFile(await download.path());
    expect(downloaded.length).toBe(pdf.length);
    expect(Buffer.compare(downloaded, pdf)).toBe(0);

    // A Windows program renamed .pdf: the type comes from the bytes, so it is refused.
    await section.getByLabel('Typ av dokument').selectOption({ label: 'Övrigt' });
    await section.getByLabel('Fil').setInputFiles({
      name: 'faktura.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(2048, 0x41)]),
    });
    await section.getByRole('button', { name: 'Ladda upp' }).click();
    await expect(section.getByRole('alert')).toContainText(
      'Filen är inte en PDF, DOCX, XLSX eller ODT',
    );
    await expect(section.getByRole('link', { name: 'faktura.pdf' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    // The upload is in the agreement's history once the page is read again.
    await page.reload();
    await expect(
      page.getByRole('region', { name: 'Historik' }).getByText('Ett dokument laddades upp'),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'Historik' })).toContainText(
      'Undertecknat avtal.pdf (Undertecknat avtal)',
    );
    await expectNoSeriousA11yViolations(page);
  });
});
