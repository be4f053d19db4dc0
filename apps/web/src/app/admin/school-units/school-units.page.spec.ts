import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { Page, SchoolUnit } from '@licensregistret/domain';

import { SchoolUnitsPage } from './school-units.page';

const unit: SchoolUnit = {
  id: 'u1',
  administrationId: 'a1',
  name: 'Hagaskolan F-6',
  code: '12345678',
  schoolForms: ['FS', 'GR'],
  compulsoryStages: ['F-3', '4-6'],
  pupilCount: 320,
  networkGroup: 'Norr',
  principalId: 'p1',
  principalName: 'Rut Rektor',
  version: 1,
};

describe('SchoolUnitsPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [SchoolUnitsPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function waitFor<T>(find: () => T | null | undefined): Promise<T> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const found = find();
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('Timed out');
  }

  it('pages the units from the server into the grid, each name a link to its form', async () => {
    const fixture = TestBed.createComponent(SchoolUnitsPage);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;

    const request = await waitFor(() => http.match((r) => r.url === '/api/school-units')[0]);
    expect(request.request.params.get('offset')).toBe('0');
    expect(request.request.params.get('limit')).toBe('100');
    expect(request.request.params.get('sort')).toBe('name:asc');
    request.flush({ rows: [unit], total: 1 } satisfies Page<SchoolUnit>);
    fixture.detectChanges();

    const link = await waitFor(() => element.querySelector<HTMLAnchorElement>('.ag-cell a'));
    expect(link.textContent?.trim()).toBe('Hagaskolan F-6');
    expect(link.getAttribute('href')).toBe('/administration/skolenheter/u1');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('1 skolenhet');
    const headers = [...element.querySelectorAll('.ag-header-cell-text')].map((h) => h.textContent);
    expect(headers).toEqual([
      'Namn',
      'Skolenhetskod',
      'Skolformer',
      'Elever',
      'Nätverksgrupp',
      'Rektor',
    ]);
  });

  it('labels the filters and asks the server again when one changes', async () => {
    const fixture = TestBed.createComponent(SchoolUnitsPage);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    (await waitFor(() => http.match((r) => r.url === '/api/school-units')[0])).flush({
      rows: [],
      total: 0,
    });

    for (const id of ['unit-search', 'unit-network-group', 'unit-school-form']) {
      expect(element.querySelector(`label[for="${id}"]`)?.textContent?.trim()).toBeTruthy();
    }
    const select = element.querySelector<HTMLSelectElement>('#unit-network-group');
    if (!select) throw new Error('No network group filter');
    select.value = 'Öster';
    select.dispatchEvent(new Event('change'));
    fixture.detectChanges();

    const again = await waitFor(() => http.match((r) => r.url === '/api/school-units')[0]);
    expect(again.request.params.get('networkGroup')).toBe('Öster');
    again.flush({ rows: [], total: 0 });
  });
});
