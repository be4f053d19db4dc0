import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { Role, ServiceReviews } from '@licensregistret/domain';
import { addMonths, todayInSweden } from '@licensregistret/domain';

import { sessionUser, startAs } from '../../core/auth/auth.testing';
import { answerDocumentLists } from '../../shared/documents/documents.testing';
import {
  NO_REVIEWS,
  testDataProtectionReview,
  testRequestDetail,
  testService,
} from '../decision.testing';
import { ReviewPage } from './review.page';

const reviews: ServiceReviews = {
  current: { ...NO_REVIEWS, DATA_PROTECTION: testDataProtectionReview() },
  all: [testDataProtectionReview()],
  approvalBlockers: [],
};

describe('ReviewPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ReviewPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    answerDocumentLists(http);
    http.verify();
  });

  async function settle(fixture: ComponentFixture<ReviewPage>): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    fixture.detectChanges();
  }

  async function render(slug: string, roles: Role[], load = true) {
    await startAs(sessionUser(roles));
    const fixture = TestBed.createComponent(ReviewPage);
    fixture.componentRef.setInput('serviceId', 'svc-polylino');
    fixture.componentRef.setInput('kind', slug);
    fixture.componentRef.setInput('begaran', 'r-123');
    fixture.detectChanges();
    if (load) {
      http.expectOne('/api/services/svc-polylino').flush(testService());
      await settle(fixture);
      http.expectOne('/api/requests/r-123').flush(testRequestDetail());
      http.expectOne('/api/services/svc-polylino/reviews').flush(reviews);
      await settle(fixture);
    }
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  function labelOf(element: HTMLElement, control: Element): string | undefined {
    const id = control.getAttribute('id');
    return (element.querySelector(`label[for="${id}"]`) ?? control.closest('label'))?.textContent
      ?.replace(/\s+/g, ' ')
      .trim();
  }

  function type(element: HTMLElement, selector: string, value: string): void {
    const input = element.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
      selector,
    );
    if (!input) throw new Error(`No ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
  }

  it('shows the GDPR review starting from the latest one, every control labelled', async () => {
    const { element } = await render('dataskydd', ['DATA_PROTECTION']);
    expect(element.querySelector('h1')?.textContent?.trim()).toBe(
      'Dataskyddsgranskning (GDPR): Polylino',
    );
    expect(element.querySelector('.lead')?.textContent).toContain(
      'Senaste granskning: godkänd av Dana Dataskydd 2026-01-15',
    );
    const back = element.querySelector<HTMLAnchorElement>('.back a');
    expect(back?.textContent?.trim()).toBe('Tillbaka till begäran');
    expect(back?.getAttribute('href')).toBe('/beslut?begaran=r-123');

    for (const control of element.querySelectorAll('form input, form select, form textarea')) {
      expect(labelOf(element, control)).toBeTruthy();
    }
    expect(element.querySelector<HTMLSelectElement>('#review-legal-basis')?.value).toBe(
      'PUBLIC_INTEREST',
    );
    expect(element.querySelector<HTMLInputElement>('#review-redo-by')?.value).toBe(
      addMonths(todayInSweden(), 12),
    );
    const legends = [...element.querySelectorAll('legend')].map((l) => l.textContent?.trim());
    expect(legends).toEqual([
      'Kategorier av personuppgifter',
      'Registrerade',
      'IMY:s kriterier för konsekvensbedömning',
      'Utfall',
    ]);
  });

  it('shows what the request says beside the form', async () => {
    const { element } = await render('dataskydd', ['DATA_PROTECTION']);
    const aside = element.querySelector('aside.request-facts');
    expect(aside?.getAttribute('aria-labelledby')).toBe('review-request-heading');
    expect(aside?.querySelector('h2')?.textContent?.trim()).toBe('Begäran 123 från Hagaskolan F-6');
    const facts = Object.fromEntries(
      [...(aside?.querySelectorAll('dl > div') ?? [])].map((row) => [
        row.querySelector('dt')?.textContent?.trim(),
        row.querySelector('dd')?.textContent?.replace(/\s+/g, ' ').trim(),
      ]),
    );
    expect(facts).toMatchObject({
      Personuppgifter: 'Elevers vanliga personuppgifter Elevens namn och klass via Skolfederation.',
      Målgrupp: 'Elever i förberedelseklass',
      'Antal elever': '320',
      'Antal personal': '12',
      Inloggning:
        'Begäran säger inget om inloggning; den fastställs i informationssäkerhetsgranskningen.',
    });
  });

  it('leaves the sign-in method unanswered until the reviewer chooses it', async () => {
    const { element } = await render('informationssakerhet', ['INFORMATION_SECURITY']);
    const signIn = element.querySelector<HTMLSelectElement>('#review-sign-in');
    expect(signIn?.value).toBe('');
    expect(signIn?.selectedOptions[0]?.textContent?.trim()).toBe('Välj inloggningsmetod');
  });

  it('warns of GDPR’s hard stops as they are ticked', async () => {
    const { fixture, element } = await render('dataskydd', ['DATA_PROTECTION']);
    element.querySelector<HTMLInputElement>('#review-dpa')?.click();
    element.querySelector<HTMLInputElement>('#review-dpia-LARGE_SCALE')?.click();
    await settle(fixture);
    expect(element.querySelector('#review-dpia-count')?.textContent?.trim()).toBe(
      '2 kriterier gäller.',
    );
    const stops = [...element.querySelectorAll('.stops li')].map((li) => li.textContent?.trim());
    expect(stops).toEqual([
      'Personuppgifter behandlas utan undertecknat biträdesavtal',
      'Två eller fler av IMY:s kriterier gäller men ingen konsekvensbedömning är gjord',
    ]);
  });

  it('summarises what is missing and ties each message to its field', async () => {
    const { fixture, element } = await render('dataskydd', ['DATA_PROTECTION']);
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(fixture);
    const summary = element.querySelector('.error-summary');
    expect(document.activeElement).toBe(summary);
    expect(summary?.querySelector('a')?.getAttribute('href')).toBe('#review-outcome-APPROVED');
    expect(element.querySelector('#review-outcome-error')?.textContent?.trim()).toBe(
      'Välj utfall.',
    );
  });

  it('records a security review with KLASSA levels and says it is saved', async () => {
    const { fixture, element } = await render('informationssakerhet', ['INFORMATION_SECURITY']);
    expect(
      [...element.querySelectorAll('#review-confidentiality option')].map((o) =>
        o.textContent?.trim(),
      ),
    ).toEqual([
      'Välj nivå',
      '0 – Försumbar',
      '1 – Måttlig',
      '2 – Betydande',
      '3 – Allvarlig',
      '4 – Synnerligen allvarlig',
    ]);
    type(element, '#review-confidentiality', '2');
    type(element, '#review-integrity', '2');
    type(element, '#review-availability', '4');
    type(element, '#review-sign-in', 'FEDERATION');
    type(element, '#review-risks', 'Elevernas namn syns för läraren.');
    element.querySelector<HTMLInputElement>('#review-outcome-APPROVED_WITH_CONDITIONS')?.click();
    type(element, '#review-conditions', 'Inloggning endast via Skolfederation.');
    await settle(fixture);
    expect(element.textContent).toContain(
      'Nivå 4, synnerligen allvarlig, kräver en separat analys.',
    );

    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    const post = http.expectOne({ method: 'POST', url: '/api/services/svc-polylino/reviews' });
    expect(post.request.body).toEqual({
      kind: 'INFORMATION_SECURITY',
      outcome: 'APPROVED_WITH_CONDITIONS',
      conditions: 'Inloggning endast via Skolfederation.',
      notes: '',
      redoBy: addMonths(todayInSweden(), 12),
      findings: {
        confidentiality: 2,
        integrity: 2,
        availability: 4,
        signInMethod: 'FEDERATION',
        risks: 'Elevernas namn syns för läraren.',
      },
    });
    post.flush({
      ...testDataProtectionReview(),
      kind: 'INFORMATION_SECURITY',
      outcome: 'APPROVED_WITH_CONDITIONS',
      redoBy: '2027-03-14',
    });
    await settle(fixture);
    const saved = element.querySelector('.saved');
    expect(saved?.getAttribute('role')).toBe('status');
    expect(saved?.textContent).toContain(
      'Informationssäkerhetsgranskning är sparad: godkänd med villkor, görs om senast 2027-03-14.',
    );
    expect(document.activeElement).toBe(saved);
  });

  it('asks for the procurement route and cost, warning above the direct award limit', async () => {
    await startAs(sessionUser(['PROCUREMENT']));
    const fixture = TestBed.createComponent(ReviewPage);
    fixture.componentRef.setInput('serviceId', 'svc-polylino');
    fixture.componentRef.setInput('kind', 'avtal-och-kostnad');
    fixture.detectChanges();
    http.expectOne('/api/services/svc-polylino').flush(testService());
    await settle(fixture);
    // Opened without a request: the service's latest open request, here none.
    http.expectOne((r) => r.url === '/api/requests').flush({ rows: [], total: null });
    http.expectOne('/api/services/svc-polylino/reviews').flush(reviews);
    http.expectOne((r) => r.url === '/api/agreements').flush({ rows: [], total: 0 });
    await settle(fixture);
    const element = fixture.nativeElement as HTMLElement;

    expect(element.querySelector('.back a')?.textContent?.trim()).toBe('Till beslutskön');
    expect(element.querySelector('#review-agreement-hint')?.textContent?.trim()).toBe(
      'Natur & Kultur har inga avtal i registret.',
    );
    type(element, '#review-route', 'DIRECT_AWARD');
    type(element, '#review-annual-cost', '750 000');
    await settle(fixture);
    expect(element.textContent).toContain('Direktupphandling är tillåten upp till');
  });

  it('does not offer a review of another role’s kind', async () => {
    const { element } = await render('dataskydd', ['INFORMATION_SECURITY'], false);
    expect(element.querySelector('form')).toBeNull();
    expect(element.textContent).toContain('Den här granskningen görs av rollen Dataskydd.');
  });
});
