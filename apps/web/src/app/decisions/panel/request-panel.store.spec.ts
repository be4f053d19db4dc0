import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { testRequestDetail, testUnitLicence } from '../decision.testing';
import { MoveChoicesStore } from './move-choices.store';
import { emptyMoveForm } from './moves/move-form';
import { openRequest, setUpPanelStores, settle } from './panel-stores.testing';
import { RequestMovesStore } from './request-moves.store';
import { RequestPanelStore } from './request-panel.store';

/** The name moves/move-actions.ts injects: the panel's own moves and choices, not copies. */
describe('RequestPanelStore', () => {
  let http: HttpTestingController;
  let store: RequestPanelStore;
  let moves: RequestMovesStore;

  beforeEach(() => {
    http = setUpPanelStores();
    store = TestBed.inject(RequestPanelStore);
    moves = TestBed.inject(RequestMovesStore);
  });

  afterEach(() => http.verify());

  it('makes its moves through the panel’s moves store, whose notice the panel shows', async () => {
    await openRequest();
    const made = store.makeMove('START_REVIEW', emptyMoveForm());
    expect(store.saving()).toBe('START_REVIEW');
    expect(moves.saving()).toBe('START_REVIEW');
    http.expectOne('/api/requests/r-123/moves').flush(testRequestDetail({ state: 'IN_REVIEW' }));
    await settle();
    http.expectOne('/api/requests/r-123/events').flush([]);
    expect(await made).toBe('done');
    expect(moves.notice()?.kind).toBe('done');
  });

  it('shares the errors it clears with the moves store', async () => {
    await openRequest();
    await store.makeMove('ASK_FOR_INFO', emptyMoveForm());
    expect(moves.errors().fields['text']).toHaveLength(1);
    expect(store.errors()).toBe(moves.errors());
    store.clearErrors();
    expect(moves.errors().fields).toEqual({});
  });

  it('reads the choices into the panel’s choices store', async () => {
    const loaded = store.loadLicences('u-haga');
    http.expectOne('/api/school-units/u-haga/licences').flush([testUnitLicence()]);
    await loaded;
    expect(TestBed.inject(MoveChoicesStore).licences()).toEqual({
      kind: 'loaded',
      value: [testUnitLicence()],
    });
    expect(store.licences()).toEqual(TestBed.inject(MoveChoicesStore).licences());
  });
});
