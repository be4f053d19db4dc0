import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { SchoolUnitImportReport } from '@licensregistret/domain';

import { ImportStore } from './import.store';

const csv = 'name,code,forms,pupils,group\nHagaskolan,12345678,GR:F-3,100,Norr';
const clean: SchoolUnitImportReport = { dryRun: true, rows: 1, imported: 0, errors: [] };

describe('ImportStore', () => {
  let http: HttpTestingController;
  let store: ImportStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), ImportStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(ImportStore);
  });

  afterEach(() => http.verify());

  async function dryRun(report: SchoolUnitImportReport): Promise<void> {
    const done = store.check();
    const request = http.expectOne({ method: 'POST', url: '/api/school-units/import' });
    expect(request.request.body).toEqual({ csv, dryRun: true });
    request.flush(report);
    await done;
  }

  it('allows importing only after a dry run without errors', async () => {
    store.setCsv(csv);
    expect(store.canImport()).toBe(false);

    await dryRun(clean);

    expect(store.canImport()).toBe(true);
  });

  it('does not allow importing a file with errors', async () => {
    store.setCsv(csv);
    await dryRun({
      ...clean,
      errors: [
        {
          line: 2,
          field: 'code',
          code: 'CODE_FORMAT',
          params: { value: '123' },
          message: 'must be 8 digits',
        },
      ],
    });

    expect(store.canImport()).toBe(false);
    expect(store.state().report?.errors[0].line).toBe(2);
  });

  it('asks to check again when the text changes after the dry run', async () => {
    store.setCsv(csv);
    await dryRun(clean);

    store.setCsv(`${csv}\nNy skola,,FS,10,Söder`);

    expect(store.canImport()).toBe(false);
    expect(store.state().report).toBeNull();
  });

  it('imports the checked text and tells how many units were written', async () => {
    store.setCsv(csv);
    await dryRun(clean);

    const done = store.import();
    const request = http.expectOne('/api/school-units/import');
    expect(request.request.body).toEqual({ csv, dryRun: false });
    request.flush({ dryRun: false, rows: 1, imported: 1, errors: [] });
    await done;

    expect(store.state().imported).toBe(1);
    expect(store.canImport()).toBe(false);
  });

  it('reads the report of a refused import from the 400 problem', async () => {
    store.setCsv(csv);
    await dryRun(clean);

    const done = store.import();
    http.expectOne('/api/school-units/import').flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        report: {
          dryRun: false,
          rows: 1,
          imported: 0,
          errors: [
            {
              line: 2,
              field: 'code',
              code: 'CODE_TAKEN',
              params: { code: '12345678' },
              message: 'a unit with the code 12345678 already exists',
            },
          ],
        },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await done;

    expect(store.state().imported).toBe(0);
    expect(store.state().report?.errors).toEqual([
      {
        line: 2,
        field: 'code',
        code: 'CODE_TAKEN',
        params: { code: '12345678' },
        message: 'a unit with the code 12345678 already exists',
      },
    ]);
    expect(store.state().error).toBeNull();
  });

  it('asks for a file before checking an empty text', async () => {
    await store.check();
    http.expectNone('/api/school-units/import');
    expect(store.state().error).toContain('Välj en CSV-fil');
  });
});
