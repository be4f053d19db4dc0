import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { ServiceReviews } from '@licensregistret/domain';

import {
  NO_REVIEWS,
  testDataProtectionReview,
  testEvent,
  testRequestDetail,
  testUnitLicence,
} from '../decision.testing';
import { emptyMoveForm } from './moves/move-form';
import { CONFLICT_MESSAGE, RequestPanelStore } from './request-panel.store';
import { CHANGE_REPORTED_TEXT } from './service-change-form';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('RequestPanelStore', () => {
  let http: HttpTestingController;
  let store: RequestPanelStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), RequestPanelStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(RequestPanelStore);
  });

  afterEach(() => http.verify());

  async function openRequest(detail = testRequestDetail()) {
    const opened = store.open(detail.id);
    http.expectOne(`/api/requests/${detail.id}/events`).flush([testEvent()]);
    http.expectOne(`/api/requests/${detail.id}`).flush(detail);
    await opened;
  }

  it('reads the request and its history', async () => {
    await openRequest();
    const state = store.state();
    expect(state.kind).toBe('loaded');
    expect(state.kind === 'loaded' && state.request.number).toBe(123);
    expect(store.events()).toEqual({ kind: 'loaded', value: [testEvent()] });
  });

  it('says when the request does not exist, and keeps the panel when the history fails', async () => {
    const opened = store.open('r-gone');
    http
      .expectOne('/api/requests/r-gone/events')
      .flush(null, { status: 500, statusText: 'Server Error' });
    http.expectOne('/api/requests/r-gone').flush(null, { status: 404, statusText: 'Not Found' });
    await opened;
    expect(store.state()).toEqual({ kind: 'not-found' });
    expect(store.events()).toEqual({ kind: 'failed' });
  });

  it('drops the answer for a request left behind', async () => {
    const first = store.open('r-1');
    const second = store.open('r-2');
    http.expectOne('/api/requests/r-1').flush(testRequestDetail({ id: 'r-1', number: 1 }));
    http.expectOne('/api/requests/r-1/events').flush([]);
    http.expectOne('/api/requests/r-2').flush(testRequestDetail({ id: 'r-2', number: 2 }));
    http.expectOne('/api/requests/r-2/events').flush([]);
    await Promise.all([first, second]);
    const state = store.state();
    expect(state.kind === 'loaded' && state.request.number).toBe(2);
  });

  it('makes a move with the version it shows, then reads the history again', async () => {
    await openRequest();
    const made = store.makeMove('START_REVIEW', emptyMoveForm());
    const move = http.expectOne({ method: 'POST', url: '/api/requests/r-123/moves' });
    expect(move.request.body).toEqual({ move: 'START_REVIEW', version: 4 });
    expect(store.saving()).toBe('START_REVIEW');
    move.flush(testRequestDetail({ state: 'IN_REVIEW', version: 5, availableMoves: [] }));
    await settle();
    http
      .expectOne('/api/requests/r-123/events')
      .flush([testEvent(), testEvent({ id: 'e2', kind: 'START_REVIEW' })]);

    expect(await made).toBe('done');
    expect(store.saving()).toBeNull();
    expect(store.notice()).toEqual({
      kind: 'done',
      text: 'Klart. Begäran 123 har nu status ”Granskas”.',
    });
    const events = store.events();
    expect(events.kind === 'loaded' && events.value).toHaveLength(2);
  });

  it('keeps a move missing what it carries in the form, without asking the API', async () => {
    await openRequest();
    expect(await store.makeMove('ASK_FOR_INFO', emptyMoveForm())).toBe('invalid');
    expect(store.errors().fields).toEqual({ text: ['Skriv frågan till skolan.'] });
  });

  it('says someone else changed the request on a stale version, and reads it again', async () => {
    await openRequest();
    const made = store.makeMove('QUEUE', emptyMoveForm());
    http.expectOne('/api/requests/r-123/moves').flush(
      {
        type: 'urn:licensregistret:problem:stale-version',
        title: 'Conflict',
        status: 409,
        currentState: 'NEEDS_INFO',
        currentVersion: 5,
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    http.expectOne('/api/requests/r-123/events').flush([]);
    http
      .expectOne('/api/requests/r-123')
      .flush(testRequestDetail({ state: 'NEEDS_INFO', version: 5, availableMoves: [] }));

    expect(await made).toBe('conflict');
    expect(store.notice()).toEqual({ kind: 'conflict', text: CONFLICT_MESSAGE });
    const state = store.state();
    expect(state.kind === 'loaded' && state.request.state).toBe('NEEDS_INFO');
  });

  it('names in Swedish what stops an approval when the gates refuse it', async () => {
    await openRequest(testRequestDetail({ state: 'IN_REVIEW' }));
    const made = store.makeMove('DECIDE', { ...emptyMoveForm(), outcome: 'APPROVED' });
    http.expectOne('/api/requests/r-123/moves').flush(
      {
        type: 'urn:licensregistret:problem:conflict',
        title: 'Conflict',
        status: 409,
        currentState: 'IN_REVIEW',
        currentVersion: 4,
        blockers: [{ code: 'DPIA_MISSING' }, { code: 'REVIEW_MISSING', kind: 'PROCUREMENT' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    http.expectOne('/api/requests/r-123/events').flush([]);
    http.expectOne('/api/requests/r-123').flush(testRequestDetail({ state: 'IN_REVIEW' }));

    expect(await made).toBe('failed');
    expect(store.notice()).toBeNull();
    expect(store.errors().general).toEqual([
      'Begäran kan inte godkännas än: Två eller fler av IMY:s kriterier gäller men ingen ' +
        'konsekvensbedömning är gjord; Granskning saknas: Avtals- och kostnadsgranskning.',
    ]);
  });

  it('puts a field the API refuses next to it', async () => {
    await openRequest();
    const made = store.makeMove('MARK_COVERED', { ...emptyMoveForm(), licenceId: 'lic-old' });
    http.expectOne('/api/requests/r-123/moves').flush(
      {
        type: 'urn:licensregistret:problem:invalid',
        title: 'Bad Request',
        status: 400,
        errors: [{ field: 'licenceId', messages: ['licenceId must be a licence in force'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(await made).toBe('failed');
    expect(store.errors().fields).toEqual({
      licenceId: ['Välj den licens som redan täcker skolenheten.'],
    });
  });

  it('says a new supplier’s name is taken next to the organisation number typed', async () => {
    await openRequest(
      testRequestDetail({
        serviceId: null,
        service: null,
        newTool: { name: 'Skolplus', supplierName: 'NE', webAddress: '' },
      }),
    );
    const made = store.makeMove('START_REVIEW', {
      ...emptyMoveForm(),
      supplierChoice: 'NEW_SUPPLIER',
      supplierOrganisationNumber: '556677-8899',
      category: 'LEARNING_MATERIAL',
    });
    http.expectOne('/api/requests/r-123/moves').flush(
      {
        type: 'urn:licensregistret:problem:duplicate',
        title: 'Conflict',
        status: 409,
        errors: [{ field: 'supplierId', messages: ['a supplier of that name exists'] }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    expect(await made).toBe('failed');
    expect(store.errors().fields).toEqual({
      supplierOrganisationNumber: [
        'Det finns redan en leverantör med det namnet i registret. Välj den i listan.',
      ],
    });
  });

  it('reads the unit’s licences once', async () => {
    const loaded = store.loadLicences('u-haga');
    http.expectOne('/api/school-units/u-haga/licences').flush([testUnitLicence()]);
    await loaded;
    expect(store.licences()).toEqual({ kind: 'loaded', value: [testUnitLicence()] });
    await store.loadLicences('u-haga');
    http.expectNone('/api/school-units/u-haga/licences');
  });

  it('reads the services and suppliers a new tool can be linked to', async () => {
    const loaded = store.loadNewToolChoices();
    http
      .expectOne((r) => r.url === '/api/services')
      .flush({
        rows: [{ id: 'svc-ne', name: 'NE', supplierName: 'NE Nationalencyklopedin AB' }],
        total: 1,
      });
    http
      .expectOne((r) => r.url === '/api/suppliers')
      .flush({
        rows: [
          { id: 's-ne', name: 'NE Nationalencyklopedin AB', organisationNumber: '556216-3624' },
        ],
        total: 1,
      });
    await loaded;
    expect(store.newToolChoices()).toEqual({
      kind: 'loaded',
      value: {
        services: [{ id: 'svc-ne', name: 'NE', supplierName: 'NE Nationalencyklopedin AB' }],
        suppliers: [
          { id: 's-ne', name: 'NE Nationalencyklopedin AB', organisationNumber: '556216-3624' },
        ],
      },
    });
  });

  describe('comments', () => {
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
      expect(store.events()).toEqual({ kind: 'loaded', value: [testEvent(), comment] });
      expect(store.commentStatus()).toBe('Kommentaren är sparad och visas nu i historiken.');
      expect(store.commentErrors().fields).toEqual({});
    });

    it('refuses an empty comment without asking the API', async () => {
      await openRequest();
      expect(await store.comment('   ')).toBe(false);
      http.expectNone('/api/requests/r-123/comments');
      expect(store.commentErrors()).toEqual({
        fields: { text: ['Skriv en kommentar.'] },
        general: [],
      });
      expect(store.commentStatus()).toBe('');
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
      expect(store.commentErrors().fields).toEqual({
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
      expect(store.commentErrors().general).toEqual([
        'Kommentaren kunde inte sparas: begäran finns inte längre, eller så kan du inte se den.',
      ]);
    });

    it('forgets what was said about a comment when another request is opened', async () => {
      await openRequest();
      await store.comment('');
      expect(store.commentErrors().fields['text']).toHaveLength(1);
      await openRequest(testRequestDetail({ id: 'r-7', number: 7 }));
      expect(store.commentErrors().fields).toEqual({});
    });
  });

  describe('reporting a change of the service', () => {
    const dueAgain = testDataProtectionReview({
      dueAgainSince: '2026-03-10T10:00:00Z',
      validity: 'DUE_AGAIN',
    });
    const answer: ServiceReviews = {
      current: { ...NO_REVIEWS, DATA_PROTECTION: dueAgain },
      all: [dueAgain],
      approvalBlockers: [{ code: 'REVIEW_DUE_AGAIN', kind: 'DATA_PROTECTION' }],
    };

    it('reports it for the request’s service, then reads the request again and says so', async () => {
      await openRequest();
      const reporting = store.reportChange({
        kind: 'NEW_SUB_PROCESSOR',
        description: '  Lagringen flyttar till en ny molnleverantör.  ',
      });
      expect(store.reportingChange()).toBe(true);
      const post = http.expectOne({ method: 'POST', url: '/api/services/svc-polylino/changes' });
      expect(post.request.body).toEqual({
        kind: 'NEW_SUB_PROCESSOR',
        description: 'Lagringen flyttar till en ny molnleverantör.',
      });
      post.flush(answer);
      await settle();
      http.expectOne('/api/requests/r-123/events').flush([testEvent()]);
      http.expectOne('/api/requests/r-123').flush(
        testRequestDetail({
          reviews: answer.current,
          approvalBlockers: [
            { code: 'REVIEW_DUE_AGAIN', kind: 'DATA_PROTECTION' },
            { code: 'REVIEW_MISSING', kind: 'INFORMATION_SECURITY' },
          ],
        }),
      );

      expect(await reporting).toBe(true);
      expect(store.reportingChange()).toBe(false);
      expect(store.changeNotice()).toBe(CHANGE_REPORTED_TEXT);
      const state = store.state();
      expect(state.kind === 'loaded' && state.request.reviews?.DATA_PROTECTION?.validity).toBe(
        'DUE_AGAIN',
      );
      expect(state.kind === 'loaded' && state.request.approvalBlockers[0]).toEqual({
        code: 'REVIEW_DUE_AGAIN',
        kind: 'DATA_PROTECTION',
      });
    });

    it('keeps a report without kind or description, without asking the API', async () => {
      await openRequest();
      expect(await store.reportChange({ kind: '', description: ' ' })).toBe(false);
      http.expectNone('/api/services/svc-polylino/changes');
      expect(store.changeErrors().fields).toEqual({
        kind: ['Välj vilken typ av ändring det är.'],
        description: ['Beskriv ändringen.'],
      });
      expect(store.changeNotice()).toBeNull();
    });

    it('puts a description the API refuses next to it', async () => {
      await openRequest();
      const reporting = store.reportChange({ kind: 'MIGRATION', description: 'Ny plattform' });
      http.expectOne('/api/services/svc-polylino/changes').flush(
        {
          type: 'urn:licensregistret:problem:invalid',
          title: 'Bad Request',
          status: 400,
          errors: [{ field: 'description', messages: ['description must be 1-2000 characters'] }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      expect(await reporting).toBe(false);
      expect(store.changeErrors().fields).toEqual({
        description: ['Beskriv ändringen med högst 2 000 tecken.'],
      });
      expect(store.changeNotice()).toBeNull();
    });

    it('reports nothing for a request without a service in the registry', async () => {
      await openRequest(testRequestDetail({ serviceId: null, service: null, reviews: null }));
      expect(await store.reportChange({ kind: 'NEW_VERSION', description: 'Version 2' })).toBe(
        false,
      );
      http.expectNone((request) => request.url.endsWith('/changes'));
    });
  });
});
