import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import type { HealthResponse } from '@licensregistret/domain';

import { type HealthState, HealthStore } from './health.store';
import { StatusLine } from './status-line';

describe('StatusLine', () => {
  const state = signal<HealthState>({ kind: 'checking' });
  const databaseUp = signal(false);

  function render(): HTMLElement {
    TestBed.configureTestingModule({
      imports: [StatusLine],
      providers: [{ provide: HealthStore, useValue: { state, databaseUp } }],
    });
    const fixture = TestBed.createComponent(StatusLine);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const health = (status: 'up' | 'down'): HealthResponse => ({
    status: status === 'up' ? 'ok' : 'degraded',
    database: { status, latencyMs: status === 'up' ? 4 : null },
    version: '0.1.0',
    uptimeSeconds: 1,
  });

  it('tells that it is checking, in a live region', () => {
    state.set({ kind: 'checking' });
    const element = render();
    const line = element.querySelector('[role="status"]');
    expect(line?.textContent).toContain('Kontrollerar anslutningen');
  });

  it('reports the database as connected, without its answer time', () => {
    state.set({ kind: 'answered', health: health('up') });
    databaseUp.set(true);
    const element = render();
    expect(element.textContent).toContain('Databasen är ansluten.');
    // The database's answer time is for operators (GET /api/health), not for people using the service.
    expect(element.textContent).not.toMatch(/\d\s*ms/);
    expect(element.querySelector('[data-status]')?.getAttribute('data-status')).toBe('up');
  });

  it('reports a database that does not answer', () => {
    state.set({ kind: 'answered', health: health('down') });
    databaseUp.set(false);
    expect(render().textContent).toContain('Databasen svarar inte');
  });

  it('reports an API that does not answer', () => {
    state.set({ kind: 'unreachable' });
    databaseUp.set(false);
    expect(render().textContent).toContain('Tjänsten svarar inte');
  });
});
