import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import ExcelJS from 'exceljs';
import { Pool } from 'pg';

import { download } from '../../test/download';
import {
  agreementBody,
  closeTestDatabase,
  createTestAccount,
  createTestUnit,
  testDatabase,
  unique,
  uniqueOrganisationNumber,
} from '../../test/factories';
import { type ScratchDatabase, createScratchDatabase } from '../../test/scratch-database';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';

/** Every sheet of a workbook as its header and its rows in a stable order (by their text). */
async function sheetsOf(bytes: Buffer): Promise<Record<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of book.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      const values = row.values as unknown[];
      rows.push(Array.from({ length: sheet.columnCount }, (_, index) => values[index + 1] ?? null));
    });
    const [header, ...data] = rows;
    sheets[sheet.name] = [
      header as unknown[],
      ...data.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ];
  }
  return sheets;
}

/**
 * The tables an import refers to but does not bring: the organisation and its accounts. The
 * municipality is in both databases already (TEST_MUNICIPALITY, from the template).
 */
const ORGANISATION_TABLES = ['account', 'administration', 'school_unit', 'account_school_unit'];

describe('export -> import into an empty database -> export', () => {
  let app: NestFastifyApplication;
  let procurement: TestClient;
  let manager: TestClient;
  let managerAccount: Awaited<ReturnType<typeof createTestAccount>>;
  let target: ScratchDatabase;
  let targetApp: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
    procurement = await signedIn(app, await createTestAccount(['PROCUREMENT']));
    managerAccount = await createTestAccount(['OBJECT_MANAGER']);
    manager = await signedIn(app, managerAccount);
    target = await createScratchDatabase('import_round_trip');
  });

  afterAll(async () => {
    await targetApp?.close();
    await app.close();
    await target.drop();
    await closeTestDatabase();
  });

  async function copyOrganisation(): Promise<void> {
    const to = new Pool({ connectionString: target.url, max: 1 });
    try {
      for (const table of ORGANISATION_TABLES) {
        const { rows } = await testDatabase().query(
          `SELECT coalesce(json_agg(t), '[]') AS rows FROM ${table} t`,
        );
        await to.query(
          `INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1)`,
          [JSON.stringify(rows[0].rows)],
        );
      }
    } finally {
      await to.end();
    }
  }

  it('gives the same rows on every sheet', async () => {
    const north = await createTestUnit({
      name: unique('Ekbacken, Norr'),
      schoolForms: ['GR'],
      compulsoryStages: ['F-3', '4-6'],
    });
    const south = await createTestUnit({ name: unique('Söderskolan') });
    const gymnasium = await createTestUnit({
      name: unique('Älvgymnasiet'),
      schoolForms: ['GY'],
      compulsoryStages: [],
    });
    const supplier = (
      await procurement.post('/api/suppliers', {
        name: unique('=Rundresa AB'),
        organisationNumber: uniqueOrganisationNumber(),
        contactName: 'Kim Kontakt',
        contactEmail: 'kim@rundresa.example',
        webAddress: 'https://rundresa.example',
      })
    ).body;
    const plain = (
      await procurement.post('/api/suppliers', {
        name: unique('Enkel AB'),
        organisationNumber: uniqueOrganisationNumber(),
      })
    ).body;
    const service = (
      await manager.post('/api/services', {
        name: unique('Läsappen'),
        supplierId: supplier.id,
        category: 'LEARNING_MATERIAL',
        description: 'Läsning; med "citat" och\nny rad',
        schoolForms: ['GR', 'GY'],
        languages: ['svenska', 'arabiska'],
        webAddress: 'https://rundresa.example/las',
        signInMethod: 'FEDERATION',
        personalData: 'PUPILS_ORDINARY',
        dataLocation: 'EU_EEA',
        catalogueStatus: 'APPROVED_WITH_CONDITIONS',
      })
    ).body;
    const other = (
      await manager.post('/api/services', {
        name: unique('Kontorspaket'),
        supplierId: plain.id,
        category: 'OFFICE_SUPPORT',
        description: '',
        schoolForms: [],
        signInMethod: 'MUNICIPAL_SSO',
        personalData: 'NONE',
        dataLocation: 'SWEDEN',
        catalogueStatus: 'APPROVED',
      })
    ).body;
    const first = (
      await procurement.post(
        '/api/agreements',
        agreementBody(supplier.id, { ownerId: managerAccount.id, documents: [] }),
      )
    ).body;
    const second = (
      await procurement.post(
        '/api/agreements',
        agreementBody(plain.id, {
          procurementRoute: 'DIRECT_AWARD',
          frameworkName: null,
          callOffReference: null,
          signedOn: null,
          renewsAutomatically: true,
          extensionOptions: 0,
          extensionMonths: 0,
          annualCost: 15000,
          costModel: 'FLAT',
          scopeSchoolForms: ['GR', 'GY'],
          dataProcessingAgreement: { signed: false, signedOn: null, subProcessors: [] },
          documents: [],
          terminatedOn: '2027-06-30',
        }),
      )
    ).body;
    for (const licence of [
      {
        agreementId: first.id,
        serviceId: service.id,
        scope: 'UNITS',
        unitIds: [north.id, south.id],
        seatCount: 400,
        seatsInUse: 250,
      },
      { agreementId: first.id, serviceId: service.id, scope: 'MUNICIPALITY' },
      { agreementId: second.id, serviceId: other.id, scope: 'SCHOOL_FORMS', schoolForms: ['GY'] },
      { agreementId: second.id, serviceId: other.id, scope: 'UNITS', unitIds: [gymnasium.id] },
    ]) {
      const response = await procurement.post('/api/licences', {
        startsOn: '2026-03-01',
        endsOn: '2027-06-30',
        ...licence,
      });
      expect(response.status).toBe(201);
    }

    const exported = await download(app, procurement, '/api/imports/workbook');
    expect(exported.status).toBe(200);
    const before = await sheetsOf(exported.body);
    expect(Object.keys(before)).toEqual(['Leverantörer', 'Tjänster', 'Avtal', 'Licenser']);
    expect(before['Avtal']).toHaveLength(3);
    expect(before['Licenser']).toHaveLength(5);

    await copyOrganisation();
    targetApp = await createTestApp({}, target.url);
    const importer = await signedIn(targetApp, managerAccount);
    const imported = await importer.post('/api/imports', {
      dryRun: false,
      files: [{ name: 'avtal.xlsx', content: exported.body.toString('base64') }],
    });
    expect(imported.body.report?.problems ?? imported.body.problems).toEqual([]);
    expect(imported.status).toBe(200);
    expect(imported.body.sheets).toEqual([
      { sheet: 'Leverantörer', rows: 2, created: 2, updated: 0, unchanged: 0 },
      { sheet: 'Tjänster', rows: 2, created: 2, updated: 0, unchanged: 0 },
      { sheet: 'Avtal', rows: 2, created: 2, updated: 0, unchanged: 0 },
      { sheet: 'Licenser', rows: 4, created: 4, updated: 0, unchanged: 0 },
    ]);

    const again = await download(targetApp, importer, '/api/imports/workbook');
    expect(await sheetsOf(again.body)).toEqual(before);

    // The CSV exports of the target, imported into it once more, change nothing.
    // One at a time: a caller may run only two exports at once.
    const csvFiles: { name: string; content: string }[] = [];
    for (const [name, path] of [
      ['leverantorer.csv', '/api/suppliers/export?format=csv'],
      ['tjanster.csv', '/api/services/export?format=csv'],
      ['avtal.csv', '/api/agreements/export?format=csv'],
      ['licenser.csv', '/api/licences/export?format=csv'],
    ] as const) {
      const file = await download(targetApp, importer, path);
      expect(file.status).toBe(200);
      csvFiles.push({ name, content: file.body.toString('base64') });
    }
    const rerun = await importer.post('/api/imports', { dryRun: false, files: csvFiles });
    expect(rerun.body.report?.problems ?? rerun.body.problems).toEqual([]);
    expect(rerun.body.sheets.map((sheet: { unchanged: number }) => sheet.unchanged)).toEqual([
      2, 2, 2, 4,
    ]);
  });
});
