import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { ImportReport } from '@licensregistret/domain';

import { AgreementImportStore, base64Of, filesProblem } from './agreement-import.store';

const file = (name: string, text = 'x') => new File([text], name);
const clean: ImportReport = {
  dryRun: true,
  imported: false,
  problems: [],
  sheets: [{ sheet: 'Avtal', rows: 1, created: 1, updated: 0, unchanged: 0 }],
};

describe('AgreementImportStore', () => {
  let http: HttpTestingController;
  let store: AgreementImportStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), AgreementImportStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AgreementImportStore);
  });

  afterEach(() => http.verify());

  async function send(report: ImportReport | { status: number; body: object }, dryRun = true) {
    const done = dryRun ? store.check() : store.import();
    const request = http.expectOne({ method: 'POST', url: '/api/imports' });
    expect(request.request.body.dryRun).toBe(dryRun);
    if ('status' in report) {
      request.flush(report.body, { status: report.status, statusText: 'Bad Request' });
    } else {
      request.flush(report);
    }
    await done;
    return request.request.body;
  }

  it('sends the chosen file base64-encoded, and allows importing only after a clean dry run', async () => {
    await store.choose([file('avtal.xlsx', 'hej')]);
    expect(store.canImport()).toBe(false);

    const body = await send(clean);

    expect(body.files).toEqual([{ name: 'avtal.xlsx', content: btoa('hej') }]);
    expect(store.canImport()).toBe(true);
    await send({ ...clean, dryRun: false, imported: true }, false);
    expect(store.state().report?.imported).toBe(true);
    expect(store.canImport()).toBe(false);
  });

  it('keeps the problems of a dry run and refuses to import them', async () => {
    await store.choose([file('avtal.xlsx')]);
    await send({
      ...clean,
      problems: [
        { sheet: 'Avtal', row: 2, column: 'Slutdatum', message: 'Slutdatum är före startdatum.' },
      ],
    });
    expect(store.canImport()).toBe(false);
    expect(store.state().report?.problems).toHaveLength(1);
  });

  it('shows the report a refused import carries', async () => {
    await store.choose([file('avtal.xlsx')]);
    await send(clean);
    const report = {
      ...clean,
      dryRun: false,
      problems: [{ sheet: 'Avtal', row: 3, column: null, message: 'Fel' }],
    };
    await send({ status: 400, body: { status: 400, title: 'Bad Request', report } }, false);
    expect(store.state().report).toEqual(report);
    expect(store.state().error).toBeNull();
  });

  it('a new choice forgets the last check', async () => {
    await store.choose([file('avtal.xlsx')]);
    await send(clean);
    await store.choose([file('avtal.xlsx', 'annan')]);
    expect(store.state().report).toBeNull();
    expect(store.canImport()).toBe(false);
  });
});

describe('filesProblem', () => {
  it('takes one workbook or CSV files named for their sheets', () => {
    expect(filesProblem([file('avtal.xlsx')])).toBeNull();
    expect(filesProblem([file('avtal-2026-12-04.csv'), file('Licenser.csv')])).toBeNull();
    expect(filesProblem([])).toMatch(/Välj en Excel-arbetsbok/);
    expect(filesProblem([file('avtal.xlsx'), file('avtal.csv')])).toMatch(/inte båda/);
    expect(filesProblem([file('avtal.pdf')])).toMatch(/varken en Excel-arbetsbok/);
    expect(filesProblem([file('data.csv')])).toMatch(/framgår inte vilket blad/);
  });
});

describe('base64Of', () => {
  it('encodes bytes beyond one chunk', async () => {
    const bytes = new Uint8Array(70_000).map((_, index) => index % 256);
    const encoded = await base64Of(new Blob([bytes]));
    expect(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0))).toEqual(bytes);
  });
});
