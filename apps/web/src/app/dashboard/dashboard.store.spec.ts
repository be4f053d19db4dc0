import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { DashboardStore, monthName } from './dashboard.store';
import { testDashboard } from './dashboard.testing';

describe('DashboardStore', () => {
  let http: HttpTestingController;
  let store: DashboardStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), DashboardStore],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(DashboardStore);
  });

  afterEach(() => http.verify());

  async function load(dashboard = testDashboard()) {
    const loaded = store.load();
    http.expectOne('/api/dashboard').flush(dashboard);
    await loaded;
  }

  it('words the figures in Swedish', async () => {
    expect(store.state()).toEqual({ kind: 'loading' });
    await load();
    expect(store.agreementsByStatus().map((row) => [row.label, row.value])).toEqual([
      ['Utkast', 1],
      ['Uppsagt', 0],
      ['Har löpt ut', 2],
      ['Uppsägningstiden passerad', 0],
      ['Åtgärd krävs', 1],
      ['Löper snart ut', 0],
      ['Aktivt', 12],
    ]);
    expect(store.requestsByState()[0]).toEqual({ key: 'SUBMITTED', label: 'Inskickad', value: 3 });
    expect(store.openRequestAges().map((row) => row.label)).toEqual([
      '0–7 dagar',
      '8–30 dagar',
      '31–90 dagar',
      'Mer än 90 dagar',
    ]);
    expect(store.decisionTimes().at(-2)).toMatchObject({ label: 'maj 2026', medianDays: 10 });
    expect(store.equity().map((form) => form.label)).toEqual(['Grundskola', 'Förskola']);
    expect(store.renewals().map((row) => row.kindLabel)).toEqual([
      'Beslut om förlängning',
      'Avtalet upphör',
    ]);
  });

  it('keeps only the categories that cost anything', async () => {
    await load();
    expect(store.costByCategory()).toEqual([
      { key: 'LEARNING_MATERIAL', label: 'Läromedel', value: 1234567 },
      { key: 'ASSISTIVE_TECHNOLOGY', label: 'Hjälpmedel', value: 80000 },
    ]);
  });

  it('counts what falls due in each of the 19 calendar months the 18 months touch', async () => {
    await load();
    const months = store.renewalsPerMonth();
    expect(months).toHaveLength(19);
    expect(months[0]).toEqual({ key: '2026-06', label: 'juni 2026', value: 0 });
    expect(months.find((month) => month.key === '2026-08')?.value).toBe(1);
    expect(months.find((month) => month.key === '2026-12')?.value).toBe(1);
    expect(months.at(-1)?.key).toBe('2027-12');
  });

  it('says when the figures cannot be read', async () => {
    const loaded = store.load();
    http.expectOne('/api/dashboard').flush(null, { status: 500, statusText: 'Server Error' });
    await loaded;
    expect(store.state()).toEqual({ kind: 'failed' });
    expect(store.agreementsByStatus()).toEqual([]);
  });

  it('names months in Swedish', () => {
    expect(monthName('2026-01')).toBe('januari 2026');
    expect(monthName('2025-12')).toBe('december 2025');
  });
});
