import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';

import { type Agreement, type Licence, todayInSweden } from '@licensregistret/domain';

import { download, readCsv, readXlsx } from '../../test/download';
import {
  agreementBody,
  closeTestDatabase,
  createTestAccount,
  createTestService,
  createTestSupplier,
  createTestUnit,
  unique,
} from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';
import { cursorPages } from '../common/export/sql-cursor';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An ISO date as the exceljs reader gives a date cell back. */
const utc = (date: string) => new Date(`${date}T00:00:00.000Z`);

describe('exports of agreements and licences', () => {
  let app: NestFastifyApplication;
  let procurement: TestClient;
  let reader: TestClient;
  let supplierId: string;
  /** The supplier's three agreements, most expensive first. */
  let agreements: Agreement[];
  let licences: Licence[];

  beforeAll(async () => {
    app = await createTestApp();
    procurement = await signedIn(app, await createTestAccount(['PROCUREMENT']));
    reader = await signedIn(app, await createTestAccount(['READ_ONLY']));
    const supplier = await createTestSupplier();
    const other = await createTestSupplier();
    supplierId = supplier.id;
    const bodies = [
      agreementBody(supplierId, { annualCost: 250000.5, endsOn: '2028-06-30' }),
      // A spreadsheet must never run what a cell says.
      agreementBody(supplierId, {
        agreementNumber: `=HYPERLINK("https://evil.example";"${Date.now()}")`,
        annualCost: 90000,
        signedOn: null,
      }),
      agreementBody(supplierId, { annualCost: 1200, endsOn: '2027-12-31' }),
      agreementBody(other.id, { annualCost: 500000 }),
    ];
    const created: Agreement[] = [];
    for (const body of bodies) {
      const response = await procurement.post('/api/agreements', body);
      expect(response.status).toBe(201);
      created.push(response.body as Agreement);
    }
    agreements = created.filter((a) => a.supplierId === supplierId);
    const service = await createTestService(supplierId, { schoolForms: ['GR', 'GY'] });
    const unit = await createTestUnit({ name: unique('Exportskolan') });
    licences = [];
    for (const [index, agreement] of agreements.slice(0, 2).entries()) {
      const response = await procurement.post('/api/licences', {
        agreementId: agreement.id,
        serviceId: service.id,
        // Named units of this test's own: other tests' units never see these licences.
        scope: index === 0 ? 'UNITS' : 'SCHOOL_FORMS',
        unitIds: index === 0 ? [unit.id] : [],
        schoolForms: index === 0 ? [] : ['GR'],
        seatCount: index === 0 ? 1000 : null,
        startsOn: agreement.startsOn,
        endsOn: agreement.endsOn,
      });
      expect(response.status).toBe(201);
      licences.push(response.body as Licence);
    }
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  describe('GET /api/agreements/export', () => {
    const query = () => `supplierId=${supplierId}&sort=annualCost:desc`;

    it('opens with the exceljs reader: Swedish headers, exactly the filtered rows in the grid’s order', async () => {
      const list = await reader.get(`/api/agreements?${query()}`);
      expect(list.body.total).toBe(3);

      const response = await download(app, reader, `/api/agreements/export?${query()}&format=xlsx`);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="avtal-${todayInSweden()}.xlsx"`,
      );
      const { name, rows } = await readXlsx(response.body);
      expect(name).toBe('Avtal');
      const [header, ...data] = rows as [string[], ...unknown[][]];
      expect(header.slice(0, 5)).toEqual([
        'Avtalsnummer',
        'Diarienummer',
        'Tjänster',
        'Leverantör',
        'Status',
      ]);
      const column = (title: string) => header.indexOf(title);
      expect(data.map((row) => row[0])).toEqual(
        (list.body.rows as Agreement[]).map((a) => a.agreementNumber),
      );
      expect(data.map((row) => row[column('Årskostnad (kr)')])).toEqual([250000.5, 90000, 1200]);
      const [first] = list.body.rows as Agreement[];
      expect(data[0]?.[column('Slutdatum')]).toEqual(utc('2028-06-30'));
      expect(data[0]?.[column('Sista dag att säga upp')]).toEqual(
        utc(first?.lastDayToGiveNotice ?? ''),
      );
      expect(data[0]?.[column('Status')]).toBe('Aktivt');
      expect(data[0]?.[column('Förnyas automatiskt')]).toBe('Nej');
      expect(data[0]?.[column('Tjänster')]).toMatch(/^Tjänst-/);
      // A draft has no signed date: the cell is empty.
      expect(data[1]?.[column('Undertecknat')]).toBeNull();
      // Text stays text in a workbook: never a formula.
      expect(data[1]?.[0]).toMatch(/^=HYPERLINK/);
    });

    it('as CSV: a BOM, semicolons, Swedish dates and amounts, formulas defused', async () => {
      const response = await download(app, reader, `/api/agreements/export?${query()}&format=csv`);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="avtal-${todayInSweden()}.csv"`,
      );
      const { bom, rows } = readCsv(response.body);
      expect(bom).toBe(true);
      const [header, ...data] = rows as [string[], ...string[][]];
      expect(header.slice(0, 2)).toEqual(['Avtalsnummer', 'Diarienummer']);
      expect(data).toHaveLength(3);
      const column = (title: string) => header.indexOf(title);
      expect(data.map((row) => row[column('Årskostnad (kr)')])).toEqual([
        '250000,50',
        '90000,00',
        '1200,00',
      ]);
      expect(data[0]?.[column('Slutdatum')]).toBe('2028-06-30');
      expect(data[1]?.[column('Undertecknat')]).toBe('');
      // The formula starts with an apostrophe (quoted in the file for its semicolon and quotes).
      expect(data[1]?.[0]).toBe(`'${agreements[1]?.agreementNumber}`);
    });

    it('takes the list’s filters: a status that none of the supplier’s agreements has gives only the header', async () => {
      const response = await download(
        app,
        reader,
        `/api/agreements/export?supplierId=${supplierId}&status=TERMINATED&format=csv`,
      );
      expect(response.status).toBe(200);
      expect(readCsv(response.body).rows).toHaveLength(1);
      const xlsx = await download(
        app,
        reader,
        `/api/agreements/export?supplierId=${supplierId}&status=TERMINATED&format=xlsx`,
      );
      expect((await readXlsx(xlsx.body)).rows).toHaveLength(1);
    });

    it.each([
      ['no format', ''],
      ['an unknown format', '&format=pdf'],
    ])('refuses %s: 400 naming format', async (_, format) => {
      const response = await reader.get(`/api/agreements/export?supplierId=${supplierId}${format}`);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
        'format',
      ]);
    });

    it('refuses a bad filter as the list does', async () => {
      const response = await reader.get('/api/agreements/export?format=csv&sort=nonsense:asc');
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['sort']);
    });
  });

  describe('GET /api/licences/export', () => {
    it('exports the licences of the filter, in the list’s order', async () => {
      const service = licences[0]?.serviceId ?? '';
      const response = await download(
        app,
        reader,
        `/api/licences/export?serviceId=${service}&format=xlsx`,
      );
      expect(response.status).toBe(200);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="licenser-${todayInSweden()}.xlsx"`,
      );
      const { rows } = await readXlsx(response.body);
      const [header, ...data] = rows as [string[], ...unknown[][]];
      expect(header).toEqual([
        'Tjänst',
        'Avtalsnummer',
        'Omfattning',
        'Skolformer',
        'Skolenheter',
        'Antal platser',
        'Platser i bruk',
        'Startdatum',
        'Slutdatum',
        'Leverantörens organisationsnummer',
      ]);
      const list = await reader.get(`/api/licences?serviceId=${service}`);
      expect(data.map((row) => row[1])).toEqual(
        (list.body.rows as Licence[]).map((licence) => licence.agreementNumber),
      );
      expect(data).toHaveLength(2);
      const units = data.find((row) => row[2] === 'Namngivna skolenheter');
      expect(units?.[4]).toMatch(/^Exportskolan-/);
      expect(units?.[5]).toBe(1000);
      const forms = data.find((row) => row[2] === 'Skolformer');
      expect(forms?.[3]).toBe('Grundskola');
      expect(forms?.[5]).toBeNull();
    });

    it('as CSV, filtered by agreement', async () => {
      const agreement = agreements[0]?.id ?? '';
      const response = await download(
        app,
        reader,
        `/api/licences/export?agreementId=${agreement}&format=csv`,
      );
      expect(response.status).toBe(200);
      const { rows } = readCsv(response.body);
      expect(rows).toHaveLength(2);
      expect(rows[1]?.slice(1, 3)).toEqual([
        agreements[0]?.agreementNumber,
        'Namngivna skolenheter',
      ]);
    });

    it('refuses a bad format: 400 naming format', async () => {
      const response = await reader.get('/api/licences/export?format=XLSX');
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([
        'format',
      ]);
    });
  });

  describe('reading through a cursor', () => {
    it('pages through a query from one snapshot, and gives the connection back when stopped early', async () => {
      const dataSource = app.get(DataSource);
      const pages: number[][] = [];
      for await (const page of cursorPages<{ n: number }>(
        dataSource,
        'SELECT n FROM generate_series(1, $1::int) AS n ORDER BY n',
        [7],
        3,
      )) {
        pages.push(page.map((row) => row.n));
      }
      expect(pages).toEqual([[1, 2, 3], [4, 5, 6], [7]]);

      for (let round = 0; round < 20; round += 1) {
        for await (const page of cursorPages(dataSource, 'SELECT 1 AS n', [], 1)) {
          expect(page).toHaveLength(1);
          break;
        }
      }
      // Twenty early stops later the pool still answers: no connection was kept.
      await expect(dataSource.query('SELECT 1 AS ok')).resolves.toEqual([{ ok: 1 }]);
    });
  });
});
