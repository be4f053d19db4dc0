import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { type Agreement, PROBLEM_TYPES } from '@licensregistret/domain';

import { toAgreementFormValue } from './agreement-form';
import { AgreementFormPage } from './agreement-form.page';

const agreement = {
  id: 'a1',
  supplierId: 's1',
  supplierName: 'Begreppa AB',
  agreementNumber: 'BG-1',
  caseNumber: 'Bou 2025/1',
  procurementRoute: 'DIRECT_AWARD',
  frameworkName: null,
  callOffReference: null,
  signedOn: '2025-06-01',
  startsOn: '2025-07-01',
  endsOn: '2027-06-30',
  extensionOptions: 2,
  extensionMonths: 12,
  extensionOptionsUsed: 0,
  nextExtensionDecisionBy: null,
  noticePeriodMonths: 6,
  internalLeadDays: 60,
  renewsAutomatically: false,
  annualCost: 10000,
  costModel: 'FLAT',
  ownerId: null,
  ownerName: null,
  scopeSchoolForms: [],
  dataProcessingAgreement: { signed: false, signedOn: null, subProcessors: [] },
  documents: [],
  followsId: null,
  terminatedOn: null,
  version: 3,
} as unknown as Agreement;

const suppliers = {
  rows: [{ id: 's1', name: 'Begreppa AB', organisationNumber: '559012-7340', version: 1 }],
  total: 1,
};

describe('AgreementFormPage', () => {
  let http: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [AgreementFormPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  async function render(inputs: Record<string, string>) {
    const fixture = TestBed.createComponent(AgreementFormPage);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
    if (inputs['id']) http.expectOne(`/api/agreements/${inputs['id']}`).flush(agreement);
    await Promise.resolve();
    http.expectOne((r) => r.url === '/api/suppliers').flush(suppliers);
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    await settle();
    return { fixture, element, settle, page: fixture.componentInstance };
  }

  function type(element: HTMLElement, selector: string, value: string): void {
    const input = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!input) throw new Error(`No ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  const submit = (element: HTMLElement) =>
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();

  it('labels every control, preselects the supplier asked for, and asks no reason for a new agreement', async () => {
    const { element } = await render({ leverantor: 's1' });
    for (const control of element.querySelectorAll('input, select, textarea')) {
      const id = control.getAttribute('id');
      const label = element.querySelector(`label[for="${id}"]`) ?? control.closest('label');
      expect(label?.textContent?.trim()).toBeTruthy();
    }
    expect(element.querySelector('h1')?.textContent).toBe('Nytt avtal');
    expect(element.querySelector<HTMLSelectElement>('#agreement-supplier')?.value).toBe('s1');
    expect(element.querySelector('#agreement-reason')).toBeNull();
  });

  it('goes back to the licensing it was opened from, with the new agreement', async () => {
    const { element, settle, page } = await render({ licensiera: 'r1' });
    expect(element.textContent).toContain('kommer du tillbaka till licensieringen');
    (page as unknown as { form: { patchValue(value: object): void } }).form.patchValue({
      ...toAgreementFormValue(agreement),
      agreementNumber: 'NY-1',
    });
    submit(element);
    await settle();
    const created = http.expectOne({ method: 'POST', url: '/api/agreements' });
    expect(created.request.body).toMatchObject({ agreementNumber: 'NY-1', annualCost: 10000 });
    created.flush({ ...agreement, id: 'a9', agreementNumber: 'NY-1', version: 1 });
    await settle();
    expect(router.navigate).toHaveBeenCalledWith(['/avtal/licensiera/r1'], {
      queryParams: { avtal: 'a9' },
    });
  });

  it('after a stale save shows what changed and redoes the edit, with its reason, on the new version', async () => {
    const { element, settle, page } = await render({ id: 'a1' });
    expect(page.hasUnsavedChanges()).toBe(false);
    type(element, '#agreement-case-number', 'Bou 2025/9');
    type(element, '#agreement-reason', 'Fel diarienummer');
    expect(page.hasUnsavedChanges()).toBe(true);
    submit(element);
    await settle();

    const stale = http.expectOne({ method: 'PATCH', url: '/api/agreements/a1' });
    expect(stale.request.body).toMatchObject({
      caseNumber: 'Bou 2025/9',
      reason: 'Fel diarienummer',
      version: 3,
    });
    const current = { ...agreement, annualCost: 12500, version: 4 };
    stale.flush(
      { type: PROBLEM_TYPES.STALE_VERSION, status: 409, title: 'Stale', current },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();

    const panel = element.querySelector<HTMLElement>('.stale-version');
    expect(document.activeElement).toBe(panel);
    const rows = [...(panel?.querySelectorAll('tbody tr') ?? [])].map((row) =>
      [...row.children].map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([['Årskostnad', '10 000 kr', '12 500 kr']]);

    const redo = [...(panel?.querySelectorAll('button') ?? [])].find((button) =>
      button.textContent?.includes('Gör om min ändring'),
    );
    redo?.click();
    await settle();
    expect(element.querySelector('.stale-version')).toBeNull();
    expect(element.querySelector<HTMLInputElement>('#agreement-cost')?.value).toBe('12 500');
    expect(element.querySelector<HTMLInputElement>('#agreement-case-number')?.value).toBe(
      'Bou 2025/9',
    );

    submit(element);
    await settle();
    const retry = http.expectOne({ method: 'PATCH', url: '/api/agreements/a1' });
    expect(retry.request.body).toMatchObject({
      caseNumber: 'Bou 2025/9',
      annualCost: 12500,
      reason: 'Fel diarienummer',
      version: 4,
    });
    retry.flush({ ...current, caseNumber: 'Bou 2025/9', version: 5 });
    await settle();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/avtal/a1');
    expect(page.hasUnsavedChanges()).toBe(false);
  });

  it('drops the edit for the new version when asked', async () => {
    const { element, settle } = await render({ id: 'a1' });
    type(element, '#agreement-case-number', 'Bou 2025/9');
    type(element, '#agreement-reason', 'Fel diarienummer');
    submit(element);
    await settle();
    http.expectOne({ method: 'PATCH', url: '/api/agreements/a1' }).flush(
      {
        type: PROBLEM_TYPES.STALE_VERSION,
        status: 409,
        title: 'Stale',
        current: { ...agreement, caseNumber: 'Bou 2025/2', version: 4 },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    const discard = [...element.querySelectorAll('.stale-version button')].find((button) =>
      button.textContent?.includes('Släng min ändring'),
    ) as HTMLButtonElement;
    discard.click();
    await settle();
    expect(element.querySelector<HTMLInputElement>('#agreement-case-number')?.value).toBe(
      'Bou 2025/2',
    );
    expect(element.querySelector<HTMLTextAreaElement>('#agreement-reason')?.value).toBe('');
  });
});
