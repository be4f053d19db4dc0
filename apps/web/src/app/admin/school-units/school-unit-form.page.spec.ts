import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { SchoolUnitFormPage } from './school-unit-form.page';

describe('SchoolUnitFormPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [SchoolUnitFormPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(SchoolUnitFormPage);
    fixture.detectChanges();
    http
      .expectOne('/api/administrations')
      .flush([{ id: 'a1', name: 'Förvaltning förskola och skola', municipalityName: 'Kommunen' }]);
    http
      .expectOne((r) => r.url === '/api/accounts')
      .flush({
        rows: [{ id: 'p1', displayName: 'Rut Rektor' }],
        total: 1,
      });
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { fixture, element, settle };
  }

  function type(element: HTMLElement, selector: string, value: string): void {
    const input = element.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
    if (!input) throw new Error(`No ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
  }

  it('gives every control a visible label and the checkbox groups a legend', async () => {
    const { element } = await render();
    for (const control of element.querySelectorAll('input, select')) {
      const id = control.getAttribute('id');
      const label = element.querySelector(`label[for="${id}"]`) ?? control.closest('label');
      expect(label?.textContent?.trim()).toBeTruthy();
    }
    const legends = [...element.querySelectorAll('legend')].map((l) => l.textContent?.trim());
    expect(legends).toEqual(['Skolformer']);
    expect(element.querySelector<HTMLSelectElement>('#unit-administration')?.value).toBe('a1');
  });

  it('asks for the grades when compulsory school is checked', async () => {
    const { fixture, element } = await render();
    element.querySelector<HTMLInputElement>('#unit-form-GR')?.click();
    fixture.detectChanges();
    const legends = [...element.querySelectorAll('legend')].map((l) => l.textContent?.trim());
    expect(legends).toEqual(['Skolformer', 'Årskurser i grundskolan']);
  });

  it('summarises the errors in an alert and links each to its field', async () => {
    const { element, settle } = await render();
    type(element, '#unit-code', '12');
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();

    const summary = element.querySelector('.error-summary[role="alert"]');
    expect(summary).not.toBeNull();
    expect(document.activeElement).toBe(summary);
    const links = [...(summary?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
    expect(links).toEqual(
      expect.arrayContaining(['#unit-name', '#unit-code', '#unit-form-FS', '#unit-pupils']),
    );

    const code = element.querySelector('#unit-code');
    expect(code?.getAttribute('aria-invalid')).toBe('true');
    expect(code?.getAttribute('aria-describedby')).toBe('unit-code-hint unit-code-error');
    expect(element.querySelector('#unit-code-error')?.textContent).toContain('åtta siffror');
  });

  it('saves a new unit and goes back to the list', async () => {
    const { element, settle } = await render();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    type(element, '#unit-name', 'Solrosens förskola');
    element.querySelector<HTMLInputElement>('#unit-form-FS')?.click();
    type(element, '#unit-pupils', '60');
    type(element, '#unit-network-group', 'Söder');
    type(element, '#unit-principal', 'p1');
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();

    const request = http.expectOne({ method: 'POST', url: '/api/school-units' });
    expect(request.request.body).toMatchObject({
      name: 'Solrosens förskola',
      schoolForms: ['FS'],
      pupilCount: 60,
      networkGroup: 'Söder',
      principalId: 'p1',
      administrationId: 'a1',
    });
    request.flush({ id: 'u9' });
    await settle();

    expect(navigate).toHaveBeenCalledWith('/administration/skolenheter');
  });
});
