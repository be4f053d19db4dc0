import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { testEvent, testRequestDetail } from '../decision.testing';
import { emptyMoveForm } from './moves/move-form';
import { PanelRequestStore } from './panel-request.store';
import { openRequest, setUpPanelStores, settle } from './panel-stores.testing';
import { RequestHistoryStore } from './request-history.store';
import { CONFLICT_MESSAGE, NOT_NOW_MESSAGE, RequestMovesStore } from './request-moves.store';

describe('RequestMovesStore', () => {
  let http: HttpTestingController;
  let store: RequestMovesStore;
  let request: PanelRequestStore;

  beforeEach(() => {
    http = setUpPanelStores();
    store = TestBed.inject(RequestMovesStore);
    request = TestBed.inject(PanelRequestStore);
  });

  afterEach(() => http.verify());

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
    expect(request.request()?.version).toBe(5);
    const events = TestBed.inject(RequestHistoryStore).events();
    expect(events.kind === 'loaded' && events.value).toHaveLength(2);
  });

  it('says what a move that keeps the state did', async () => {
    await openRequest(testRequestDetail({ state: 'IN_REVIEW', needsManagerConfirmation: true }));
    const made = store.makeMove('PROPOSE_DECISION', { ...emptyMoveForm(), outcome: 'APPROVED' });
    http
      .expectOne('/api/requests/r-123/moves')
      .flush(testRequestDetail({ state: 'IN_REVIEW', version: 5 }));
    await settle();
    http.expectOne('/api/requests/r-123/events').flush([]);
    expect(await made).toBe('done');
    expect(store.notice()).toEqual({
      kind: 'done',
      text: 'Beslutsförslaget är sparat och väntar på objektledarens beslut.',
    });
  });

  it('keeps a move missing what it carries in the form, without asking the API', async () => {
    await openRequest();
    expect(await store.makeMove('ASK_FOR_INFO', emptyMoveForm())).toBe('invalid');
    expect(store.errors().fields).toEqual({ text: ['Skriv frågan till skolan.'] });
    store.clearErrors();
    expect(store.errors().fields).toEqual({});
  });

  it('checks a decision before its confirmation step, setting the errors as a refusal would', async () => {
    await openRequest(testRequestDetail({ state: 'IN_REVIEW', availableMoves: ['DECIDE'] }));
    expect(store.check('DECIDE', emptyMoveForm())).toBe(false);
    expect(store.errors().fields).toEqual({ outcome: ['Välj ett beslut.'] });
    expect(store.check('DECIDE', { ...emptyMoveForm(), outcome: 'APPROVED' })).toBe(true);
    expect(store.errors().fields).toEqual({});
    http.expectNone('/api/requests/r-123/moves');
  });

  it('says a corrected decision was corrected', async () => {
    await openRequest(testRequestDetail({ state: 'DECIDED', decisionOutcome: 'APPROVED' }));
    const made = store.makeMove('CORRECT_DECISION', {
      ...emptyMoveForm(),
      outcome: 'APPROVED',
      correctionReason: 'Fel motivering.',
    });
    http
      .expectOne('/api/requests/r-123/moves')
      .flush(testRequestDetail({ state: 'DECIDED', version: 5 }));
    await settle();
    http.expectOne('/api/requests/r-123/events').flush([]);
    expect(await made).toBe('done');
    expect(store.notice()?.text).toBe('Beslutet är rättat. Skolan har fått besked igen.');
  });

  it('makes no move before the request is read', async () => {
    expect(await store.makeMove('START_REVIEW', emptyMoveForm())).toBe('failed');
    http.expectNone('/api/requests/r-123/moves');
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
    expect(request.request()?.state).toBe('NEEDS_INFO');
  });

  it('says a move is not possible now on another conflict, and reads the request again', async () => {
    await openRequest();
    const made = store.makeMove('QUEUE', emptyMoveForm());
    http.expectOne('/api/requests/r-123/moves').flush(
      {
        type: 'urn:licensregistret:problem:conflict',
        title: 'Conflict',
        status: 409,
        currentState: 'QUEUED',
        currentVersion: 4,
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    http.expectOne('/api/requests/r-123/events').flush([]);
    http.expectOne('/api/requests/r-123').flush(testRequestDetail({ state: 'QUEUED' }));
    expect(await made).toBe('conflict');
    expect(store.notice()).toEqual({ kind: 'conflict', text: NOT_NOW_MESSAGE });
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

  it('forgets what a move led to when another request is opened', async () => {
    await openRequest();
    await store.makeMove('ASK_FOR_INFO', emptyMoveForm());
    expect(store.errors().fields['text']).toHaveLength(1);
    const made = store.makeMove('START_REVIEW', emptyMoveForm());
    http.expectOne('/api/requests/r-123/moves').flush(testRequestDetail({ state: 'IN_REVIEW' }));
    await settle();
    http.expectOne('/api/requests/r-123/events').flush([]);
    await made;
    expect(store.notice()).not.toBeNull();

    await openRequest(testRequestDetail({ id: 'r-7', number: 7 }));
    expect(store.notice()).toBeNull();
    expect(store.errors().fields).toEqual({});
  });
});
