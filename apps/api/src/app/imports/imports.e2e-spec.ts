import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import ExcelJS from 'exceljs';

import type { ImportProblem, ImportReport } from '@licensregistret/domain';

import { download } from '../../test/download';
import {
  closeTestDatabase,
  createTestAccount,
  createTestUnit,
  testDatabase,
  unique,
  uniqueOrganisationNumber,
} from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';
import { AGREEMENT_EXPORT_COLUMNS, LICENCE_EXPORT_COLUMNS } from '../agreements/agreement-export';
import { SERVICE_EXPORT_COLUMNS, SUPPLIER_EXPORT_COLUMNS } from '../catalogue/catalogue-export';

type Cells = Record<string, string | number | Date | null>;

const HEADERS = {
  Leverantörer: SUPPLIER_EXPORT_COLUMNS.map((column) => column.header),
  Tjänster: SERVICE_EXPORT_COLUMNS.map((column) => column.header),
  Avtal: AGREEMENT_EXPORT_COLUMNS.map((column) => column.header),
  Licenser: LICENCE_EXPORT_COLUMNS.map((column) => column.header),
};
type SheetName = keyof typeof HEADERS;

/** An .xlsx (base64) of the sheets given, each row by header; headers as the export writes them. */
async function workbook(
  sheets: Partial<Record<SheetName, Cells[]>>,
  headers: Partial<Record<SheetName, string[]>> = {},
): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets) as [SheetName, Cells[]][]) {
    const sheet = book.addWorksheet(name);
    const header = headers[name] ?? HEADERS[name];
    sheet.addRow(header);
    for (const row of rows) sheet.addRow(header.map((title) => row[title] ?? null));
  }
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

interface Fixture {
  org: string;
  supplier: Cells;
  service: Cells;
  agreement: Cells;
  licence: Cells;
}

describe('POST /api/imports', () => {
  let app: NestFastifyApplication;
  let procurement: TestClient;
  let manager: TestClient;
  let managerName: string;
  let units: { id: string; name: string }[];

  beforeAll(async () => {
    app = await createTestApp();
    procurement = await signedIn(app, await createTestAccount(['PROCUREMENT']));
    const managerAccount = await createTestAccount(['OBJECT_MANAGER']);
    managerName = `Test ${managerAccount.username}`;
    manager = await signedIn(app, managerAccount);
    units = [
      await createTestUnit({
        name: unique('Ekbackens skola, Norr'),
        schoolForms: ['GR'],
        compulsoryStages: ['F-3'],
      }),
      await createTestUnit({
        name: unique('Älvgymnasiet'),
        schoolForms: ['GY'],
        compulsoryStages: [],
      }),
    ];
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  /** One of each row, all good, under fresh keys. */
  function fixture(): Fixture {
    const org = uniqueOrganisationNumber();
    const number = unique('AV');
    const serviceName = unique('Läromedel');
    return {
      org,
      supplier: {
        Namn: unique('Import AB'),
        Organisationsnummer: org,
        Kontaktperson: 'Kim Kontakt',
        'E-post': 'kim@import.example',
        Webbadress: 'https://import.example',
      },
      service: {
        Namn: serviceName,
        'Leverantörens organisationsnummer': org,
        Kategori: 'Läromedel',
        Beskrivning: 'Digitala läromedel i svenska',
        Skolformer: 'Grundskola, Gymnasieskola',
        Språk: 'svenska, engelska',
        Webbadress: 'https://import.example/app',
        Inloggning: 'Federation (Skolfederation)',
        Personuppgifter: 'Elevers vanliga personuppgifter',
        'Lagring av data': 'Sverige',
        Katalogstatus: 'Godkänd',
      },
      agreement: {
        Avtalsnummer: number,
        Diarienummer: 'BOU 2026/17',
        Status: 'Gällande',
        Upphandlingsform: 'Avrop på ramavtal',
        Undertecknat: new Date(Date.UTC(2026, 0, 10)),
        Startdatum: new Date(Date.UTC(2026, 1, 1)),
        Slutdatum: new Date(Date.UTC(2028, 0, 31)),
        'Förnyas automatiskt': 'Nej',
        'Årskostnad (kr)': 120000.5,
        Kostnadsmodell: 'Per elev',
        'Personuppgiftsbiträdesavtal undertecknat': new Date(Date.UTC(2026, 0, 10)),
        Avtalsansvarig: managerName,
        'Leverantörens organisationsnummer': org,
        Ramavtal: 'Adda Digitala läromedel',
        Avropsreferens: 'AVROP-7',
        Förlängningsoptioner: 2,
        'Månader per förlängning': 12,
        'Utnyttjade förlängningar': 0,
        'Uppsägningstid (månader)': 6,
        'Framförhållning (dagar)': 60,
        'Avtalets skolformer': '',
        'Personuppgiftsbiträdesavtal finns': 'Ja',
        Underbiträden: 'Hosting AB',
      },
      licence: {
        Tjänst: serviceName,
        Avtalsnummer: number,
        Omfattning: 'Namngivna skolenheter',
        Skolenheter: units.map((unit) => unit.name).join(', '),
        'Antal platser': 300,
        'Platser i bruk': 120,
        Startdatum: '2026-02-01',
        Slutdatum: '2028-01-31',
        'Leverantörens organisationsnummer': org,
      },
    };
  }

  const goodFile = (f: Fixture) =>
    workbook({
      Leverantörer: [f.supplier],
      Tjänster: [f.service],
      Avtal: [f.agreement],
      Licenser: [f.licence],
    });

  async function send(client: TestClient, content: string, dryRun: boolean, name = 'avtal.xlsx') {
    return client.post('/api/imports', { dryRun, files: [{ name, content }] });
  }

  async function countsFor(org: string) {
    const { rows } = await testDatabase().query(
      `SELECT (SELECT count(*)::int FROM supplier WHERE organisation_number = $1) AS suppliers,
              (SELECT count(*)::int FROM agreement a JOIN supplier s ON s.id = a.supplier_id
                WHERE s.organisation_number = $1) AS agreements,
              (SELECT count(*)::int FROM licence l JOIN agreement a ON a.id = l.agreement_id
                 JOIN supplier s ON s.id = a.supplier_id WHERE s.organisation_number = $1) AS licences`,
      [org],
    );
    return rows[0] as { suppliers: number; agreements: number; licences: number };
  }

  it('checks a good workbook on a dry run, counting what it would create, and writes nothing', async () => {
    const f = fixture();
    const response = await send(manager, await goodFile(f), true);
    expect(response.status).toBe(200);
    expect(response.body).toEqual<ImportReport>({
      dryRun: true,
      imported: false,
      problems: [],
      sheets: [
        { sheet: 'Leverantörer', rows: 1, created: 1, updated: 0, unchanged: 0 },
        { sheet: 'Tjänster', rows: 1, created: 1, updated: 0, unchanged: 0 },
        { sheet: 'Avtal', rows: 1, created: 1, updated: 0, unchanged: 0 },
        { sheet: 'Licenser', rows: 1, created: 1, updated: 0, unchanged: 0 },
      ],
    });
    expect(await countsFor(f.org)).toEqual({ suppliers: 0, agreements: 0, licences: 0 });
  });

  it('imports every sheet, with history, and a re-import changes only what differs', async () => {
    const f = fixture();
    const first = await send(manager, await goodFile(f), false);
    expect(first.status).toBe(200);
    expect(first.body.imported).toBe(true);
    expect(await countsFor(f.org)).toEqual({ suppliers: 1, agreements: 1, licences: 1 });

    const { rows: suppliers } = await testDatabase().query(
      `SELECT id FROM supplier WHERE organisation_number = $1`,
      [f.org],
    );
    const list = await procurement.get(`/api/agreements?supplierId=${suppliers[0].id}`);
    const [agreement] = list.body.rows.filter(
      (row: { agreementNumber: string }) => row.agreementNumber === f.agreement['Avtalsnummer'],
    );
    expect(agreement).toMatchObject({
      caseNumber: 'BOU 2026/17',
      procurementRoute: 'FRAMEWORK',
      signedOn: '2026-01-10',
      startsOn: '2026-02-01',
      endsOn: '2028-01-31',
      extensionOptions: 2,
      extensionMonths: 12,
      annualCost: 120000.5,
      costModel: 'PER_PUPIL',
      ownerName: managerName,
      dataProcessingAgreement: {
        signed: true,
        signedOn: '2026-01-10',
        subProcessors: ['Hosting AB'],
      },
      version: 1,
    });
    const licences = await procurement.get(`/api/licences?agreementId=${agreement.id}`);
    expect(licences.body.rows).toHaveLength(1);
    expect(licences.body.rows[0].units.map((unit: { id: string }) => unit.id).sort()).toEqual(
      units.map((unit) => unit.id).sort(),
    );
    const history = await procurement.get(`/api/agreements/${agreement.id}/history`);
    expect(history.body).toEqual([
      expect.objectContaining({ kind: 'created', actorName: managerName }),
    ]);

    const again = await send(manager, await goodFile(f), false);
    expect(again.status).toBe(200);
    expect(again.body.sheets.map((s: { unchanged: number }) => s.unchanged)).toEqual([1, 1, 1, 1]);
    expect(await countsFor(f.org)).toEqual({ suppliers: 1, agreements: 1, licences: 1 });
    expect((await procurement.get(`/api/agreements/${agreement.id}`)).body.version).toBe(1);

    f.agreement['Årskostnad (kr)'] = 99000;
    f.licence['Antal platser'] = 350;
    const changed = await send(manager, await goodFile(f), false);
    expect(changed.status).toBe(200);
    expect(changed.body.sheets).toEqual([
      { sheet: 'Leverantörer', rows: 1, created: 0, updated: 0, unchanged: 1 },
      { sheet: 'Tjänster', rows: 1, created: 0, updated: 0, unchanged: 1 },
      { sheet: 'Avtal', rows: 1, created: 0, updated: 1, unchanged: 0 },
      { sheet: 'Licenser', rows: 1, created: 0, updated: 1, unchanged: 0 },
    ]);
    const after = (await procurement.get(`/api/agreements/${agreement.id}`)).body;
    expect(after).toMatchObject({ annualCost: 99000, version: 2 });
    const later = await procurement.get(`/api/agreements/${agreement.id}/history`);
    expect(later.body[1]).toMatchObject({
      kind: 'updated',
      changes: { annualCost: { old: 120000.5, new: 99000 } },
    });
  });

  it('reports every kind of bad row by sheet, row and column in Swedish, and imports none of the file', async () => {
    const f = fixture();
    const second = fixture();
    const rows = {
      Leverantörer: [
        f.supplier,
        // Row 3: the check digit is wrong.
        {
          ...second.supplier,
          Organisationsnummer: `${second.org.slice(0, 10)}${(Number(second.org[10]) + 1) % 10}`,
        },
        // Row 4: the same organisation number as row 2.
        { ...f.supplier, Namn: 'Dubblett AB' },
      ],
      Tjänster: [
        f.service,
        // Row 3: a category that is not one.
        { ...f.service, Namn: unique('Tjänst'), Kategori: 'Spel' },
      ],
      Avtal: [
        f.agreement,
        // Row 3: a supplier neither in the file nor in the registry.
        {
          ...f.agreement,
          Avtalsnummer: unique('AV'),
          'Leverantörens organisationsnummer': uniqueOrganisationNumber(),
        },
        // Row 4: the end before the start.
        { ...f.agreement, Avtalsnummer: unique('AV'), Slutdatum: '2025-01-01' },
        // Row 5: not a date, not an amount, not Ja/Nej, and no case number.
        {
          ...f.agreement,
          Avtalsnummer: unique('AV'),
          Undertecknat: '10/1/2026',
          'Årskostnad (kr)': 'tolv tusen',
          'Förnyas automatiskt': 'kanske',
          Diarienummer: '',
        },
      ],
      Licenser: [
        // Row 2: a unit the registry does not have.
        { ...f.licence, Skolenheter: 'Skolan som inte finns' },
        // Row 3: more seats in use than there are.
        {
          ...f.licence,
          Omfattning: 'Hela kommunen',
          Skolenheter: '',
          'Antal platser': 5,
          'Platser i bruk': 10,
        },
        // Row 4: the same agreement, service and scope as row 3.
        { ...f.licence, Omfattning: 'Hela kommunen', Skolenheter: '' },
        // Row 5: an agreement number nowhere.
        { ...f.licence, Avtalsnummer: 'FINNS-INTE', 'Leverantörens organisationsnummer': '' },
      ],
    };
    const content = await workbook(rows);

    const dry = await send(manager, content, true);
    expect(dry.status).toBe(200);
    const problems = dry.body.problems as ImportProblem[];
    const at = (sheet: string, row: number, column: string | null) =>
      problems.filter((p) => p.sheet === sheet && p.row === row && p.column === column);
    expect(at('Leverantörer', 3, 'Organisationsnummer')[0]?.message).toMatch(/kontrollsiffra/);
    expect(at('Leverantörer', 4, 'Organisationsnummer')[0]?.message).toMatch(
      /finns redan på rad 2/,
    );
    expect(at('Tjänster', 3, 'Kategori')[0]?.message).toMatch(/"Spel" är inte ett av värdena/);
    expect(at('Avtal', 3, 'Leverantörens organisationsnummer')[0]?.message).toMatch(
      /Ingen leverantör med organisationsnummer/,
    );
    expect(at('Avtal', 4, 'Slutdatum')[0]?.message).toBe('Slutdatum är före startdatum.');
    expect(at('Avtal', 5, 'Undertecknat')[0]?.message).toMatch(/inget datum: skriv ÅÅÅÅ-MM-DD/);
    expect(at('Avtal', 5, 'Årskostnad (kr)')[0]?.message).toMatch(/inget belopp i kronor/);
    expect(at('Avtal', 5, 'Förnyas automatiskt')[0]?.message).toMatch(/Skriv Ja eller Nej/);
    expect(at('Avtal', 5, 'Diarienummer')[0]?.message).toBe('Diarienummer måste fyllas i.');
    expect(at('Licenser', 2, 'Skolenheter')[0]?.message).toBe(
      'Okänd skolenhet "Skolan som inte finns".',
    );
    expect(at('Licenser', 3, 'Platser i bruk')[0]?.message).toMatch(/Fler platser i bruk/);
    expect(at('Licenser', 4, null)[0]?.message).toMatch(/finns redan på rad 3/);
    expect(at('Licenser', 5, 'Avtalsnummer')[0]?.message).toMatch(
      /Inget avtal med nummer FINNS-INTE/,
    );
    expect(problems).toHaveLength(13);

    const real = await send(manager, content, false);
    expect(real.status).toBe(400);
    expect(real.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(real.body.report.problems).toEqual(problems);
    expect(real.body.errors[0].field).toBe('files');
    expect(await countsFor(f.org)).toEqual({ suppliers: 0, agreements: 0, licences: 0 });
  });

  it('names an unknown sheet, an unknown header and a missing one before reading any row', async () => {
    const f = fixture();
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Kontrakt').addRow(['Avtalsnummer']);
    const suppliers = book.addWorksheet('Leverantörer');
    suppliers.addRow(['Namn', 'Orgnr', 'Kontaktperson', 'E-post', 'Webbadress']);
    suppliers.addRow([f.supplier['Namn'], f.org, null, null, null]);
    const content = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');

    const response = await send(manager, content, true);
    expect(response.status).toBe(200);
    expect(response.body.problems).toEqual([
      expect.objectContaining({ sheet: 'Kontrakt', row: 0, column: null }),
      {
        sheet: 'Leverantörer',
        row: 1,
        column: 'Orgnr',
        message: 'Okänd kolumn "Orgnr": rubrikerna är exportens (hämta mallen).',
      },
      {
        sheet: 'Leverantörer',
        row: 1,
        column: 'Organisationsnummer',
        message: 'Kolumnen "Organisationsnummer" saknas.',
      },
    ]);
    expect(response.body.problems[0].message).toMatch(/Okänt blad "Kontrakt"/);
  });

  it('refuses a file that is no workbook, and one with no name to tell its sheet', async () => {
    const broken = await send(manager, Buffer.from('inte en arbetsbok').toString('base64'), true);
    expect(broken.body.problems).toEqual([
      {
        sheet: 'avtal.xlsx',
        row: 0,
        column: null,
        message: 'Filen går inte att läsa som en Excel-arbetsbok (.xlsx).',
      },
    ]);
    const nameless = await send(
      manager,
      Buffer.from('Namn;Organisationsnummer').toString('base64'),
      true,
      'data.csv',
    );
    expect(nameless.body.problems[0].message).toMatch(/Av filnamnet framgår inte vilket blad/);
    const bad = await manager.post('/api/imports', { dryRun: true, files: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['files']);
  });

  it('takes the exports’ CSV files, one per sheet', async () => {
    const f = fixture();
    const csv = (name: SheetName, rows: Cells[]) =>
      '\uFEFF' +
      [HEADERS[name], ...rows.map((row) => HEADERS[name].map((h) => row[h] ?? ''))]
        .map((cells) =>
          cells
            .map((cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell)))
            .map((cell) => (/[;"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
            .join(';'),
        )
        .join('\r\n');
    f.agreement['Årskostnad (kr)'] = '120000,50';
    const files = [
      { name: 'leverantorer-2026-12-04.csv', content: csv('Leverantörer', [f.supplier]) },
      { name: 'tjanster-2026-12-04.csv', content: csv('Tjänster', [f.service]) },
      { name: 'avtal-2026-12-04.csv', content: csv('Avtal', [f.agreement]) },
      { name: 'licenser-2026-12-04.csv', content: csv('Licenser', [f.licence]) },
    ].map((file) => ({ name: file.name, content: Buffer.from(file.content).toString('base64') }));

    const response = await manager.post('/api/imports', { dryRun: false, files });
    expect(response.status).toBe(200);
    expect(response.body.problems).toEqual([]);
    expect(await countsFor(f.org)).toEqual({ suppliers: 1, agreements: 1, licences: 1 });
    const { rows } = await testDatabase().query(
      `SELECT annual_cost::float8 AS cost FROM agreement WHERE agreement_number = $1`,
      [f.agreement['Avtalsnummer']],
    );
    expect(rows[0].cost).toBe(120000.5);
  });

  it('lets procurement import agreements for services that exist, but not add services', async () => {
    const f = fixture();
    const refused = await send(procurement, await goodFile(f), true);
    expect(refused.body.problems).toEqual([
      expect.objectContaining({ sheet: 'Tjänster', row: 2, column: null }),
    ]);
    expect(refused.body.problems[0].message).toMatch(/Bara objektspecialist och objektägare/);

    await send(
      manager,
      await workbook({ Leverantörer: [f.supplier], Tjänster: [f.service] }),
      false,
    );
    const allowed = await send(procurement, await goodFile(f), false);
    expect(allowed.status).toBe(200);
    expect(allowed.body.sheets[1]).toMatchObject({ sheet: 'Tjänster', unchanged: 1 });
    expect(await countsFor(f.org)).toEqual({ suppliers: 1, agreements: 1, licences: 1 });
  });

  it('gives the empty template: the four sheets with the exports’ headers', async () => {
    const response = await download(app, procurement, '/api/imports/template');
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="importmall-avtal.xlsx"',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(Object.keys(HEADERS));
    for (const sheet of book.worksheets) {
      expect(sheet.actualRowCount).toBe(1);
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
        HEADERS[sheet.name as SheetName],
      );
    }
  });
});
