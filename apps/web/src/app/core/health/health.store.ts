import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type Observable, catchError, map, of, switchMap, timer } from 'rxjs';

import type { HealthResponse } from '@licensregistret/domain';

import { HealthApi } from './health-api';

export type HealthState =
  { kind: 'checking' } | { kind: 'answered'; health: HealthResponse } | { kind: 'unreachable' };

export const HEALTH_POLL_INTERVAL_MS = 30_000;

/** The API's health, checked at start and then every 30 seconds while the app is open. */
@Injectable({ providedIn: 'root' })
export class HealthStore {
  private readonly api = inject(HealthApi);
  private readonly state$ = signal<HealthState>({ kind: 'checking' });

  readonly state = this.state$.asReadonly();
  readonly databaseUp = computed(() => {
    const state = this.state$();
    return state.kind === 'answered' && state.health.database.status === 'up';
  });

  constructor() {
    timer(0, HEALTH_POLL_INTERVAL_MS)
      .pipe(
        switchMap(() => this.check()),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((state) => this.state$.set(state));
  }

  private check(): Observable<HealthState> {
    return this.api.get().pipe(
      map((health): HealthState => ({ kind: 'answered', health })),
      catchError(() => of<HealthState>({ kind: 'unreachable' })),
    );
  }
}
