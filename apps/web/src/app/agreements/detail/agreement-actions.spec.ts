import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { type Agreement, PROBLEM_TYPES, addMonths, todayInSweden } from '@licensregistret/domain';

import { answerDocumentLists } from '../../shared/documents/documents.testing';
import { testAgreement, testCostSplit } from '../agreement.testing';
import { AgreementPage } from './agreement.page';

const plain = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();
const settle = () => new Promise((resolve) => setTimeout(resolve));

/** Renews by itself, notice due in a month: procurement may give notice. */
function renewing(overrides: Partial<Agreement> = {}): Agreement {
  const today = todayInSweden();
  return testAgreement({
    renewsAutomatically: true,
    extensionOptions: 0,
    extensionOptionsUsed: 0,
    extensionOptionsLeft: 0,
    nextExtensionDecisionBy: null,
    startsOn: addMonths(today, -12),
    endsOn: addMonths(today, 7),
    noticePeriodMonths: 6,
    lastDayToGiveNotice: addMonths(today, 1),
    availableActions: ['GIVE_NOTICE', 'REGISTER_SUCCESSOR', 'END_EARLY', 'CORRECT'],
    ...overrides,
  });
}

describe('the agreement page’s lifecycle actions', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [AgreementPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    answerDocumentLists(http);
    http.verify();
  });

  function answerReads(agreement: Agreement) {
    http.expectOne(`/api/agreements/${agreement.id}`).flush(agreement);
    http
      .expectOne((r) => r.url === '/api/licences' && r.params.get('agreementId') === agreement.id)
      .flush({ rows: [], total: 0 });
    http.expectOne(`/api/agreements/${agreement.id}/cost-split`).flush(testCostSplit());
    http.expectOne(`/api/agreements/${agreement.id}/history`).flush([]);
  }

  async function render(agreement: Agreement) {
    const fixture = TestBed.createComponent(AgreementPage);
    fixture.componentRef.setInput('id', agreement.id);
    fixture.detectChanges();
    answerReads(agreement);
    await settle();
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const refresh = async () => {
      await settle();
      fixture.detectChanges();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    const button = (name: string) =>
      [...element.querySelectorAll<HTMLButtonElement>('.lifecycle-actions button')].find(
        (candidate) => plain(candidate.textContent) === name,
      );
    const type = (id: string, value: string) => {
      const field = element.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`);
      if (!field) throw new Error(`no #${id}`);
      field.value = value;
      field.dispatchEvent(new Event('input'));
    };
    return { fixture, element, refresh, button, type };
  }

  it('offers the actions the API says are available as buttons', async () => {
    const { element } = await render(renewing());
    const items = [...element.querySelectorAll('.action-buttons li')].map((item) =>
      plain(item.textContent),
    );
    expect(items).toEqual([
      'Säg upp avtalet',
      'Registrera efterföljande avtal',
      'Avsluta i förtid',
    ]);
  });

  it('shows no actions to someone who may take none', async () => {
    const { element } = await render(renewing({ availableActions: [] }));
    expect(element.querySelector('.lifecycle-actions')).toBeNull();
  });

  it('opens the notice form with today’s date, moves focus to it, and names what is missing', async () => {
    const { element, refresh, button, type } = await render(renewing());
    const open = button('Säg upp avtalet');
    open?.click();
    await refresh();
    expect(open?.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.textContent).toBe('Säg upp avtalet');
    expect(element.querySelector<HTMLInputElement>('#action-date')?.value).toBe(todayInSweden());

    type('action-date', '2020-01-01');
    element.querySelector<HTMLFormElement>('.action-form')?.dispatchEvent(new Event('submit'));
    await refresh();
    const summary = [...element.querySelectorAll('.error-summary li')].map((item) =>
      plain(item.textContent),
    );
    expect(summary).toHaveLength(3);
    expect(summary[0]).toMatch(/^Ange dagen då avtalet sades upp/);
    expect(summary[1]).toBe('Ange uppsägningens diarienummer.');
    expect(summary[2]).toBe('Skriv varför, så att det syns i historiken.');
    expect(element.querySelector('#action-reason')?.getAttribute('aria-invalid')).toBe('true');
    // Nothing was sent: verify() in afterEach finds no open request.
  });

  it('gives notice with the version read, then shows the agreement as it is now', async () => {
    const agreement = renewing();
    const { element, refresh, button, type } = await render(agreement);
    button('Säg upp avtalet')?.click();
    await refresh();
    type('action-case-number', 'Bou 2026/77');
    type('action-reason', 'Ersätts av nytt avrop');
    element.querySelector<HTMLFormElement>('.action-form')?.dispatchEvent(new Event('submit'));

    const post = http.expectOne(`/api/agreements/${agreement.id}/actions`);
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({
      action: 'GIVE_NOTICE',
      version: 1,
      date: todayInSweden(),
      caseNumber: 'Bou 2026/77',
      reason: 'Ersätts av nytt avrop',
    });
    const after = renewing({
      status: 'TERMINATED',
      terminatedOn: todayInSweden(),
      version: 2,
      availableActions: ['REGISTER_SUCCESSOR', 'CORRECT'],
    });
    post.flush(after);
    await settle();
    answerReads(after);
    await refresh();

    expect(element.querySelector('.action-form')).toBeNull();
    const outcome = element.querySelector('.outcome');
    expect(outcome?.getAttribute('role')).toBe('status');
    expect(plain(outcome?.textContent)).toBe(
      'Uppsägningen är registrerad. Avtalet är uppsagt och löper till sitt slutdatum.',
    );
    expect(document.activeElement).toBe(outcome);
    expect(button('Säg upp avtalet')).toBeUndefined();
  });

  it('on a refusal (409) reads the agreement again and says the action was not taken', async () => {
    const agreement = renewing();
    const { element, refresh, button, type } = await render(agreement);
    button('Avsluta i förtid')?.click();
    await refresh();
    type('action-date', addMonths(todayInSweden(), 1));
    type('action-reason', 'Verksamheten upphör');
    element.querySelector<HTMLFormElement>('.action-form')?.dispatchEvent(new Event('submit'));
    http
      .expectOne(`/api/agreements/${agreement.id}/actions`)
      .flush(
        { type: PROBLEM_TYPES.STALE_VERSION, status: 409, title: 'Conflict' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    answerReads(renewing({ version: 3 }));
    await refresh();
    const outcome = element.querySelector('.outcome');
    expect(outcome?.getAttribute('role')).toBe('alert');
    expect(plain(outcome?.textContent)).toMatch(/^Någon annan har ändrat avtalet/);
  });

  it('lists the agreements that may follow, not itself nor one starting before it', async () => {
    const agreement = renewing();
    const { element, refresh, button } = await render(agreement);
    button('Registrera efterföljande avtal')?.click();
    await refresh();
    http
      .expectOne((r) => r.url === '/api/agreements' && r.params.get('limit') === '200')
      .flush({
        rows: [
          agreement,
          testAgreement({ id: 'a2', agreementNumber: 'NE-2027', startsOn: agreement.endsOn }),
          testAgreement({ id: 'a3', agreementNumber: 'OLD', startsOn: '2020-01-01' }),
          testAgreement({
            id: 'a4',
            agreementNumber: 'TAKEN',
            startsOn: agreement.endsOn,
            followsId: 'x',
          }),
        ],
        total: null,
      });
    await refresh();
    const options = [...element.querySelectorAll('#action-successor option')].map((option) =>
      plain(option.textContent),
    );
    expect(options).toEqual([
      'Välj avtal',
      `NE-2027 – NE Nationalencyklopedin AB (${agreement.endsOn} – 2027-12-31)`,
    ]);
  });

  it('asks for the next decision date when an option remains after the one used', async () => {
    const agreement = testAgreement({ extensionOptionsUsed: 0, extensionOptionsLeft: 2 });
    const { element, refresh, button } = await render(agreement);
    button('Utnyttja förlängning')?.click();
    await refresh();
    expect(plain(element.querySelector('#action-effect')?.textContent)).toBe(
      'Slutdatumet flyttas från 2027-12-31 till 2028-12-31, och licenser som löper till slutdatumet följer med.',
    );
    expect(element.querySelector<HTMLInputElement>('#action-next-decision')?.value).toBe(
      '2028-06-30',
    );
  });
});
