import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { RequestDecision, RequestDetail, Role } from '@licensregistret/domain';

import { sessionUser, startAs } from '../../core/auth/auth.testing';
import { testRequestDetail } from '../../decisions/decision.testing';
import { SAVE_FAILED_MESSAGE } from '../../shared/forms/form-errors';
import { testAgreement, testLicence } from '../agreement.testing';
import {
  AGREEMENT_REFUSED_MESSAGE,
  LICENSING_FIELD_MESSAGES,
  LicensingStore,
  REQUEST_CHANGED_MESSAGE,
} from './licensing.store';

const approval: RequestDecision = {
  outcome: 'APPROVED_WITH_CONDITIONS',
  reasons: [],
  text: '',
  conditions: 'Endast med skolfederationens inloggning.',
  publicConditions: '',
  decidedByName: 'Olle Objektspecialist',
  decidedAt: '2026-11-02T09:00:00Z',
};

function approved(overrides: Partial<RequestDetail> = {}): RequestDetail {
  return testRequestDetail({
    state: 'DECIDED',
    decision: approval,
    decisionOutcome: 'APPROVED_WITH_CONDITIONS',
    availableMoves: ['IMPLEMENT'],
    ...overrides,
  });
}

const body = {
  requests: [{ id: 'r-1', version: 4 }],
  agreementId: 'a-ne',
  scope: 'UNITS' as const,
  unitIds: ['u-1'],
  startsOn: '2026-12-04',
  endsOn: '2027-06-30',
};

describe('LicensingStore', () => {
  let http: HttpTestingController;
  let store: LicensingStore;
  let signedInAs: Role[] = ['PROCUREMENT'];

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), LicensingStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(LicensingStore);
    await startAs(sessionUser(signedInAs));
  });

  afterEach(() => http.verify());

  /** Loads `request`, the service's decided requests `decided`, and the supplier's agreements. */
  async function load(request: RequestDetail, others: RequestDetail[] = []): Promise<void> {
    const done = store.load(request.id);
    http.expectOne(`/api/requests/${request.id}`).flush(request);
    await Promise.resolve();
    const decided = http.expectOne((r) => r.url === '/api/requests');
    expect(decided.request.params.get('state')).toBe('DECIDED');
    expect(decided.request.params.get('serviceId')).toBe(request.service?.id);
    decided.flush({ rows: [request, ...others], total: others.length + 1 });
    const agreements = http.expectOne((r) => r.url === '/api/agreements');
    expect(agreements.request.params.get('supplierId')).toBe(request.service?.supplierId);
    agreements.flush({
      rows: [
        testAgreement({ id: 'a-ne', status: 'ACTIVE' }),
        testAgreement({ id: 'a-old', status: 'EXPIRED' }),
        testAgreement({ id: 'a-draft', status: 'DRAFT' }),
      ],
      total: 3,
    });
    for (const other of others) http.expectOne(`/api/requests/${other.id}`).flush(other);
    await done;
  }

  it('offers the supplier’s usable agreements and the other approved requests for the service', async () => {
    const other = approved({ id: 'r-2', number: 13, unitName: 'Hagaskolan F-6' });
    const rejected = approved({ id: 'r-3', decisionOutcome: 'REJECTED' });
    const request = approved({ id: 'r-1' });
    const done = store.load('r-1');
    http.expectOne('/api/requests/r-1').flush(request);
    await Promise.resolve();
    http
      .expectOne((r) => r.url === '/api/requests')
      .flush({ rows: [request, other, rejected], total: 3 });
    http
      .expectOne((r) => r.url === '/api/agreements')
      .flush({
        rows: [testAgreement({ status: 'TERMINATED' }), testAgreement({ id: 'a-ok' })],
        total: 2,
      });
    http.expectOne('/api/requests/r-2').flush(other);
    await done;
    const state = store.state();
    expect(state.status).toBe('ready');
    if (state.status !== 'ready') return;
    expect(state.data.others.map((row) => row.id)).toEqual(['r-2']);
    expect(state.data.agreements.map((row) => row.id)).toEqual(['a-ok']);
  });

  it('says why a request is not licensed here: not decided, rejected, or not the caller’s move', async () => {
    for (const [request, why] of [
      [approved({ state: 'IN_REVIEW' }), 'inte beslutad'],
      [approved({ decision: { ...approval, outcome: 'REJECTED' } }), 'avslagen'],
      [approved({ availableMoves: [] }), 'Du kan inte'],
    ] as const) {
      const done = store.load(request.id);
      http.expectOne(`/api/requests/${request.id}`).flush(request);
      await done;
      const state = store.state();
      expect(state.status).toBe('not-licensable');
      if (state.status === 'not-licensable') expect(state.why).toContain(why);
    }
  });

  describe('as an object specialist', () => {
    beforeAll(() => (signedInAs = ['OBJECT_SPECIALIST']));
    afterAll(() => (signedInAs = ['PROCUREMENT']));

    it('says that procurement licenses, even where the specialist may mark it implemented', async () => {
      const done = store.load('r-1');
      http.expectOne('/api/requests/r-1').flush(approved({ id: 'r-1' }));
      await done;
      const state = store.state();
      expect(state.status === 'not-licensable' && state.why).toContain('upphandlare');
    });
  });

  it('an unknown request is not found', async () => {
    const done = store.load('nope');
    http.expectOne('/api/requests/nope').flush({}, { status: 404, statusText: 'Not Found' });
    await done;
    expect(store.state().status).toBe('not-found');
  });

  it('sends the licence with its requests and shows the result', async () => {
    await load(approved({ id: 'r-1' }));
    const sent = store.license(body);
    const post = http.expectOne('/api/licences/from-requests');
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual(body);
    post.flush({ licence: testLicence(), requests: [{ id: 'r-1', number: 12, version: 5 }] });
    expect(await sent).toBe(true);
    expect(store.state().status).toBe('done');
  });

  it('shows the API’s refusals in Swedish: fields, the agreement, a changed request', async () => {
    await load(approved({ id: 'r-1' }));
    const refuse = async (status: number, problem: object) => {
      const sent = store.license(body);
      http.expectOne('/api/licences/from-requests').flush(problem, { status, statusText: 'No' });
      expect(await sent).toBe(false);
      return store.errors();
    };
    expect(
      await refuse(400, {
        status: 400,
        errors: [{ field: 'unitIds', messages: ['leaves out X'] }],
      }),
    ).toEqual({ fields: { unitIds: [LICENSING_FIELD_MESSAGES['unitIds']?.invalid] }, general: [] });
    expect(
      await refuse(409, { status: 409, errors: [{ field: 'agreementId', messages: ['ended'] }] }),
    ).toEqual({ fields: { agreementId: [AGREEMENT_REFUSED_MESSAGE] }, general: [] });
    expect(
      await refuse(409, { status: 409, type: 'urn:licensregistret:problem:stale-version' }),
    ).toEqual({ fields: {}, general: [REQUEST_CHANGED_MESSAGE] });
    expect(await refuse(500, {})).toEqual({ fields: {}, general: [SAVE_FAILED_MESSAGE] });
    expect(store.state().status).toBe('ready');
  });
});
