import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { ServiceReviews } from '@licensregistret/domain';

import { testAgreement } from '../../agreements/agreement.testing';
import {
  NO_REVIEWS,
  testDataProtectionReview,
  testRequestDetail,
  testService,
} from '../decision.testing';
import { reviewFormFor } from './review-form';
import { ReviewStore } from './review.store';

const TODAY = '2026-03-14';
const reviews: ServiceReviews = { current: NO_REVIEWS, all: [], approvalBlockers: [] };

describe('ReviewStore', () => {
  let http: HttpTestingController;
  let store: ReviewStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), ReviewStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(ReviewStore);
  });

  afterEach(() => http.verify());

  const isRequestList = (r: { url: string }) => r.url === '/api/requests';

  async function load(kind: 'DATA_PROTECTION' | 'PROCUREMENT' = 'DATA_PROTECTION') {
    const loaded = store.load('svc-polylino', kind);
    http.expectOne('/api/services/svc-polylino').flush(testService());
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne(isRequestList).flush({ rows: [], total: null });
    http.expectOne('/api/services/svc-polylino/reviews').flush(reviews);
    return loaded;
  }

  it('reads the service’s latest open request when opened without one, for what it says', async () => {
    const loaded = store.load('svc-polylino', 'DATA_PROTECTION');
    http.expectOne('/api/services/svc-polylino').flush(testService());
    await new Promise((resolve) => setTimeout(resolve));
    const list = http.expectOne(isRequestList);
    expect(list.request.params.get('serviceId')).toBe('svc-polylino');
    expect(list.request.params.get('sort')).toBe('submittedAt:desc');
    list.flush({ rows: [testRequestDetail({ id: 'r-9' })], total: null });
    http.expectOne('/api/services/svc-polylino/reviews').flush(reviews);
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/requests/r-9').flush(testRequestDetail({ id: 'r-9', number: 9 }));
    await loaded;
    const state = store.state();
    expect(state.kind === 'ready' && state.context.request?.number).toBe(9);
  });

  it('reads the service and its reviews', async () => {
    await load();
    const state = store.state();
    expect(state.kind).toBe('ready');
    expect(state.kind === 'ready' && state.context.service.name).toBe('Polylino');
    expect(state.kind === 'ready' && state.context.agreements).toEqual([]);
  });

  it('reads the supplier’s agreements for a procurement review', async () => {
    const loaded = store.load('svc-polylino', 'PROCUREMENT');
    http.expectOne('/api/services/svc-polylino').flush(testService());
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne(isRequestList).flush({ rows: [], total: null });
    http.expectOne('/api/services/svc-polylino/reviews').flush(reviews);
    const agreements = http.expectOne((r) => r.url === '/api/agreements');
    expect(agreements.request.params.get('supplierId')).toBe('s-nok');
    agreements.flush({
      rows: [testAgreement({ id: 'a-nok', agreementNumber: 'NOK-1' })],
      total: 1,
    });
    await loaded;
    const state = store.state();
    expect(state.kind === 'ready' && state.context.agreements).toEqual([
      { id: 'a-nok', agreementNumber: 'NOK-1', endsOn: '2027-12-31' },
    ]);
  });

  it('says when the service does not exist', async () => {
    const loaded = store.load('svc-gone', 'DATA_PROTECTION');
    http.expectOne('/api/services/svc-gone').flush(null, { status: 404, statusText: 'Not Found' });
    await loaded;
    expect(store.state()).toEqual({ kind: 'not-found' });
  });

  it('keeps an incomplete review in the form, without asking the API', async () => {
    await load();
    expect(
      await store.save('DATA_PROTECTION', reviewFormFor(testService(), null, TODAY), TODAY),
    ).toBe(false);
    expect(Object.keys(store.errors().fields)).toContain('outcome');
  });

  it('records the review and says it is saved', async () => {
    await load();
    const value = reviewFormFor(testService(), testDataProtectionReview(), TODAY);
    value.outcome = 'APPROVED';
    const saved = store.save('DATA_PROTECTION', value, TODAY);
    const post = http.expectOne({ method: 'POST', url: '/api/services/svc-polylino/reviews' });
    expect(post.request.body).toMatchObject({
      kind: 'DATA_PROTECTION',
      outcome: 'APPROVED',
      redoBy: '2027-03-14',
      findings: { legalBasis: 'PUBLIC_INTEREST', dataSubjects: ['PUPILS', 'STAFF'] },
    });
    post.flush(testDataProtectionReview({ id: 'rev-new', reviewedOn: TODAY }));
    expect(await saved).toBe(true);
    const state = store.state();
    expect(state.kind === 'saved' && state.review.id).toBe('rev-new');
  });

  it('puts a refused finding next to its field', async () => {
    await load();
    const value = reviewFormFor(testService(), testDataProtectionReview(), TODAY);
    value.outcome = 'APPROVED';
    const saved = store.save('DATA_PROTECTION', value, TODAY);
    http.expectOne('/api/services/svc-polylino/reviews').flush(
      {
        type: 'urn:licensregistret:problem:invalid',
        title: 'Bad Request',
        status: 400,
        errors: [
          { field: 'findings.legalBasis', messages: ['legalBasis is needed'] },
          { field: 'findings.dataCategories.0', messages: ['each value must be a category'] },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(await saved).toBe(false);
    expect(store.errors().fields).toEqual({
      legalBasis: ['Välj rättslig grund.'],
      dataCategories: ['Välj minst en kategori av personuppgifter.'],
    });
    expect(store.state().kind).toBe('ready');
  });
});
