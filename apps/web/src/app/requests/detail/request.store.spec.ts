import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { MoveRequest } from '@licensregistret/domain';

import { toRequestFormValue } from '../form/request-form';
import { testEvent, testRequestDetail } from '../request.testing';
import { RequestStore } from './request.store';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('RequestStore', () => {
  let http: HttpTestingController;
  let store: RequestStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), RequestStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(RequestStore);
  });

  afterEach(() => http.verify());

  async function loaded(request = testRequestDetail()): Promise<void> {
    const loading = store.load(request.id);
    http.expectOne(`/api/requests/${request.id}`).flush(request);
    http.expectOne(`/api/requests/${request.id}/events`).flush([testEvent()]);
    await loading;
  }

  it('reads the request and its history together', async () => {
    await loaded();
    const state = store.state();
    expect(state.kind).toBe('loaded');
    if (state.kind !== 'loaded') return;
    expect(state.request.number).toBe(42);
    expect(state.events).toEqual({ kind: 'loaded', value: [testEvent()] });
  });

  it('keeps the request when only its history cannot be read', async () => {
    const loading = store.load('r-42');
    http.expectOne('/api/requests/r-42').flush(testRequestDetail());
    http
      .expectOne('/api/requests/r-42/events')
      .flush(null, { status: 500, statusText: 'Server Error' });
    await loading;
    const state = store.state();
    expect(state.kind === 'loaded' && state.events).toEqual({ kind: 'failed' });
  });

  it('says a request that is not there, or not the caller’s to see, does not exist', async () => {
    const loading = store.load('r-404');
    const events = http.expectOne('/api/requests/r-404/events');
    http.expectOne('/api/requests/r-404').flush(null, { status: 404, statusText: 'Not Found' });
    expect(events.cancelled).toBe(true);
    await loading;
    expect(store.state()).toEqual({ kind: 'not-found' });
  });

  it('makes a move with the version it saw, then shows the answer and the new history', async () => {
    await loaded();
    const moving = store.move('SUBMIT');
    expect(store.busy()).toBe('SUBMIT');
    const request = http.expectOne({ method: 'POST', url: '/api/requests/r-42/moves' });
    expect(request.request.body).toEqual({ move: 'SUBMIT', version: 3 } satisfies MoveRequest);
    request.flush(testRequestDetail({ state: 'SUBMITTED', version: 4, availableMoves: [] }));
    await settle();
    http
      .expectOne('/api/requests/r-42/events')
      .flush([testEvent(), testEvent({ id: 'e2', kind: 'SUBMIT' })]);

    expect(await moving).toBe(true);
    const state = store.state();
    expect(state.kind === 'loaded' && state.request.state).toBe('SUBMITTED');
    expect(state.kind === 'loaded' && state.events).toMatchObject({ kind: 'loaded' });
    expect(store.notice()).toEqual({
      kind: 'done',
      text: 'Begäran är inskickad. Du får en notis när den har bedömts.',
    });
    expect(store.busy()).toBeNull();
  });

  it('on a stale version, reloads and says someone else changed the request', async () => {
    await loaded();
    const moving = store.move('WITHDRAW');
    http.expectOne('/api/requests/r-42/moves').flush(
      {
        type: 'urn:licensregistret:problem:stale-version',
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
      .flush(testRequestDetail({ state: 'SUBMITTED', version: 4 }));
    http.expectOne('/api/requests/r-42/events').flush([]);

    expect(await moving).toBe(false);
    const state = store.state();
    expect(state.kind === 'loaded' && state.request.version).toBe(4);
    expect(store.notice()?.kind).toBe('conflict');
    expect(store.notice()?.text).toContain('Någon annan har ändrat begäran');
    expect(store.notice()?.text).toContain('Den har nu status Inskickad.');
  });

  it('says the principal must endorse first when the API refuses a submission for it', async () => {
    await loaded();
    const moving = store.move('SUBMIT');
    http.expectOne('/api/requests/r-42/moves').flush(
      {
        type: 'urn:licensregistret:problem:invalid',
        title: 'Bad Request',
        status: 400,
        errors: [
          { field: 'endorsement', messages: ['the principal must endorse the request first'] },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(await moving).toBe(false);
    expect(store.moveErrors().fields['endorsement']).toEqual([
      'Rektor behöver tillstyrka begäran innan den kan skickas in.',
    ]);
    expect(store.notice()).toBeNull();
  });

  it('sends no empty answer, and sends a written one trimmed', async () => {
    await loaded(
      testRequestDetail({ state: 'NEEDS_INFO', availableMoves: ['ANSWER', 'WITHDRAW'] }),
    );
    expect(await store.move('ANSWER', '   ')).toBe(false);
    http.expectNone('/api/requests/r-42/moves');
    expect(store.moveErrors().fields['text']).toEqual(['Skriv ditt svar på frågan.']);

    const moving = store.move('ANSWER', ' 24 elever i årskurs 2. ');
    const request = http.expectOne('/api/requests/r-42/moves');
    expect(request.request.body).toEqual({
      move: 'ANSWER',
      version: 3,
      text: '24 elever i årskurs 2.',
    });
    expect(store.moveErrors().fields).toEqual({});
    request.flush(testRequestDetail({ state: 'IN_TRIAGE', version: 4 }));
    await settle();
    http.expectOne('/api/requests/r-42/events').flush([]);
    expect(await moving).toBe(true);
  });

  it('saves edited content with the version it saw', async () => {
    const draft = testRequestDetail();
    await loaded(draft);
    const value = { ...toRequestFormValue(draft), need: 'Ett tydligare behov.' };
    const saving = store.update(value);
    const request = http.expectOne({ method: 'PATCH', url: '/api/requests/r-42' });
    expect(request.request.body).toMatchObject({ need: 'Ett tydligare behov.', version: 3 });
    request.flush(testRequestDetail({ need: 'Ett tydligare behov.', version: 4 }));
    await settle();
    http.expectOne('/api/requests/r-42/events').flush([]);
    expect(await saving).toBe(true);
    expect(store.notice()?.text).toBe('Ändringarna är sparade.');
  });

  it('keeps edits with mistakes to itself', async () => {
    const draft = testRequestDetail();
    await loaded(draft);
    expect(await store.update({ ...toRequestFormValue(draft), need: '' })).toBe(false);
    http.expectNone('/api/requests/r-42');
    expect(store.editErrors().fields['need']).toEqual(['Beskriv behovet som verktyget ska möta.']);
    expect(store.moveErrors()).toEqual({ fields: {}, general: [] });
  });

  describe('comments', () => {
    it('adds a trimmed comment, then shows the history read again and says so', async () => {
      await loaded();
      const comment = testEvent({ id: 'e5', kind: 'COMMENT', text: 'Gäller även fritids.' });
      const saving = store.comment(' Gäller även fritids. ');
      expect(store.commenting()).toBe(true);
      const post = http.expectOne({ method: 'POST', url: '/api/requests/r-42/comments' });
      expect(post.request.body).toEqual({ text: 'Gäller även fritids.' });
      post.flush(comment);
      await settle();
      http.expectOne('/api/requests/r-42/events').flush([testEvent(), comment]);

      expect(await saving).toBe(true);
      expect(store.commenting()).toBe(false);
      const state = store.state();
      expect(state.kind === 'loaded' && state.events).toEqual({
        kind: 'loaded',
        value: [testEvent(), comment],
      });
      expect(store.commentStatus()).toBe('Kommentaren är sparad och visas nu i historiken.');
      // A comment is not a move: the page's notice is left alone.
      expect(store.notice()).toBeNull();
    });

    it('says the comment is saved even when the history cannot be read again', async () => {
      await loaded();
      const saving = store.comment('Gäller även fritids.');
      http.expectOne('/api/requests/r-42/comments').flush(testEvent({ id: 'e5', kind: 'COMMENT' }));
      await settle();
      http
        .expectOne('/api/requests/r-42/events')
        .flush(null, { status: 500, statusText: 'Server Error' });

      expect(await saving).toBe(true);
      const state = store.state();
      expect(state.kind === 'loaded' && state.events).toEqual({ kind: 'failed' });
      expect(store.commentStatus()).toBe(
        'Kommentaren är sparad, men historiken kunde inte hämtas. Försök igen om en stund.',
      );
    });

    it('refuses an empty comment without asking the API', async () => {
      await loaded();
      expect(await store.comment('  ')).toBe(false);
      http.expectNone('/api/requests/r-42/comments');
      expect(store.commentErrors().fields).toEqual({ text: ['Skriv en kommentar.'] });
    });

    it('puts a text the API refuses at the field', async () => {
      await loaded();
      const saving = store.comment('Hej');
      http.expectOne('/api/requests/r-42/comments').flush(
        {
          type: 'urn:licensregistret:problem:invalid',
          title: 'Bad Request',
          status: 400,
          errors: [{ field: 'text', messages: ['text must be 1-4000 characters'] }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      expect(await saving).toBe(false);
      expect(store.commentErrors().fields).toEqual({
        text: ['Skriv en kommentar på högst 4 000 tecken.'],
      });
      expect(store.commentStatus()).toBe('');
    });
  });
});
