import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { testDemandGroup } from '../decision.testing';
import { DemandStore } from './demand.store';

describe('DemandStore', () => {
  let http: HttpTestingController;
  let store: DemandStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), DemandStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(DemandStore);
  });

  afterEach(() => http.verify());

  it('puts the most asked-for tool first, then the one waiting longest', async () => {
    const loaded = store.load();
    http.expectOne('/api/requests/demand').flush([
      testDemandGroup({ serviceId: 'a', toolName: 'A', requestCount: 1, unitCount: 1 }),
      testDemandGroup({
        serviceId: 'b',
        toolName: 'B',
        requestCount: 4,
        oldestSubmittedAt: '2026-03-01T00:00:00Z',
      }),
      testDemandGroup({
        serviceId: 'c',
        toolName: 'C',
        requestCount: 4,
        oldestSubmittedAt: '2026-01-01T00:00:00Z',
      }),
    ]);
    await loaded;
    const state = store.state();
    expect(state.kind === 'loaded' && state.groups.map((group) => group.toolName)).toEqual([
      'C',
      'B',
      'A',
    ]);
  });

  it('says when the demand cannot be read', async () => {
    const loaded = store.load();
    http.expectOne('/api/requests/demand').flush(null, { status: 500, statusText: 'Server Error' });
    await loaded;
    expect(store.state()).toEqual({ kind: 'failed' });
  });
});
