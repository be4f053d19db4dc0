import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { testEvent, testRequestDetail } from '../decision.testing';
import { openRequest, setUpPanelStores, settle } from './panel-stores.testing';
import { RequestCommentsStore } from './request-comments.store';
import { RequestHistoryStore } from './request-history.store';

describe('RequestCommentsStore', () => {
  let http: HttpTestingController;
  let store: RequestCommentsStore;

  beforeEach(() => {
    http = setUpPanelStores();
    store = TestBed.inject(RequestCommentsStore);
  });

  afterEach(() => http.verify());

  it('adds a trimmed comment, reads the history again and says so', async () => {
    await openRequest();
    const comment = testEvent({ id: 'e9', kind: 'COMMENT', text: 'Ring rektor först.' });
    const saving = store.comment('  Ring rektor först.  ');
    expect(store.commenting()).toBe(true);
    const post = http.expectOne({ method: 'POST', url: '/api/requests/r-123/comments' });
    expect(post.request.body).toEqual({ text: 'Ring rektor först.' });
    post.flush(comment);
    await settle();
    http.expectOne('/api/requests/r-123/events').flush([testEvent(), comment]);

    expect(await saving).toBe(true);
    expect(store.commenting()).toBe(false);
    expect(TestBed.inject(RequestHistoryStore).events()).toEqual({
      kind: 'loaded',
      value: [testEvent(), comment],
    });
    expect(store.status()).toBe('Kommentaren är sparad och visas nu i historiken.');
    expect(store.errors().fields).toEqual({});
  });

  it('refuses an empty comment without asking the API', async () => {
    await openRequest();
    expect(await store.comment('   ')).toBe(false);
    http.expectNone('/api/requests/r-123/comments');
    expect(store.errors()).toEqual({
      fields: { text: ['Skriv en kommentar.'] },
      general: [],
    });
    expect(store.status()).toBe('');
  });

  it('puts a text the API refuses at the field', async () => {
    await openRequest();
    const saving = store.comment('x');
    http.expectOne('/api/requests/r-123/comments').flush(
      {
        type: 'urn:licensregistret:problem:invalid',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'text', messages: ['text must be 1-4000 characters'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(await saving).toBe(false);
    expect(store.errors().fields).toEqual({
      text: ['Skriv en kommentar på högst 4 000 tecken.'],
    });
  });

  it('says so when the request can no longer be seen', async () => {
    await openRequest();
    const saving = store.comment('Hej');
    http
      .expectOne('/api/requests/r-123/comments')
      .flush(null, { status: 404, statusText: 'Not Found' });
    expect(await saving).toBe(false);
    expect(store.errors().general).toEqual([
      'Kommentaren kunde inte sparas: begäran finns inte längre, eller så kan du inte se den.',
    ]);
  });

  it('forgets what was said about a comment when another request is opened', async () => {
    await openRequest();
    await store.comment('');
    expect(store.errors().fields['text']).toHaveLength(1);
    await openRequest(testRequestDetail({ id: 'r-7', number: 7 }));
    expect(store.errors().fields).toEqual({});
  });

  it('says nothing about a comment saved after another request was opened', async () => {
    await openRequest();
    const saving = store.comment('Hej');
    const post = http.expectOne('/api/requests/r-123/comments');
    await openRequest(testRequestDetail({ id: 'r-7', number: 7 }));
    post.flush(testEvent({ id: 'e9', kind: 'COMMENT', text: 'Hej' }));
    expect(await saving).toBe(false);
    http.expectNone('/api/requests/r-123/events');
    expect(store.status()).toBe('');
  });
});
