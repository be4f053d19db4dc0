import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { testUnitLicence } from '../decision.testing';
import { MoveChoicesStore } from './move-choices.store';

describe('MoveChoicesStore', () => {
  let http: HttpTestingController;
  let store: MoveChoicesStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), MoveChoicesStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(MoveChoicesStore);
  });

  afterEach(() => http.verify());

  it('reads the unit’s licences once', async () => {
    const loaded = store.loadLicences('u-haga');
    http.expectOne('/api/school-units/u-haga/licences').flush([testUnitLicence()]);
    await loaded;
    expect(store.licences()).toEqual({ kind: 'loaded', value: [testUnitLicence()] });
    await store.loadLicences('u-haga');
    http.expectNone('/api/school-units/u-haga/licences');
  });

  it('reads another unit’s licences, and says when they cannot be read', async () => {
    const loaded = store.loadLicences('u-haga');
    http.expectOne('/api/school-units/u-haga/licences').flush([testUnitLicence()]);
    await loaded;
    const other = store.loadLicences('u-mell');
    expect(store.licences()).toEqual({ kind: 'loading' });
    http
      .expectOne('/api/school-units/u-mell/licences')
      .flush(null, { status: 500, statusText: 'Server Error' });
    await other;
    expect(store.licences()).toEqual({ kind: 'failed' });
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
    await store.loadNewToolChoices();
    http.expectNone((r) => r.url === '/api/services');
  });
});
