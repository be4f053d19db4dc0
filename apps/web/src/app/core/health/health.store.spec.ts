import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { HealthResponse } from '@licensregistret/domain';

import { HEALTH_POLL_INTERVAL_MS, HealthStore } from './health.store';

const up: HealthResponse = {
  status: 'ok',
  database: { status: 'up', latencyMs: 3 },
  version: '0.1.0',
  uptimeSeconds: 10,
};
const down: HealthResponse = {
  ...up,
  status: 'degraded',
  database: { status: 'down', latencyMs: null },
};

describe('HealthStore', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  function start(): HealthStore {
    const store = TestBed.inject(HealthStore);
    jest.advanceTimersByTime(0);
    return store;
  }

  it('is checking until the API answers, then up', () => {
    const store = start();
    expect(store.state()).toEqual({ kind: 'checking' });

    http.expectOne('/api/health').flush(up);

    expect(store.state()).toEqual({ kind: 'answered', health: up });
    expect(store.databaseUp()).toBe(true);
  });

  it('reads the report carried by a 503 as the database being down', () => {
    const store = start();
    http.expectOne('/api/health').flush(down, { status: 503, statusText: 'Service Unavailable' });

    expect(store.state()).toEqual({ kind: 'answered', health: down });
    expect(store.databaseUp()).toBe(false);
  });

  it('is unreachable when the API does not answer, and recovers on the next poll', () => {
    const store = start();
    http.expectOne('/api/health').error(new ProgressEvent('error'), { status: 0 });
    expect(store.state()).toEqual({ kind: 'unreachable' });

    jest.advanceTimersByTime(HEALTH_POLL_INTERVAL_MS);
    http.expectOne('/api/health').flush(up);
    expect(store.databaseUp()).toBe(true);
  });
});
