import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { RequestDetail, Role, ServiceReviews } from '@licensregistret/domain';

import { sessionUser, startAs } from '../../core/auth/auth.testing';
import { answerDocumentLists } from '../../shared/documents/documents.testing';
import {
  NO_REVIEWS,
  testDataProtectionReview,
  testEvent,
  testRequestDetail,
  testUnitLicence,
} from '../decision.testing';
import { RequestPanel } from './request-panel';
import { answerSharedKnowledge } from './shared-knowledge.testing';

describe('RequestPanel', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [RequestPanel],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    answerDocumentLists(http);
    answerSharedKnowledge(http);
    http.verify();
  });

  async function settle(fixture: ComponentFixture<RequestPanel>): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    fixture.detectChanges();
  }

  async function render(
    detail: RequestDetail = testRequestDetail(),
    roles: Role[] = ['OBJECT_SPECIALIST'],
  ) {
    await startAs(sessionUser(roles));
    const fixture = TestBed.createComponent(RequestPanel);
    fixture.componentRef.setInput('requestId', detail.id);
    fixture.detectChanges();
    http.expectOne(`/api/requests/${detail.id}`).flush(detail);
    http.expectOne(`/api/requests/${detail.id}/events`).flush([
      testEvent(),
      testEvent({
        id: 'e2',
        kind: 'START_TRIAGE',
        fromState: 'SUBMITTED',
        toState: 'IN_TRIAGE',
        actorName: 'Olle Objektspecialist',
      }),
    ]);
    await settle(fixture);
    const element = fixture.nativeElement as HTMLElement;
    const closed = jest.fn();
    const changed = jest.fn();
    fixture.componentInstance.closed.subscribe(closed);
    fixture.componentInstance.changed.subscribe(changed);
    return { fixture, element, closed, changed };
  }

  function button(element: HTMLElement, name: string): HTMLButtonElement {
    const found = [...element.querySelectorAll('button')].find(
      (candidate) =>
        (candidate.getAttribute('aria-label') ?? candidate.textContent)?.trim() === name,
    );
    if (!found) throw new Error(`No button ${name}`);
    return found;
  }

  function buttonNames(element: HTMLElement, selector: string): string[] {
    return [...element.querySelectorAll(`${selector} button`)].map(
      (b) => b.textContent?.trim() ?? '',
    );
  }

  function confirmFacts(element: HTMLElement): Record<string, string> {
    const terms = [...element.querySelectorAll('.confirm-facts dt')];
    return Object.fromEntries(
      terms.map((term) => [
        term.textContent?.trim() ?? '',
        term.nextElementSibling?.textContent?.trim() ?? '',
      ]),
    );
  }

  function told(element: HTMLElement): string[] {
    return [...element.querySelectorAll('.confirm ul li')].map(
      (li) => li.textContent?.trim() ?? '',
    );
  }

  function type(element: HTMLElement, selector: string, value: string): void {
    const input = element.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
      selector,
    );
    if (!input) throw new Error(`No ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input'));
  }

  it('leads procurement from an approved request to Licensiera; the specialist only marks it implemented', async () => {
    const decided = testRequestDetail({ state: 'DECIDED', availableMoves: ['IMPLEMENT'] });
    const { element } = await render(decided, ['PROCUREMENT']);
    const link = element.querySelector<HTMLAnchorElement>('.licensing a');
    expect(link?.textContent?.trim()).toBe('Licensiera');
    expect(link?.getAttribute('href')).toBe('/avtal/licensiera/r-123');
  });

  it('offers the specialist no Licensiera link, only the move', async () => {
    const decided = testRequestDetail({ state: 'DECIDED', availableMoves: ['IMPLEMENT'] });
    const { element } = await render(decided, ['OBJECT_SPECIALIST']);
    expect(element.querySelector('.licensing')).toBeNull();
    expect(buttonNames(element, '.move-buttons')).toEqual(['Markera som införd']);
  });

  it('shows the request, the service’s reviews, what blocks approval and the history, with focus on its heading', async () => {
    const { element } = await render();

    const heading = element.querySelector('#request-panel-heading');
    expect(heading?.textContent?.trim()).toBe('Begäran 123: Polylino');
    expect(document.activeElement).toBe(heading);
    expect(element.querySelector('aside')?.getAttribute('aria-labelledby')).toBe(
      'request-panel-heading',
    );
    expect(element.querySelector('.state')?.textContent).toContain('Bedöms');

    const factsSection = element.querySelector('lr-request-facts')?.closest('section');
    expect(factsSection?.querySelector('h3')?.textContent?.trim()).toBe('Begäran');
    expect(factsSection?.getAttribute('aria-labelledby')).toBe(
      factsSection?.querySelector('h3')?.id,
    );
    const facts = Object.fromEntries(
      [...element.querySelectorAll('lr-request-facts dl > div')].map((row) => [
        row.querySelector('dt')?.textContent?.trim(),
        row.querySelector('dd')?.textContent?.replace(/\s+/g, ' ').trim(),
      ]),
    );
    expect(facts).toMatchObject({
      Skolenhet: 'Hagaskolan F-6',
      Behov: 'Nyanlända elever behöver läsa bilderböcker på sitt modersmål.',
      'Antal elever': '320',
      'Antal personal': '12',
      Personuppgifter: 'Elevers vanliga personuppgifter Elevens namn och klass via Skolfederation.',
      Tillstyrkan: 'Tillstyrkt av Rut Rektor 2026-02-02',
      Inskickad: '2026-02-02 10:30 (40 dagar sedan)',
    });

    const rows = [...element.querySelectorAll('lr-service-reviews tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()),
    );
    expect(rows[0]?.map((cell) => cell?.replace(/\s+/g, ' '))).toEqual([
      'Dataskydd (GDPR)',
      'Godkänd',
      'Dana Dataskydd',
      '2026-01-15 senast 2027-01-15',
      'Giltig',
    ]);
    expect(rows[1]).toEqual(['Informationssäkerhet', 'Inte gjord', '–', '–', '–']);
    const blockers = [...element.querySelectorAll('.blockers li')].map((li) =>
      li.textContent?.trim(),
    );
    expect(blockers).toEqual([
      'Granskning saknas: Informationssäkerhetsgranskning',
      'Granskning saknas: Avtals- och kostnadsgranskning',
    ]);

    const historyHeading = element.querySelector('lr-request-history h3');
    expect(historyHeading?.textContent?.trim()).toBe('Historik');
    const history = [...element.querySelectorAll('.history li')].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(history[1]).toContain('Bedömningen började (Olle Objektspecialist)');
    expect(history[1]).toContain('Inskickad → blev Bedöms');
  });

  it('offers exactly the moves the API says the caller may make, by their Swedish names', async () => {
    const { element } = await render();
    expect(buttonNames(element, '.move-buttons')).toEqual([
      'Spara till samlad bedömning',
      'Finns redan för enheten',
      'Begär komplettering',
      'Börja granska',
    ]);
    // No review links for a specialist.
    expect(element.querySelector('.review-links')).toBeNull();
  });

  it('makes a move that carries nothing at once, says so and tells the queue', async () => {
    const { fixture, element, changed } = await render();
    button(element, 'Börja granska').click();
    const move = http.expectOne({ method: 'POST', url: '/api/requests/r-123/moves' });
    expect(move.request.body).toEqual({ move: 'START_REVIEW', version: 4 });
    move.flush(
      testRequestDetail({ state: 'IN_REVIEW', version: 5, availableMoves: ['ASK_FOR_INFO'] }),
    );
    await settle(fixture);
    http.expectOne('/api/requests/r-123/events').flush([]);
    await settle(fixture);

    const notice = element.querySelector('.panel-notice');
    expect(notice?.textContent?.trim()).toBe('Klart. Begäran 123 har nu status ”Granskas”.');
    expect(notice?.getAttribute('role')).toBe('status');
    expect(document.activeElement).toBe(notice);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(buttonNames(element, '.move-buttons')).toEqual(['Begär komplettering']);
  });

  it('asks the school a question: the form opens, refuses an empty question, then sends it', async () => {
    const { fixture, element } = await render();
    button(element, 'Begär komplettering').click();
    await settle(fixture);

    const formHeading = element.querySelector('#move-form-heading');
    expect(formHeading?.textContent?.trim()).toBe('Begär komplettering');
    expect(document.activeElement).toBe(formHeading);
    expect(element.querySelector('label[for="move-text"]')?.textContent?.trim()).toBe(
      'Fråga till skolan',
    );
    expect(element.querySelector('.move-buttons')).toBeNull();

    button(element, 'Begär komplettering').click();
    await settle(fixture);
    const text = element.querySelector('#move-text');
    expect(text?.getAttribute('aria-invalid')).toBe('true');
    expect(text?.getAttribute('aria-describedby')).toBe('move-text-hint move-text-error');
    expect(element.querySelector('#move-text-error')?.textContent?.trim()).toBe(
      'Skriv frågan till skolan.',
    );
    expect(element.querySelector('.error-summary a')?.getAttribute('href')).toBe('#move-text');

    type(element, '#move-text', 'Vilka årskurser ska använda verktyget?');
    button(element, 'Begär komplettering').click();
    const move = http.expectOne('/api/requests/r-123/moves');
    expect(move.request.body).toEqual({
      move: 'ASK_FOR_INFO',
      version: 4,
      text: 'Vilka årskurser ska använda verktyget?',
    });
    move.flush(testRequestDetail({ state: 'NEEDS_INFO', version: 5, availableMoves: [] }));
    await settle(fixture);
    http.expectOne('/api/requests/r-123/events').flush([]);
    await settle(fixture);
    expect(element.querySelector('#move-form-heading')).toBeNull();
    expect(element.textContent).toContain('Du har inget att göra med begäran i det här läget.');
  });

  it('closes a move’s form with Avbryt and gives focus back to its button', async () => {
    const { fixture, element } = await render();
    button(element, 'Begär komplettering').click();
    await settle(fixture);
    button(element, 'Avbryt').click();
    await settle(fixture);
    expect(document.activeElement).toBe(button(element, 'Begär komplettering'));
  });

  it('names the covering licence from the unit’s licences, the requested service’s chosen', async () => {
    const { fixture, element } = await render();
    button(element, 'Finns redan för enheten').click();
    await settle(fixture);
    http.expectOne('/api/school-units/u-haga/licences').flush([
      testUnitLicence({
        serviceId: 'svc-ne',
        serviceName: 'NE',
        licenceId: 'lic-ne',
        agreementNumber: 'NE-2025-0117',
      }),
      testUnitLicence(),
    ]);
    await settle(fixture);

    const select = element.querySelector<HTMLSelectElement>('#move-licence');
    expect(element.querySelector('label[for="move-licence"]')?.textContent?.trim()).toBe(
      'Licens som redan täcker skolenheten',
    );
    expect([...(select?.options ?? [])].map((option) => option.textContent?.trim())).toEqual([
      'Välj licens',
      'NE – avtal NE-2025-0117, till 2027-06-30',
      'Polylino – avtal NOK-2024-031, till 2027-06-30',
    ]);
    expect(select?.value).toBe('lic-polylino');

    button(element, 'Finns redan för enheten').click();
    const move = http.expectOne('/api/requests/r-123/moves');
    expect(move.request.body).toEqual({
      move: 'MARK_COVERED',
      version: 4,
      licenceId: 'lic-polylino',
    });
    move.flush(testRequestDetail({ state: 'ALREADY_COVERED', availableMoves: [] }));
    await settle(fixture);
    http.expectOne('/api/requests/r-123/events').flush([]);
  });

  it('decides: outcome, reasons and explanation; conditions only with that outcome', async () => {
    const { fixture, element } = await render(
      testRequestDetail({ state: 'IN_REVIEW', availableMoves: ['ASK_FOR_INFO', 'DECIDE'] }),
    );
    button(element, 'Besluta').click();
    await settle(fixture);

    const legends = [...element.querySelectorAll('lr-move-actions form legend')].map((l) =>
      l.textContent?.trim(),
    );
    expect(legends).toEqual(['Beslut', 'Skäl']);
    const reasons = [...element.querySelectorAll('form input[type="checkbox"]')].map((box) =>
      box.closest('label')?.textContent?.trim(),
    );
    expect(reasons).toEqual(['Informationssäkerhet', 'Avtal', 'Ekonomi', 'Behov', 'Likvärdighet']);
    expect(element.querySelector('#move-conditions')).toBeNull();

    element.querySelector<HTMLInputElement>('#move-outcome-APPROVED_WITH_CONDITIONS')?.click();
    await settle(fixture);
    expect(element.querySelector('label[for="move-conditions"]')?.textContent?.trim()).toBe(
      'Villkor',
    );
    // Approving while reviews are missing: the blockers are said at the outcome.
    expect(element.querySelector('#move-blockers')?.textContent).toContain(
      'Granskning saknas: Informationssäkerhetsgranskning',
    );

    element.querySelector<HTMLInputElement>('#move-outcome-REJECTED')?.click();
    element.querySelector<HTMLInputElement>('#move-reason-NEED')?.click();
    type(element, '#move-text', 'NE täcker redan behovet för årskurs 4–6.');
    await settle(fixture);
    expect(element.querySelector('#move-conditions')).toBeNull();
    button(element, 'Besluta').click();
    await settle(fixture);

    // A confirmation step first: what will be decided and who will be told; nothing sent yet.
    http.expectNone('/api/requests/r-123/moves');
    const confirmHeading = element.querySelector('#move-confirm-heading');
    expect(confirmHeading?.textContent?.trim()).toBe('Bekräfta beslutet');
    expect(document.activeElement).toBe(confirmHeading);
    expect(confirmFacts(element)).toEqual({
      Beslut: 'Avslagen',
      Skäl: 'Behov',
      'Motivering till skolan': 'NE täcker redan behovet för årskurs 4–6.',
      Villkor: 'Inga',
    });
    expect(told(element)).toEqual([
      'Lena Lärspridare, som gjorde begäran',
      'Rektor för Hagaskolan F-6',
    ]);
    button(element, 'Bekräfta beslut').click();

    const move = http.expectOne('/api/requests/r-123/moves');
    expect(move.request.body).toEqual({
      move: 'DECIDE',
      version: 4,
      outcome: 'REJECTED',
      reasons: ['NEED'],
      text: 'NE täcker redan behovet för årskurs 4–6.',
      conditions: '',
    });
    move.flush(
      testRequestDetail({ state: 'DECIDED', decisionOutcome: 'REJECTED', availableMoves: [] }),
    );
    await settle(fixture);
    http.expectOne('/api/requests/r-123/events').flush([]);
  });

  it('goes back from the confirmation to the form with its values kept, and Escape does too', async () => {
    const { fixture, element, closed } = await render(
      testRequestDetail({ state: 'IN_REVIEW', availableMoves: ['DECIDE'], approvalBlockers: [] }),
    );
    button(element, 'Besluta').click();
    await settle(fixture);
    element.querySelector<HTMLInputElement>('#move-outcome-APPROVED')?.click();
    type(element, '#move-text', 'Godkänd för hela skolan.');
    await settle(fixture);
    button(element, 'Besluta').click();
    await settle(fixture);

    button(element, 'Tillbaka och ändra').click();
    await settle(fixture);
    expect(element.querySelector('#move-confirm-heading')).toBeNull();
    expect(element.querySelector<HTMLTextAreaElement>('#move-text')?.value).toBe(
      'Godkänd för hela skolan.',
    );
    expect(document.activeElement?.id).toBe('move-submit');

    button(element, 'Besluta').click();
    await settle(fixture);
    element
      .querySelector('#move-confirm-heading')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle(fixture);
    expect(element.querySelector('#move-confirm-heading')).toBeNull();
    expect(closed).not.toHaveBeenCalled();
    http.expectNone('/api/requests/r-123/moves');
  });

  it('an incomplete decision stays in the form with the errors; no confirmation is shown', async () => {
    const { fixture, element } = await render(
      testRequestDetail({ state: 'IN_REVIEW', availableMoves: ['DECIDE'] }),
    );
    button(element, 'Besluta').click();
    await settle(fixture);
    button(element, 'Besluta').click();
    await settle(fixture);
    expect(element.querySelector('#move-confirm-heading')).toBeNull();
    expect(element.querySelector('.error-summary')?.textContent).toContain('Välj ett beslut.');
  });

  describe('the object manager corrects or reopens a decision', () => {
    const decided = () =>
      testRequestDetail({
        state: 'DECIDED',
        decisionOutcome: 'APPROVED',
        decision: {
          outcome: 'APPROVED',
          reasons: [],
          text: 'Godkänd.',
          conditions: '',
          publicConditions: '',
          decidedByName: 'Olle Objektspecialist',
          decidedAt: '2026-03-01T10:00:00Z',
        },
        approvalBlockers: [],
        availableMoves: ['CORRECT_DECISION', 'REOPEN_DECISION'],
      });

    it('corrects: the form starts from the decision, asks why, confirms and sends the reason', async () => {
      const { fixture, element, changed } = await render(decided(), ['OBJECT_MANAGER']);
      expect(buttonNames(element, '.move-buttons')).toEqual([
        'Rätta beslutet',
        'Öppna granskningen igen',
      ]);
      button(element, 'Rätta beslutet').click();
      await settle(fixture);
      expect(element.querySelector<HTMLInputElement>('#move-outcome-APPROVED')?.checked).toBe(true);
      expect(element.querySelector<HTMLTextAreaElement>('#move-text')?.value).toBe('Godkänd.');

      element.querySelector<HTMLInputElement>('#move-outcome-APPROVED_WITH_CONDITIONS')?.click();
      await settle(fixture);
      type(element, '#move-conditions', 'Bara med skolkonton.');
      await settle(fixture);
      button(element, 'Rätta beslutet').click();
      await settle(fixture);
      expect(element.querySelector('.error-summary')?.textContent).toContain(
        'Skriv varför beslutet ändras.',
      );
      expect(element.querySelector('#move-confirm-heading')).toBeNull();

      type(element, '#move-correction-reason', 'Villkoren från granskningen saknades.');
      await settle(fixture);
      button(element, 'Rätta beslutet').click();
      await settle(fixture);
      expect(confirmFacts(element)).toEqual({
        'Beslut i dag': 'Godkänd',
        'Nytt beslut': 'Godkänd med villkor',
        'Motivering till skolan': 'Godkänd.',
        Villkor: 'Bara med skolkonton.',
        'Varför beslutet ändras': 'Villkoren från granskningen saknades.',
      });
      expect(told(element)).toEqual([
        'Lena Lärspridare, som gjorde begäran',
        'Rektor för Hagaskolan F-6',
      ]);
      button(element, 'Bekräfta rättelsen').click();

      const move = http.expectOne('/api/requests/r-123/moves');
      expect(move.request.body).toEqual({
        move: 'CORRECT_DECISION',
        version: 4,
        outcome: 'APPROVED_WITH_CONDITIONS',
        reasons: [],
        text: 'Godkänd.',
        conditions: 'Bara med skolkonton.',
        correctionReason: 'Villkoren från granskningen saknades.',
      });
      move.flush({ ...decided(), version: 5, decisionOutcome: 'APPROVED_WITH_CONDITIONS' });
      await settle(fixture);
      http.expectOne('/api/requests/r-123/events').flush([]);
      await settle(fixture);
      expect(element.querySelector('.panel-notice')?.textContent).toContain('Beslutet är rättat');
      expect(changed).toHaveBeenCalled();
    });

    it('reopens: only the reason, then a confirmation naming the specialist too', async () => {
      const { fixture, element } = await render(decided(), ['OBJECT_MANAGER']);
      button(element, 'Öppna granskningen igen').click();
      await settle(fixture);
      expect(element.querySelector('#move-text')).toBeNull();
      type(element, '#move-correction-reason', 'Leverantören bytte lagringsplats.');
      await settle(fixture);
      button(element, 'Öppna granskningen igen').click();
      await settle(fixture);
      expect(confirmFacts(element)).toEqual({
        'Beslutet som inte längre gäller': 'Godkänd',
        'Begäran går till': 'Granskning',
        'Varför beslutet ändras': 'Leverantören bytte lagringsplats.',
      });
      expect(told(element)).toContain('Objektspecialisten som har hand om begäran');
      element.querySelector<HTMLButtonElement>('#move-confirm')?.click();
      const move = http.expectOne('/api/requests/r-123/moves');
      expect(move.request.body).toEqual({
        move: 'REOPEN_DECISION',
        version: 4,
        correctionReason: 'Leverantören bytte lagringsplats.',
      });
      move.flush(testRequestDetail({ state: 'IN_REVIEW', availableMoves: [] }));
      await settle(fixture);
      http.expectOne('/api/requests/r-123/events').flush([]);
    });
  });

  it('puts the moves first, before the decision, the reviews and the request', async () => {
    const { element } = await render();
    const order = ['lr-move-actions', 'lr-service-reviews', '#request-facts-heading'].map(
      (selector) => element.querySelector(selector),
    );
    expect(order.every(Boolean)).toBe(true);
    const [moves, reviews, facts] = order as Element[];
    expect(moves.compareDocumentPosition(reviews) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(reviews.compareDocumentPosition(facts) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says someone else changed the request, reads it again and offers what is possible now', async () => {
    const { fixture, element, changed } = await render();
    button(element, 'Spara till samlad bedömning').click();
    http.expectOne('/api/requests/r-123/moves').flush(
      {
        type: 'urn:licensregistret:problem:stale-version',
        title: 'Conflict',
        status: 409,
        currentState: 'IN_REVIEW',
        currentVersion: 6,
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    http
      .expectOne('/api/requests/r-123')
      .flush(
        testRequestDetail({ state: 'IN_REVIEW', version: 6, availableMoves: ['ASK_FOR_INFO'] }),
      );
    http.expectOne('/api/requests/r-123/events').flush([]);
    await settle(fixture);

    const notice = element.querySelector('.panel-notice');
    expect(notice?.getAttribute('role')).toBe('alert');
    expect(notice?.textContent).toContain('Någon annan har ändrat begäran');
    expect(document.activeElement).toBe(notice);
    expect(element.querySelector('.state')?.textContent).toContain('Granskas');
    expect(buttonNames(element, '.move-buttons')).toEqual(['Begär komplettering']);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('links a reviewer to the review form of their own kind on a request in review', async () => {
    const { element } = await render(
      testRequestDetail({ state: 'IN_REVIEW', availableMoves: [] }),
      ['DATA_PROTECTION'],
    );
    const links = [...element.querySelectorAll<HTMLAnchorElement>('.review-links a')];
    expect(links.map((a) => a.textContent?.trim())).toEqual([
      'Registrera dataskyddsgranskning (GDPR)',
    ]);
    expect(links[0]?.getAttribute('href')).toBe(
      '/beslut/granskning/svc-polylino/dataskydd?begaran=r-123',
    );
  });

  it('starts review of a new tool under a new supplier named by organisation number', async () => {
    const { fixture, element } = await render(
      testRequestDetail({
        serviceId: null,
        service: null,
        toolName: 'Skolplus',
        newTool: {
          name: 'Skolplus',
          supplierName: 'Skolplus AB',
          webAddress: 'https://skolplus.se',
        },
        reviews: null,
        availableMoves: ['START_REVIEW'],
      }),
    );
    expect(element.querySelector('lr-service-reviews')?.textContent).toContain(
      'Verktyget finns inte i registret än',
    );
    button(element, 'Börja granska').click();
    await settle(fixture);
    http.expectOne((r) => r.url === '/api/services').flush({ rows: [], total: 0 });
    http
      .expectOne((r) => r.url === '/api/suppliers')
      .flush({ rows: [{ id: 's-ne', name: 'NE', organisationNumber: '556216-3624' }], total: 1 });
    await settle(fixture);

    expect(
      [...element.querySelectorAll('#move-supplier option')].map((o) => o.textContent?.trim()),
    ).toEqual(['Välj leverantör', 'NE (556216-3624)']);
    element.querySelector<HTMLInputElement>('#move-supplier-choice-NEW_SUPPLIER')?.click();
    await settle(fixture);
    expect(element.querySelector('label[for="move-org-number"]')?.textContent?.trim()).toBe(
      'Organisationsnummer',
    );
    type(element, '#move-org-number', '556677-8899');
    type(element, '#move-category', 'SKILLS_TRAINING');
    button(element, 'Börja granska').click();

    const move = http.expectOne('/api/requests/r-123/moves');
    expect(move.request.body).toEqual({
      move: 'START_REVIEW',
      version: 4,
      supplierOrganisationNumber: '556677-8899',
      category: 'SKILLS_TRAINING',
    });
    move.flush(testRequestDetail({ state: 'IN_REVIEW', availableMoves: [] }));
    await settle(fixture);
    http.expectOne('/api/requests/r-123/events').flush([]);
  });

  it('closes with Stäng and with Escape', async () => {
    const { element, closed } = await render();
    button(element, 'Stäng begäran').click();
    element
      .querySelector('#request-panel-heading')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(closed).toHaveBeenCalledTimes(2);
  });

  describe('comments', () => {
    it('adds a comment under the history: the history shows it, the field empties and a status says so', async () => {
      const { fixture, element } = await render();
      expect(element.querySelector('label[for="comment-text"]')?.textContent?.trim()).toBe(
        'Kommentar',
      );
      const field = element.querySelector<HTMLTextAreaElement>('#comment-text');
      expect(field?.getAttribute('aria-describedby')).toBe('comment-text-hint');
      // In the history's section, under the list.
      const list = element.querySelector('lr-request-history .history');
      const form = element.querySelector('lr-request-history section lr-comment-form');
      expect(
        list && form && list.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();

      type(element, '#comment-text', 'Skolan har frågat om inloggning via Skolfederation.');
      await settle(fixture);
      button(element, 'Lägg till kommentar').click();
      const post = http.expectOne({ method: 'POST', url: '/api/requests/r-123/comments' });
      expect(post.request.body).toEqual({
        text: 'Skolan har frågat om inloggning via Skolfederation.',
      });
      const comment = testEvent({
        id: 'e3',
        kind: 'COMMENT',
        fromState: 'IN_TRIAGE',
        toState: 'IN_TRIAGE',
        actorName: 'Olle Objektspecialist',
        text: 'Skolan har frågat om inloggning via Skolfederation.',
      });
      post.flush(comment);
      await settle(fixture);
      http.expectOne('/api/requests/r-123/events').flush([testEvent(), comment]);
      await settle(fixture);

      const items = [...element.querySelectorAll('.history li')].map((li) =>
        li.textContent?.replace(/\s+/g, ' ').trim(),
      );
      expect(items).toHaveLength(2);
      expect(items[1]).toContain('Kommentar (Olle Objektspecialist)');
      expect(items[1]).toContain('Skolan har frågat om inloggning via Skolfederation.');
      expect(element.querySelector<HTMLTextAreaElement>('#comment-text')?.value).toBe('');
      const status = element.querySelector('.comment-status');
      expect(status?.getAttribute('role')).toBe('status');
      expect(status?.textContent?.trim()).toBe('Kommentaren är sparad och visas nu i historiken.');
    });

    it('refuses an empty comment at the field and takes the focus there', async () => {
      const { fixture, element } = await render();
      button(element, 'Lägg till kommentar').click();
      await settle(fixture);
      http.expectNone('/api/requests/r-123/comments');

      const field = element.querySelector<HTMLTextAreaElement>('#comment-text');
      expect(field?.getAttribute('aria-invalid')).toBe('true');
      expect(field?.getAttribute('aria-describedby')).toBe('comment-text-hint comment-text-error');
      expect(element.querySelector('#comment-text-error')?.textContent?.trim()).toBe(
        'Skriv en kommentar.',
      );
      expect(document.activeElement).toBe(field);
    });

    it.each<Role>(['READ_ONLY', 'ADMIN'])('offers no comment form to %s', async (role) => {
      const { element } = await render(testRequestDetail({ availableMoves: [] }), [role]);
      expect(element.querySelector('.history')).not.toBeNull();
      expect(element.querySelector('lr-comment-form')).toBeNull();
      expect(element.querySelector('#comment-text')).toBeNull();
    });

    it.each<Role>(['DATA_PROTECTION', 'PROCUREMENT'])(
      'offers the comment form to %s',
      async (role) => {
        const { element } = await render(testRequestDetail({ availableMoves: [] }), [role]);
        expect(element.querySelector('#comment-text')).not.toBeNull();
      },
    );
  });

  describe('reporting a change of the service', () => {
    const dueAgain = testDataProtectionReview({
      dueAgainSince: '2026-03-10T10:00:00Z',
      validity: 'DUE_AGAIN',
    });
    const answer: ServiceReviews = {
      current: { ...NO_REVIEWS, DATA_PROTECTION: dueAgain },
      all: [dueAgain],
      approvalBlockers: [
        { code: 'REVIEW_DUE_AGAIN', kind: 'DATA_PROTECTION' },
        { code: 'REVIEW_MISSING', kind: 'INFORMATION_SECURITY' },
        { code: 'REVIEW_MISSING', kind: 'PROCUREMENT' },
      ],
    };

    it('reports it: the reviews are due again, the blockers update and the status takes the focus', async () => {
      const { fixture, element } = await render();
      const form = element.querySelector<HTMLFormElement>('lr-service-reviews form');
      const headingId = form?.getAttribute('aria-labelledby') ?? '';
      expect(element.querySelector(`#${headingId}`)?.textContent?.trim()).toBe(
        'Rapportera ändring av tjänsten',
      );
      expect(form?.querySelector('legend')?.textContent?.trim()).toBe('Typ av ändring');
      expect(
        [...(form?.querySelectorAll('input[type="radio"]') ?? [])].map((radio) =>
          radio.closest('label')?.textContent?.trim(),
        ),
      ).toEqual(['Ny version', 'Migrering', 'Nytt underbiträde']);
      expect(
        element.querySelector('label[for="service-change-description"]')?.textContent?.trim(),
      ).toBe('Beskrivning');

      element.querySelector<HTMLInputElement>('#service-change-kind-NEW_SUB_PROCESSOR')?.click();
      type(element, '#service-change-description', 'Lagringen flyttar till en ny molnleverantör.');
      await settle(fixture);
      button(element, 'Rapportera ändringen').click();

      const post = http.expectOne({ method: 'POST', url: '/api/services/svc-polylino/changes' });
      expect(post.request.body).toEqual({
        kind: 'NEW_SUB_PROCESSOR',
        description: 'Lagringen flyttar till en ny molnleverantör.',
      });
      post.flush(answer);
      await settle(fixture);
      http
        .expectOne('/api/requests/r-123')
        .flush(
          testRequestDetail({ reviews: answer.current, approvalBlockers: answer.approvalBlockers }),
        );
      http.expectOne('/api/requests/r-123/events').flush([testEvent()]);
      await settle(fixture);
      await settle(fixture);

      const validity = [...element.querySelectorAll('lr-service-reviews tbody tr')].map((row) =>
        row.querySelectorAll('td')[3]?.textContent?.trim(),
      );
      expect(validity[0]).toBe('Ska göras om');
      const blockers = [...element.querySelectorAll('.blockers li')].map((li) =>
        li.textContent?.trim(),
      );
      expect(blockers[0]).toBe(
        'Granskningen ska göras om efter en ändring: Dataskyddsgranskning (GDPR)',
      );

      const notice = element.querySelector('.change-notice');
      expect(notice?.getAttribute('role')).toBe('status');
      expect(notice?.textContent?.trim()).toBe(
        'Ändringen är rapporterad. Tjänstens granskningar ska nu göras om, här och i de andra ' +
          'kommuner som har tjänsten, och hindren för godkännande är uppdaterade.',
      );
      expect(document.activeElement).toBe(notice);
      expect(element.querySelector<HTMLTextAreaElement>('#service-change-description')?.value).toBe(
        '',
      );
      expect(
        element.querySelector<HTMLInputElement>('#service-change-kind-NEW_SUB_PROCESSOR')?.checked,
      ).toBe(false);
    });

    it('says what a report lacks, ties each message to its field and links to it', async () => {
      const { fixture, element } = await render();
      button(element, 'Rapportera ändringen').click();
      await settle(fixture);
      http.expectNone('/api/services/svc-polylino/changes');

      const summary = element.querySelector('lr-service-reviews .error-summary');
      expect(document.activeElement).toBe(summary);
      expect(
        [...(summary?.querySelectorAll('a') ?? [])].map((a) => [
          a.textContent?.trim(),
          a.getAttribute('href'),
        ]),
      ).toEqual([
        ['Välj vilken typ av ändring det är.', '#service-change-kind-NEW_VERSION'],
        ['Beskriv ändringen.', '#service-change-description'],
      ]);
      expect(
        element.querySelector('lr-service-reviews fieldset')?.getAttribute('aria-describedby'),
      ).toBe('service-change-kind-error');
      const description = element.querySelector('#service-change-description');
      expect(description?.getAttribute('aria-invalid')).toBe('true');
      expect(description?.getAttribute('aria-describedby')).toBe(
        'service-change-description-hint service-change-description-error',
      );
    });

    it.each<Role>(['PROCUREMENT', 'READ_ONLY', 'ADMIN'])(
      'offers no change report to %s',
      async (role) => {
        const { element } = await render(testRequestDetail({ availableMoves: [] }), [role]);
        expect(element.querySelector('lr-service-reviews table')).not.toBeNull();
        expect(element.querySelector('#service-change-description')).toBeNull();
      },
    );

    it.each<Role>(['OBJECT_MANAGER', 'DATA_PROTECTION', 'INFORMATION_SECURITY'])(
      'offers the change report to %s',
      async (role) => {
        const { element } = await render(testRequestDetail({ availableMoves: [] }), [role]);
        expect(element.querySelector('#service-change-description')).not.toBeNull();
      },
    );

    it('offers no change report for a new tool not yet in the registry', async () => {
      const { element } = await render(
        testRequestDetail({
          serviceId: null,
          service: null,
          toolName: 'Skolplus',
          newTool: { name: 'Skolplus', supplierName: 'Skolplus AB', webAddress: '' },
          reviews: null,
        }),
      );
      expect(element.querySelector('#service-change-description')).toBeNull();
    });
  });
});
