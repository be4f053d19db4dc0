import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';

import type { RequestDetail, RequestEvent, SessionUser } from '@licensregistret/domain';

import { sessionUser, startAs } from '../../core/auth/auth.testing';
import { testEvent, testRequestDetail } from '../request.testing';
import { RequestPage } from './request.page';

const plain = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();
const haga = { id: 'u-haga', name: 'Hagaskolan F-6' };

describe('RequestPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [RequestPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(
    request: RequestDetail,
    options: { user?: SessionUser; events?: RequestEvent[] } = {},
  ) {
    await startAs(options.user ?? sessionUser(['REQUESTER'], { schoolUnits: [haga] }));
    const fixture = TestBed.createComponent(RequestPage);
    fixture.componentRef.setInput('id', request.id);
    fixture.detectChanges();
    http.expectOne(`/api/requests/${request.id}`).flush(request);
    http.expectOne(`/api/requests/${request.id}/events`).flush(options.events ?? [testEvent()]);
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
      fixture.detectChanges();
    };
    await settle();
    return { fixture, element, settle };
  }

  function buttons(element: HTMLElement, within = 'lr-request-actions'): string[] {
    return [...element.querySelectorAll(`${within} button`)].map(
      (button) => plain(button.textContent) ?? '',
    );
  }

  function button(element: HTMLElement, text: string): HTMLButtonElement {
    const found = [...element.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => plain(candidate.textContent) === text,
    );
    if (!found) throw new Error(`No button "${text}"`);
    return found;
  }

  it('shows a draft: where it is, what it says, its history, and titles the page', async () => {
    const { element } = await render(testRequestDetail(), {
      events: [
        testEvent({ id: 'e2', kind: 'EDITED', occurredAt: '2026-03-02T09:00:00.000Z' }),
        testEvent(),
      ],
    });
    expect(plain(element.querySelector('h1')?.textContent)).toBe('Begäran 42: Polylino');
    expect(TestBed.inject(Title).getTitle()).toBe('Begäran 42: Polylino – Licensregistret');
    expect(plain(element.querySelector('lr-request-state-badge')?.textContent)).toBe('Utkast');

    const facts = Object.fromEntries(
      [...element.querySelectorAll('.facts > div')].map((row) => [
        plain(row.querySelector('dt')?.textContent),
        plain(row.querySelector('dd')?.textContent),
      ]),
    );
    expect(facts).toMatchObject({
      Verktyg: 'Polylino',
      Leverantör: 'Natur & Kultur (Polylino)',
      Skolenhet: 'Hagaskolan F-6',
      Ämnen: 'Svenska, Svenska som andraspråk',
      Skolformer: 'Grundskola',
      'Antal elever': '120',
      'Antal personal': '8',
      Personuppgifter: 'Elevers vanliga personuppgifter Elevens namn och klass via Skolfederation.',
      'Önskat startdatum': '2026-08-15',
      Inskickad: 'Inte inskickad',
    });

    expect(
      [...element.querySelectorAll('h2')].map((heading) => plain(heading.textContent)),
    ).toEqual(['Var begäran är', 'Begäran', 'Historik']);
    const history = [...element.querySelectorAll('.history > li .history-head')].map((item) =>
      plain(item.textContent),
    );
    expect(history).toEqual([
      '2026-03-02 09:15: Begäran skapades (Sara Skola)',
      '2026-03-02 10:00: Begäran ändrades (Sara Skola)',
    ]);
  });

  it('offers exactly the school’s moves the API allows', async () => {
    const { element } = await render(
      testRequestDetail({
        endorsedByName: 'Rut Rektor',
        availableMoves: ['SUBMIT', 'WITHDRAW', 'START_TRIAGE'],
      }),
    );
    expect(buttons(element)).toEqual(['Skicka in', 'Återta']);
  });

  it('tells a requester that the principal endorses before the draft can be submitted', async () => {
    const { element } = await render(testRequestDetail({ availableMoves: ['WITHDRAW'] }));
    expect(buttons(element)).toEqual(['Återta']);
    expect(plain(element.querySelector('.where')?.textContent)).toContain(
      'Rektor har inte tillstyrkt begäran än. När rektor har tillstyrkt den kan du skicka in den',
    );
  });

  it('lets the principal endorse, then says it is done and moves the focus there', async () => {
    const { element, settle } = await render(
      testRequestDetail({ availableMoves: ['ENDORSE', 'SUBMIT', 'WITHDRAW'] }),
      { user: sessionUser(['PRINCIPAL'], { schoolUnits: [haga] }) },
    );
    expect(buttons(element)).toEqual(['Tillstyrk', 'Skicka in', 'Återta']);
    expect(plain(element.querySelector('.where')?.textContent)).toContain(
      'Skickar du in den räknas det som din tillstyrkan.',
    );

    button(element, 'Tillstyrk').click();
    const move = http.expectOne({ method: 'POST', url: '/api/requests/r-42/moves' });
    expect(move.request.body).toEqual({ move: 'ENDORSE', version: 3 });
    move.flush(
      testRequestDetail({
        endorsedByName: 'Rut Rektor',
        endorsedAt: '2026-03-03T07:00:00.000Z',
        availableMoves: ['SUBMIT', 'WITHDRAW'],
        version: 4,
      }),
    );
    await settle();
    http.expectOne('/api/requests/r-42/events').flush([testEvent()]);
    await settle();

    const notice = element.querySelector('.outcome.done');
    expect(plain(notice?.textContent)).toBe('Du har tillstyrkt begäran.');
    expect(document.activeElement).toBe(notice);
    expect(plain(element.querySelector('.where')?.textContent)).toContain(
      'Tillstyrkt av Rut Rektor 2026-03-03.',
    );
    expect(buttons(element)).toEqual(['Skicka in', 'Återta']);
  });

  it('lets the principal decline with a reason: a form with focus, the reason required, then done', async () => {
    const { element, settle } = await render(
      testRequestDetail({ availableMoves: ['ENDORSE', 'DECLINE', 'SUBMIT', 'WITHDRAW'] }),
      { user: sessionUser(['PRINCIPAL'], { schoolUnits: [haga] }) },
    );
    expect(buttons(element)).toEqual(['Tillstyrk', 'Avstyrk', 'Skicka in', 'Återta']);

    button(element, 'Avstyrk').click();
    await settle();
    const heading = element.querySelector('#decline-heading');
    expect(plain(heading?.textContent)).toBe('Avstyrk begäran');
    expect(document.activeElement).toBe(heading);
    expect(plain(element.querySelector('label[for="decline-text"]')?.textContent)).toBe(
      'Varför avstyrker du?',
    );

    // No reason: refused in the form, with the summary and the field saying why.
    button(element, 'Avstyrk begäran').click();
    await settle();
    http.expectNone('/api/requests/r-42/moves');
    const summary = element.querySelector('lr-decline-form .error-summary');
    expect(plain(summary?.textContent)).toContain('Skriv varför du avstyrker begäran.');
    expect(document.activeElement).toBe(summary);
    expect(element.querySelector('#decline-text')?.getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector('lr-answer-form')).toBeNull();

    const field = element.querySelector<HTMLTextAreaElement>('#decline-text');
    if (!field) throw new Error('No #decline-text');
    field.value = 'Vi har redan Matteboken.';
    field.dispatchEvent(new Event('input'));
    button(element, 'Avstyrk begäran').click();
    const move = http.expectOne({ method: 'POST', url: '/api/requests/r-42/moves' });
    expect(move.request.body).toEqual({
      move: 'DECLINE',
      version: 3,
      text: 'Vi har redan Matteboken.',
    });
    move.flush(
      testRequestDetail({
        decline: {
          text: 'Vi har redan Matteboken.',
          declinedByName: 'Rut Rektor',
          declinedAt: '2026-03-03T07:00:00.000Z',
        },
        availableMoves: ['ENDORSE', 'DECLINE', 'SUBMIT', 'WITHDRAW'],
        version: 4,
      }),
    );
    await settle();
    http.expectOne('/api/requests/r-42/events').flush([testEvent()]);
    await settle();

    const notice = element.querySelector('.outcome.done');
    expect(plain(notice?.textContent)).toContain('Du har avstyrkt begäran.');
    expect(document.activeElement).toBe(notice);
    expect(element.querySelector('lr-decline-form')).toBeNull();
    expect(plain(element.querySelector('.declined h3')?.textContent)).toBe(
      'Avstyrkt av Rut Rektor 2026-03-03',
    );
    expect(plain(element.querySelector('.declined .text')?.textContent)).toBe(
      'Vi har redan Matteboken.',
    );
  });

  it('closes the decline form on Avbryt and returns the focus to Avstyrk', async () => {
    const { element, settle } = await render(
      testRequestDetail({ availableMoves: ['ENDORSE', 'DECLINE', 'SUBMIT', 'WITHDRAW'] }),
      { user: sessionUser(['PRINCIPAL'], { schoolUnits: [haga] }) },
    );
    button(element, 'Avstyrk').click();
    await settle();
    button(element, 'Avbryt').click();
    await settle();
    expect(element.querySelector('lr-decline-form')).toBeNull();
    expect(document.activeElement?.getAttribute('data-move')).toBe('DECLINE');
  });

  it('shows the requester the principal’s decline and its reason, and that they may revise it', async () => {
    const { element } = await render(
      testRequestDetail({
        decline: {
          text: 'För många elever för en provperiod.',
          declinedByName: 'Rut Rektor',
          declinedAt: '2026-03-03T07:00:00.000Z',
        },
        availableMoves: ['WITHDRAW'],
      }),
    );
    const where = plain(element.querySelector('.where')?.textContent);
    expect(where).toContain('Rektor har avstyrkt begäran. Ändra den utifrån skälet');
    expect(plain(element.querySelector('.declined h3')?.textContent)).toBe(
      'Avstyrkt av Rut Rektor 2026-03-03',
    );
    expect(plain(element.querySelector('.declined .text')?.textContent)).toBe(
      'För många elever för en provperiod.',
    );
    expect(buttons(element)).toEqual(['Återta']);
  });

  it('shows the open question and sends the answer, refusing an empty one at its field', async () => {
    const { element, settle } = await render(
      testRequestDetail({
        state: 'NEEDS_INFO',
        openQuestion: 'Hur många elever i årskurs 2 gäller det?',
        availableMoves: ['ANSWER', 'WITHDRAW'],
        editable: false,
      }),
    );
    const question = element.querySelector('lr-answer-form');
    expect(plain(question?.querySelector('h2')?.textContent)).toBe('Fråga till skolenheten');
    expect(question?.textContent).toContain('Hur många elever i årskurs 2 gäller det?');
    expect(buttons(element)).toEqual(['Återta']);

    button(element, 'Komplettera').click();
    await settle();
    const field = element.querySelector<HTMLTextAreaElement>('#answer-text');
    expect(field?.getAttribute('aria-invalid')).toBe('true');
    expect(field?.getAttribute('aria-describedby')).toBe('answer-text-hint answer-text-error');
    expect(plain(element.querySelector('#answer-text-error')?.textContent)).toBe(
      'Skriv ditt svar på frågan.',
    );
    expect(document.activeElement).toBe(field);
    http.expectNone('/api/requests/r-42/moves');

    if (!field) throw new Error('No answer field');
    field.value = '24 elever.';
    field.dispatchEvent(new Event('input'));
    button(element, 'Komplettera').click();
    const move = http.expectOne('/api/requests/r-42/moves');
    expect(move.request.body).toEqual({ move: 'ANSWER', version: 3, text: '24 elever.' });
    move.flush(testRequestDetail({ state: 'IN_TRIAGE', availableMoves: ['WITHDRAW'], version: 4 }));
    await settle();
    http.expectOne('/api/requests/r-42/events').flush([]);
    await settle();
    expect(element.querySelector('lr-answer-form')).toBeNull();
    expect(plain(element.querySelector('.outcome.done')?.textContent)).toBe(
      'Ditt svar är skickat.',
    );
  });

  it('shows a rejection with its reasons in Swedish and the explanation, and no buttons', async () => {
    const { element } = await render(
      testRequestDetail({
        state: 'DECIDED',
        availableMoves: [],
        editable: false,
        decisionOutcome: 'REJECTED',
        decisionReasons: ['ECONOMY', 'NEED'],
        decision: {
          outcome: 'REJECTED',
          reasons: ['ECONOMY', 'NEED'],
          text: 'Kommunens licens för Inläsningstjänst täcker behovet.',
          conditions: '',
          publicConditions: '',
          decidedByName: 'Olle Objektspecialist',
          decidedAt: '2026-04-01T12:00:00.000Z',
        },
      }),
    );
    const decision = element.querySelector('lr-request-decision');
    expect(plain(decision?.querySelector('h2')?.textContent)).toBe('Beslut: Avslagen');
    expect(decision?.textContent).toContain('Beslutat 2026-04-01 av Olle Objektspecialist.');
    const reasons = [...(decision?.querySelectorAll('.reasons li') ?? [])].map((li) =>
      plain(li.textContent),
    );
    expect(reasons).toEqual([
      'Ekonomi: Kostnaden är motiverad och ryms i budget, utan att vi betalar dubbelt.',
      'Behov: Ett verkligt pedagogiskt eller administrativt behov som inte redan är täckt.',
    ]);
    expect(decision?.textContent).toContain(
      'Kommunens licens för Inläsningstjänst täcker behovet.',
    );
    expect(decision?.textContent).not.toContain('Villkor');
    expect(buttons(element)).toEqual([]);
    // Only the comment form's button: no move, no editing.
    expect(
      [...element.querySelectorAll('button')].map((b) =>
        b.closest('lr-comment-form') ? 'comment' : plain(b.textContent),
      ),
    ).toEqual(['comment']);
  });

  it('points an already covered request at the licence the unit has', async () => {
    const { element } = await render(
      testRequestDetail({
        state: 'ALREADY_COVERED',
        availableMoves: [],
        editable: false,
        coveredBy: {
          licenceId: 'l1',
          agreementNumber: 'NE-2025-0117',
          endsOn: '2027-12-31',
          text: 'Polylino ingår i kommunens avtal för grundskolan.',
        },
      }),
    );
    const covered = element.querySelector('.covered');
    expect(plain(covered?.querySelector('p')?.textContent)).toBe(
      'Hagaskolan F-6 har redan Polylino genom avtal NE-2025-0117, till och med 2027-12-31. Ni behöver inte teckna något eget avtal.',
    );
    expect(covered?.textContent).toContain('Polylino ingår i kommunens avtal för grundskolan.');
    expect(covered?.querySelector('a')?.getAttribute('href')).toBe('/katalog');
  });

  it('asks before withdrawing, and on a conflict reloads and says someone else changed it', async () => {
    const { element, settle } = await render(testRequestDetail());
    button(element, 'Återta').click();
    await settle();
    expect(element.querySelector('#withdraw-question')?.textContent).toContain(
      'Det går inte att ångra',
    );
    expect(document.activeElement).toBe(button(element, 'Ja, återta begäran'));

    button(element, 'Avbryt').click();
    await settle();
    expect(element.querySelector('#withdraw-question')).toBeNull();
    expect(document.activeElement).toBe(button(element, 'Återta'));

    button(element, 'Återta').click();
    await settle();
    button(element, 'Ja, återta begäran').click();
    const move = http.expectOne('/api/requests/r-42/moves');
    expect(move.request.body).toEqual({ move: 'WITHDRAW', version: 3 });
    move.flush(
      {
        type: 'urn:licensregistret:problem:conflict',
        title: 'Conflict',
        status: 409,
        currentState: 'SUBMITTED',
        currentVersion: 4,
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    http
      .expectOne('/api/requests/r-42')
      .flush(testRequestDetail({ state: 'SUBMITTED', version: 4, editable: false }));
    http.expectOne('/api/requests/r-42/events').flush([]);
    await settle();

    const alert = element.querySelector('.outcome.conflict[role="alert"]');
    expect(alert?.textContent).toContain('Någon annan har ändrat begäran');
    expect(alert?.textContent).toContain('Den har nu status Inskickad.');
    expect(document.activeElement).toBe(alert);
    expect(plain(element.querySelector('lr-request-state-badge')?.textContent)).toBe('Inskickad');
  });

  it('edits the content while it may be edited', async () => {
    const { element, settle } = await render(testRequestDetail());
    button(element, 'Ändra begäran').click();
    await settle();
    const need = element.querySelector<HTMLTextAreaElement>('#request-need');
    expect(need?.value).toBe('Elever med annat modersmål behöver läsa bilderböcker på sitt språk.');
    expect(document.activeElement).toBe(need);
    expect(element.querySelector('lr-request-facts')).toBeNull();

    if (!need) throw new Error('No need field');
    need.value = 'Ett tydligare behov.';
    need.dispatchEvent(new Event('input'));
    button(element, 'Spara ändringarna').click();
    const patch = http.expectOne({ method: 'PATCH', url: '/api/requests/r-42' });
    expect(patch.request.body).toMatchObject({
      need: 'Ett tydligare behov.',
      serviceId: 'svc-polylino',
      version: 3,
    });
    patch.flush(testRequestDetail({ need: 'Ett tydligare behov.', version: 4 }));
    await settle();
    http.expectOne('/api/requests/r-42/events').flush([]);
    await settle();

    expect(element.querySelector('lr-edit-request')).toBeNull();
    expect(element.querySelector('.facts')?.textContent).toContain('Ett tydligare behov.');
    expect(plain(element.querySelector('.outcome.done')?.textContent)).toBe(
      'Ändringarna är sparade.',
    );
  });

  it('offers no editing when the request may not be edited', async () => {
    const { element } = await render(
      testRequestDetail({ state: 'SUBMITTED', editable: false, availableMoves: ['WITHDRAW'] }),
    );
    expect([...element.querySelectorAll('button')].map((b) => plain(b.textContent))).toEqual([
      'Återta',
      'Lägg till kommentar',
    ]);
  });

  describe('comments', () => {
    it('adds a comment under the history: it shows there, the field empties and a status says so', async () => {
      const { element, settle } = await render(
        testRequestDetail({ state: 'SUBMITTED', editable: false, availableMoves: [] }),
      );
      const history = element.querySelector(
        'lr-request-history section[aria-labelledby="request-history-heading"]',
      );
      const form = history?.querySelector('lr-comment-form');
      expect(form).not.toBeNull();
      expect(plain(form?.querySelector('label[for="comment-text"]')?.textContent)).toBe(
        'Kommentar',
      );

      const field = element.querySelector<HTMLTextAreaElement>('#comment-text');
      if (!field) throw new Error('No comment field');
      field.value = 'Vi vill gärna börja till höstterminen.';
      field.dispatchEvent(new Event('input'));
      await settle();
      button(element, 'Lägg till kommentar').click();

      const post = http.expectOne({ method: 'POST', url: '/api/requests/r-42/comments' });
      expect(post.request.body).toEqual({ text: 'Vi vill gärna börja till höstterminen.' });
      const comment = testEvent({
        id: 'e7',
        kind: 'COMMENT',
        occurredAt: '2026-03-04T09:00:00.000Z',
        fromState: 'SUBMITTED',
        toState: 'SUBMITTED',
        text: 'Vi vill gärna börja till höstterminen.',
      });
      post.flush(comment);
      await settle();
      http.expectOne('/api/requests/r-42/events').flush([testEvent(), comment]);
      await settle();

      const items = [...element.querySelectorAll('.history > li')].map((li) =>
        plain(li.textContent),
      );
      expect(items).toEqual([
        '2026-03-02 09:15: Begäran skapades (Sara Skola)',
        '2026-03-04 10:00: Kommentar (Sara Skola) Vi vill gärna börja till höstterminen.',
      ]);
      expect(element.querySelector<HTMLTextAreaElement>('#comment-text')?.value).toBe('');
      const status = element.querySelector('.comment-status');
      expect(status?.getAttribute('role')).toBe('status');
      expect(plain(status?.textContent)).toBe('Kommentaren är sparad och visas nu i historiken.');
    });

    it('says why a comment was not saved and takes the focus there', async () => {
      const { element, settle } = await render(testRequestDetail());
      const field = element.querySelector<HTMLTextAreaElement>('#comment-text');
      if (!field) throw new Error('No comment field');
      field.value = 'Hej';
      field.dispatchEvent(new Event('input'));
      await settle();
      button(element, 'Lägg till kommentar').click();
      http
        .expectOne('/api/requests/r-42/comments')
        .flush(null, { status: 404, statusText: 'Not Found' });
      await settle();

      const alert = element.querySelector('lr-comment-form [role="alert"]');
      expect(plain(alert?.textContent)).toBe(
        'Kommentaren kunde inte sparas: begäran finns inte längre, eller så kan du inte se den.',
      );
      expect(document.activeElement).toBe(alert);
      // What was written stays, to try again.
      expect(element.querySelector<HTMLTextAreaElement>('#comment-text')?.value).toBe('Hej');
    });

    it('offers no comment form to a read-only account', async () => {
      const { element } = await render(testRequestDetail({ availableMoves: [] }), {
        user: sessionUser(['READ_ONLY']),
      });
      expect(element.querySelector('.history')).not.toBeNull();
      expect(element.querySelector('lr-comment-form')).toBeNull();
    });
  });
});
