import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { ServiceReviews } from '@licensregistret/domain';

import {
  NO_REVIEWS,
  testDataProtectionReview,
  testEvent,
  testRequestDetail,
} from '../decision.testing';
import { PanelRequestStore } from './panel-request.store';
import { openRequest, setUpPanelStores, settle } from './panel-stores.testing';
import { CHANGE_REPORTED_TEXT } from './service-change-form';
import { ServiceChangeStore } from './service-change.store';

describe('ServiceChangeStore', () => {
  let http: HttpTestingController;
  let store: ServiceChangeStore;

  const dueAgain = testDataProtectionReview({
    dueAgainSince: '2026-03-10T10:00:00Z',
    validity: 'DUE_AGAIN',
  });
  const answer: ServiceReviews = {
    current: { ...NO_REVIEWS, DATA_PROTECTION: dueAgain },
    all: [dueAgain],
    approvalBlockers: [{ code: 'REVIEW_DUE_AGAIN', kind: 'DATA_PROTECTION' }],
  };

  beforeEach(() => {
    http = setUpPanelStores();
    store = TestBed.inject(ServiceChangeStore);
  });

  afterEach(() => http.verify());

  it('reports it for the request’s service, then reads the request again and says so', async () => {
    await openRequest();
    const reporting = store.reportChange({
      kind: 'NEW_SUB_PROCESSOR',
      description: '  Lagringen flyttar till en ny molnleverantör.  ',
    });
    expect(store.reporting()).toBe(true);
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
    expect(store.reporting()).toBe(false);
    expect(store.notice()).toBe(CHANGE_REPORTED_TEXT);
    const request = TestBed.inject(PanelRequestStore).request();
    expect(request?.reviews?.DATA_PROTECTION?.validity).toBe('DUE_AGAIN');
    expect(request?.approvalBlockers[0]).toEqual({
      code: 'REVIEW_DUE_AGAIN',
      kind: 'DATA_PROTECTION',
    });
  });

  it('keeps a report without kind or description, without asking the API', async () => {
    await openRequest();
    expect(await store.reportChange({ kind: '', description: ' ' })).toBe(false);
    http.expectNone('/api/services/svc-polylino/changes');
    expect(store.errors().fields).toEqual({
      kind: ['Välj vilken typ av ändring det är.'],
      description: ['Beskriv ändringen.'],
    });
    expect(store.notice()).toBeNull();
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
    expect(store.errors().fields).toEqual({
      description: ['Beskriv ändringen med högst 2 000 tecken.'],
    });
    expect(store.notice()).toBeNull();
  });

  it('reports nothing for a request without a service in the registry', async () => {
    await openRequest(testRequestDetail({ serviceId: null, service: null, reviews: null }));
    expect(await store.reportChange({ kind: 'NEW_VERSION', description: 'Version 2' })).toBe(false);
    http.expectNone((request) => request.url.endsWith('/changes'));
  });

  it('forgets what was said about a report when another request is opened', async () => {
    await openRequest();
    await store.reportChange({ kind: '', description: '' });
    expect(store.errors().fields['kind']).toHaveLength(1);
    await openRequest(testRequestDetail({ id: 'r-7', number: 7 }));
    expect(store.errors().fields).toEqual({});
  });
});
