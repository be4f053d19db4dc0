import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { LicenceFormPage } from './licence-form.page';

const agreement = {
  id: 'a1',
  agreementNumber: 'BG-1',
  supplierId: 's1',
  supplierName: 'Begreppa AB',
  startsOn: '2025-07-01',
  endsOn: '2027-06-30',
  scopeSchoolForms: ['GR'],
  version: 1,
};
const services = [
  { id: 'sv2', name: 'Annat verktyg', supplierId: 's2' },
  { id: 'sv1', name: 'Begreppa', supplierId: 's1' },
];
const units = [
  { id: 'u1', name: 'Hagaskolan F-6', schoolForms: ['GR'] },
  { id: 'u2', name: 'Mellringeskolan 7-9', schoolForms: ['GR'] },
  { id: 'u3', name: 'Förskolan Västra skolan', schoolForms: ['FS'] },
];

describe('LicenceFormPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [LicenceFormPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(LicenceFormPage);
    fixture.componentRef.setInput('id', 'a1');
    fixture.detectChanges();
    http.expectOne('/api/agreements/a1').flush(agreement);
    http.expectOne((r) => r.url === '/api/services').flush({ rows: services, total: 2 });
    http.expectOne((r) => r.url === '/api/school-units').flush({ rows: units, total: 3 });
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    await settle();
    return { element, settle };
  }

  it('offers the supplier’s services first, and named units for an agreement limited to school forms', async () => {
    const { element } = await render();
    // The preschool is outside the agreement's school forms.
    const offered = [...element.querySelectorAll('#licence-unit-list label')].map((label) =>
      label.textContent?.trim(),
    );
    expect(offered).toEqual(['Hagaskolan F-6', 'Mellringeskolan 7-9']);
    const groups = [...element.querySelectorAll('optgroup')].map((group) => [
      group.label,
      [...group.querySelectorAll('option')].map((option) => option.textContent?.trim()),
    ]);
    expect(groups).toEqual([
      ['Begreppa AB tjänster', ['Begreppa']],
      ['Andra leverantörers tjänster', ['Annat verktyg']],
    ]);
    expect(element.querySelector<HTMLInputElement>('#licence-scope-UNITS')?.checked).toBe(true);
    expect(element.querySelector<HTMLInputElement>('#licence-starts-on')?.value).toBe('2025-07-01');
  });

  it('picks units from a filtered checkbox list and sends their ids', async () => {
    const { element, settle } = await render();
    const filter = element.querySelector<HTMLInputElement>('#licence-unit-filter');
    if (!filter) throw new Error('No unit filter');
    filter.value = 'skolan 7';
    filter.dispatchEvent(new Event('input'));
    await settle();
    const listed = [...element.querySelectorAll('#licence-unit-list label')].map((label) =>
      label.textContent?.trim(),
    );
    expect(listed).toEqual(['Mellringeskolan 7-9']);
    element.querySelector<HTMLInputElement>('#licence-unit-u2')?.click();
    filter.value = '';
    filter.dispatchEvent(new Event('input'));
    await settle();
    element.querySelector<HTMLInputElement>('#licence-unit-u1')?.click();
    await settle();
    expect(element.querySelector('#licence-units-chosen')?.textContent?.trim()).toBe(
      '2 skolenheter valda: Hagaskolan F-6, Mellringeskolan 7-9.',
    );

    const service = element.querySelector<HTMLSelectElement>('#licence-service');
    if (!service) throw new Error('No service select');
    service.value = 'sv1';
    service.dispatchEvent(new Event('change'));
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();
    const created = http.expectOne({ method: 'POST', url: '/api/licences' });
    expect(created.request.body).toEqual({
      agreementId: 'a1',
      serviceId: 'sv1',
      scope: 'UNITS',
      schoolForms: [],
      unitIds: ['u2', 'u1'],
      seatCount: null,
      seatsInUse: null,
      startsOn: '2025-07-01',
      endsOn: '2027-06-30',
    });
    created.flush({ id: 'l1' });
  });

  it('names a missing unit choice at the picker', async () => {
    const { element, settle } = await render();
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();
    const summary = element.querySelector('.error-summary');
    const links = [...(summary?.querySelectorAll('a') ?? [])].map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['Välj tjänst.', '#licence-service'],
      ['Välj minst en skolenhet, med en skolform som avtalet gäller.', '#licence-unit-filter'],
    ]);
  });
});
