import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import {
  SCHOOL_UNIT_IMPORT_TEMPLATE_HEADER,
  type SchoolUnitImportReport,
} from '@licensregistret/domain';

import {
  closeTestDatabase,
  createTestAccount,
  createTestAdministration,
  createTestUnit,
  testDatabase,
  unique,
  uniqueUnitCode,
} from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { type TestClient, signedIn } from '../../test/test-client';

describe('POST /api/school-units/import', () => {
  let app: NestFastifyApplication;
  let admin: TestClient;
  let administrationId: string;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await signedIn(app, await createTestAccount(['ADMIN']));
    administrationId = await createTestAdministration();
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  async function unitsNamed(prefix: string): Promise<
    {
      name: string;
      code: string | null;
      school_forms: string[];
      compulsory_stages: string[];
      pupil_count: number;
      network_group: string;
    }[]
  > {
    const { rows } = await testDatabase().query(
      `SELECT name, code, school_forms, compulsory_stages, pupil_count, network_group
         FROM school_unit WHERE name LIKE $1 || '%' ORDER BY name`,
      [prefix],
    );
    return rows;
  }

  function goodFile(
    prefix: string,
    separator = ',',
    header = ['name', 'code', 'forms', 'pupils', 'group'],
  ) {
    const codes = [uniqueUnitCode(), uniqueUnitCode()];
    const csv = [
      header,
      [`${prefix} Ekbacken`, codes[0], 'GR:F-3 GR:4-6', '310', 'Norr'],
      [`${prefix} Gymnasiet`, codes[1], 'GY GYS', '900', 'centrum'],
      [`${prefix} Förskolan Myran`, '', 'FS', '64', 'Landsbygd'],
    ]
      .map((row) => row.join(separator))
      .join('\r\n');
    return { csv, codes };
  }

  it('checks a good file on a dry run and writes nothing', async () => {
    const prefix = unique('Import');
    const response = await admin.post('/api/school-units/import', {
      csv: goodFile(prefix).csv,
      dryRun: true,
      administrationId,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual<SchoolUnitImportReport>({
      dryRun: true,
      rows: 3,
      imported: 0,
      errors: [],
    });
    expect(await unitsNamed(prefix)).toEqual([]);
  });

  it('imports a good file with the Swedish header row of the template, ; as Excel writes it', async () => {
    const prefix = unique('Import');
    const { csv, codes } = goodFile(
      prefix,
      ';',
      SCHOOL_UNIT_IMPORT_TEMPLATE_HEADER.split(';').map((cell) => ` ${cell.toUpperCase()} `),
    );
    const response = await admin.post('/api/school-units/import', {
      csv,
      dryRun: false,
      administrationId,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ dryRun: false, rows: 3, imported: 3, errors: [] });
    expect(await unitsNamed(prefix)).toEqual([
      {
        name: `${prefix} Ekbacken`,
        code: codes[0],
        school_forms: ['GR'],
        compulsory_stages: ['F-3', '4-6'],
        pupil_count: 310,
        network_group: 'Norr',
      },
      {
        name: `${prefix} Förskolan Myran`,
        code: null,
        school_forms: ['FS'],
        compulsory_stages: [],
        pupil_count: 64,
        network_group: 'Landsbygd',
      },
      {
        name: `${prefix} Gymnasiet`,
        code: codes[1],
        school_forms: ['GY', 'GYS'],
        compulsory_stages: [],
        pupil_count: 900,
        network_group: 'Centrum',
      },
    ]);
  });

  it('reports every bad row by line and imports nothing, even the good rows', async () => {
    const prefix = unique('Import');
    const existing = await createTestUnit({ administrationId });
    const repeated = uniqueUnitCode();
    const csv = [
      'name,code,forms,pupils,group',
      `${prefix} Bra skola,${uniqueUnitCode()},GR:7-9,400,Norr`,
      `${prefix} Kort kod,1234,GR:7-9,400,Norr`,
      `,${uniqueUnitCode()},FS,20,Söder`,
      `${prefix} Fel form,${uniqueUnitCode()},SFI,20,Söder`,
      `${prefix} Fel antal,${uniqueUnitCode()},GY,många,Öster`,
      `${prefix} Fel grupp,${uniqueUnitCode()},GY,10,Mitten`,
      `${prefix} Första,${repeated},GY,10,Väster`,
      `${prefix} Andra,${repeated},GY,10,Väster`,
      `${prefix} Finns redan,${existing.code},GY,10,Väster`,
      // A right-to-left override: the name would show as something else than it is.
      `${prefix} Dold \u202Etext,${uniqueUnitCode()},GY,10,Väster`,
    ].join('\n');

    for (const dryRun of [true, false]) {
      const response = await admin.post('/api/school-units/import', {
        csv,
        dryRun,
        administrationId,
      });
      const report: SchoolUnitImportReport = dryRun ? response.body : response.body.report;
      expect(response.status).toBe(dryRun ? 200 : 400);
      expect(report.rows).toBe(10);
      expect(report.imported).toBe(0);
      expect(report.errors.map((error) => [error.line, error.field, error.code])).toEqual([
        [3, 'code', 'CODE_FORMAT'],
        [4, 'name', 'NAME_REQUIRED'],
        [5, 'forms', 'FORMS_INVALID'],
        [6, 'pupils', 'PUPILS_INVALID'],
        [7, 'group', 'GROUP_UNKNOWN'],
        [9, 'code', 'CODE_REPEATED'],
        [10, 'code', 'CODE_TAKEN'],
        [11, 'name', 'NAME_UNSAFE'],
      ]);
      expect(report.errors[5]?.params).toMatchObject({ code: repeated, otherLine: 8 });
      expect(report.errors[5]?.message).toMatch(/also on line 8/);
      expect(report.errors[6]?.message).toMatch(/already exists/);
    }
    expect(await unitsNamed(prefix)).toEqual([]);
  });

  it('reports missing columns on line 1', async () => {
    const response = await admin.post('/api/school-units/import', {
      csv: 'name,code,pupils\nSkola,12345678,10',
      dryRun: true,
      administrationId,
    });
    expect(response.body.errors).toEqual([
      {
        line: 1,
        field: 'header',
        code: 'HEADER_MISSING_COLUMNS',
        params: { columns: 'Skolformer, Nätverksgrupp' },
        message: 'missing columns: forms, group',
      },
    ]);
  });

  it('refuses a body without dryRun, naming it', async () => {
    const response = await admin.post('/api/school-units/import', {
      csv: 'name',
      administrationId,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['dryRun']);
  });

  it('is for admins only', async () => {
    const specialist = await signedIn(app, await createTestAccount(['OBJECT_SPECIALIST']));
    const response = await specialist.post('/api/school-units/import', { csv: 'x', dryRun: true });
    expect(response.status).toBe(403);
  });
});
