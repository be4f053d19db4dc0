import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { RequestDetail } from '@licensregistret/domain';

import { sessionUser, startAs } from '../../core/auth/auth.testing';
import { testRequestDetail } from '../../decisions/decision.testing';
import { testAgreement, testLicence } from '../agreement.testing';
import { LicensingPage } from './licensing.page';

function approved(overrides: Partial<RequestDetail>): RequestDetail {
  return testRequestDetail({
    state: 'DECIDED',
    decisionOutcome: 'APPROVED_WITH_CONDITIONS',
    decision: {
      outcome: 'APPROVED_WITH_CONDITIONS',
      reasons: [],
      text: 'Fyller behovet.',
      conditions: 'Endast med skolfederationens inloggning.',
      publicConditions: '',
      decidedByName: 'Olle Objektspecialist',
      decidedAt: '2026-11-02T09:00:00Z',
    },
    availableMoves: ['IMPLEMENT'],
    ...overrides,
  });
}

const own = approved({
  id: 'r-1',
  number: 12,
  version: 4,
  unitId: 'u-mellringe',
  unitName: 'Mellringeskolan 7-9',
  joinedUnits: [
    {
      unitId: 'u-gumaelius',
      unitName: 'Gumaeliusskolan 7-9',
      pupilCount: 40,
      need: 'Samma',
      joinedByName: 'Lena Lärare',
      joinedAt: '2026-10-01T08:00:00Z',
    },
  ],
});
const other = approved({
  id: 'r-2',
  number: 15,
  version: 2,
  unitId: 'u-haga',
  unitName: 'Hagaskolan F-6',
});

describe('LicensingPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LicensingPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    await startAs(sessionUser(['PROCUREMENT']));
  });

  afterEach(() => http.verify());

  async function render(
    agreements = [testAgreement({ id: 'a-1', agreementNumber: 'AV-1', endsOn: '2028-06-30' })],
    avtal?: string,
  ) {
    const fixture = TestBed.createComponent(LicensingPage);
    fixture.componentRef.setInput('requestId', 'r-1');
    if (avtal) fixture.componentRef.setInput('avtal', avtal);
    fixture.detectChanges();
    http.expectOne('/api/requests/r-1').flush(own);
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne((r) => r.url === '/api/requests').flush({ rows: [own, other], total: 2 });
    http
      .expectOne((r) => r.url === '/api/agreements')
      .flush({ rows: agreements, total: agreements.length });
    http.expectOne('/api/requests/r-2').flush(other);
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    await settle();
    const element = fixture.nativeElement as HTMLElement;
    return { fixture, element, settle };
  }

  it('labels every control, shows the decision’s conditions and proposes the only agreement’s period', async () => {
    const { element } = await render();
    for (const control of element.querySelectorAll('input, textarea')) {
      const id = control.getAttribute('id');
      const label = element.querySelector(`label[for="${id}"]`) ?? control.closest('label');
      expect(label?.textContent?.trim()).toBeTruthy();
    }
    expect(element.textContent).toContain('Endast med skolfederationens inloggning.');
    expect(element.querySelector<HTMLInputElement>('#licensing-agreement-a-1')?.checked).toBe(true);
    expect(element.querySelector<HTMLInputElement>('#licensing-ends')?.value).toBe('2028-06-30');
    expect(element.textContent).toContain('Mellringeskolan 7-9, Gumaeliusskolan 7-9');
  });

  it('chooses the agreement just made with “Skapa nytt avtal”, which links back with the supplier', async () => {
    const { element } = await render(
      [testAgreement({ id: 'a-1' }), testAgreement({ id: 'a-2', endsOn: '2029-01-31' })],
      'a-2',
    );
    expect(element.querySelector<HTMLInputElement>('#licensing-agreement-a-2')?.checked).toBe(true);
    expect(element.querySelector<HTMLInputElement>('#licensing-ends')?.value).toBe('2029-01-31');
    const link = element.querySelector<HTMLAnchorElement>('a[href*="/avtal/nytt"]');
    expect(link?.getAttribute('href')).toBe('/avtal/nytt?licensiera=r-1&leverantor=s-nok');
  });

  it('licenses the ticked requests for every unit that asked, joined units included', async () => {
    const { element, settle } = await render();
    element.querySelector<HTMLInputElement>('#licensing-other-r-2')?.click();
    await settle();
    expect(element.textContent).toContain(
      'Mellringeskolan 7-9, Gumaeliusskolan 7-9, Hagaskolan F-6',
    );
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    const post = http.expectOne('/api/licences/from-requests');
    expect(post.request.body).toMatchObject({
      requests: [
        { id: 'r-1', version: 4 },
        { id: 'r-2', version: 2 },
      ],
      agreementId: 'a-1',
      scope: 'UNITS',
      unitIds: ['u-mellringe', 'u-gumaelius', 'u-haga'],
      endsOn: '2028-06-30',
      seatCount: null,
    });
    post.flush({
      licence: testLicence({ agreementId: 'a-1' }),
      requests: [
        { id: 'r-1', number: 12, version: 5 },
        { id: 'r-2', number: 15, version: 3 },
      ],
    });
    await settle();
    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      'Begäran 12 och 15 är nu införda',
    );
  });

  it('sends the school forms ticked for a school-form licence (the service’s first), and no units', async () => {
    const { element, settle } = await render();
    element.querySelector<HTMLInputElement>('#licensing-scope-SCHOOL_FORMS')?.click();
    await settle();
    element.querySelector<HTMLInputElement>('#licensing-form-GY')?.click();
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    const post = http.expectOne('/api/licences/from-requests');
    expect(post.request.body.scope).toBe('SCHOOL_FORMS');
    // The service (testService) is for FS and GR; GY was ticked.
    expect(post.request.body.schoolForms).toEqual(['FS', 'GR', 'GY']);
    expect(post.request.body.unitIds).toBeUndefined();
    post.flush(
      { status: 400, errors: [{ field: 'schoolForms', messages: ['leaves out'] }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(element.querySelector('#licensing-forms-error')?.textContent).toContain(
      'Välj skolformer som når alla enheter',
    );
  });
});
