import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { SchoolUnitImportReport } from '@licensregistret/domain';

import { ImportPage } from './import.page';

describe('ImportPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ImportPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists the errors of a dry run in Swedish, by line and column', async () => {
    const fixture = TestBed.createComponent(ImportPage);
    fixture.detectChanges();
    http.expectOne('/api/administrations').flush([]);
    const element = fixture.nativeElement as HTMLElement;

    const textarea = element.querySelector<HTMLTextAreaElement>('#import-csv');
    if (!textarea) throw new Error('No CSV field');
    textarea.value = 'name;code;forms;pupils;group\nEkeskolan;1234;GR:F-3;tio;Mitten';
    textarea.dispatchEvent(new Event('input'));
    [...element.querySelectorAll('button')]
      .find((button) => button.textContent?.includes('Kontrollera fil'))
      ?.click();

    const report: SchoolUnitImportReport = {
      dryRun: true,
      rows: 1,
      imported: 0,
      errors: [
        {
          line: 2,
          field: 'code',
          code: 'CODE_FORMAT',
          params: { value: '1234' },
          message: 'the school unit code is 8 digits (or empty for a pre-school)',
        },
        {
          line: 2,
          field: 'pupils',
          code: 'PUPILS_INVALID',
          params: { value: 'tio' },
          message: 'the pupil count is a whole number, 0 or more',
        },
        {
          line: 1,
          field: 'header',
          code: 'HEADER_MISSING_COLUMNS',
          params: { columns: 'group' },
          message: 'missing columns: group',
        },
      ],
    };
    http.expectOne('/api/school-units/import').flush(report);
    await fixture.whenStable();
    fixture.detectChanges();

    const table = element.querySelector('table');
    expect(table?.querySelector('caption')?.textContent?.trim()).toBe('Fel i filen');
    const rows = [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      [
        '2',
        'Skolenhetskod',
        '”1234” är ingen skolenhetskod. Koden är åtta siffror, eller tom för en förskola.',
      ],
      ['2', 'Elever', '”tio”: antalet elever ska vara ett heltal, 0 eller fler.'],
      ['1', 'Rubrikraden', 'Rubrikraden saknar kolumnerna group.'],
    ]);
    expect(table?.textContent).not.toContain('8 digits');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Filen har 3 fel');
  });

  it('offers an empty template with the Swedish header row to download', async () => {
    const fixture = TestBed.createComponent(ImportPage);
    fixture.detectChanges();
    http.expectOne('/api/administrations').flush([]);
    const link = (fixture.nativeElement as HTMLElement).querySelector<HTMLAnchorElement>(
      'a[download]',
    );
    expect(link?.textContent?.trim()).toBe('Ladda ner en tom mall (CSV)');
    expect(link?.getAttribute('download')).toBe('skolenheter-mall.csv');
    expect(decodeURIComponent(link?.getAttribute('href')?.split(',')[1] ?? '')).toBe(
      '\uFEFFNamn;Skolenhetskod;Skolformer;Elever;Nätverksgrupp\r\n',
    );
  });
});
