import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { CoverageMatrix, NetworkGroup, UnitWithoutService } from '@licensregistret/domain';

import { CoverageApi } from '../data/coverage-api';

export type MatrixState =
  { kind: 'loading' } | { kind: 'failed' } | { kind: 'loaded'; matrix: CoverageMatrix };

export type LackingState =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'loaded'; units: UnitWithoutService[] };

/** Units × municipality-wide services, filtered by network group; and who lacks a service. */
@Injectable()
export class CoverageStore {
  private readonly api = inject(CoverageApi);
  private readonly matrix$ = signal<MatrixState>({ kind: 'loading' });
  private readonly networkGroup$ = signal<NetworkGroup | ''>('');
  private readonly lacking$ = signal<ReadonlyMap<string, LackingState>>(new Map());

  readonly matrix = this.matrix$.asReadonly();
  readonly networkGroup = this.networkGroup$.asReadonly();
  /** Per service asked about: the units it does not reach. */
  readonly lacking = this.lacking$.asReadonly();

  /** The units in the chosen network group, or all. */
  readonly units = computed(() => {
    const state = this.matrix$();
    if (state.kind !== 'loaded') return [];
    const group = this.networkGroup$();
    return group === ''
      ? state.matrix.units
      : state.matrix.units.filter((unit) => unit.networkGroup === group);
  });

  async load(): Promise<void> {
    this.matrix$.set({ kind: 'loading' });
    try {
      this.matrix$.set({ kind: 'loaded', matrix: await firstValueFrom(this.api.matrix()) });
    } catch {
      this.matrix$.set({ kind: 'failed' });
    }
  }

  setNetworkGroup(group: NetworkGroup | ''): void {
    this.networkGroup$.set(group);
  }

  /** Reads the units a service does not reach, once; again only after a failure. */
  async loadLacking(serviceId: string): Promise<void> {
    const current = this.lacking$().get(serviceId);
    if (current && current.kind !== 'failed') return;
    this.setLacking(serviceId, { kind: 'loading' });
    try {
      const units = await firstValueFrom(this.api.unitsWithoutService(serviceId));
      this.setLacking(serviceId, { kind: 'loaded', units });
    } catch {
      this.setLacking(serviceId, { kind: 'failed' });
    }
  }

  private setLacking(serviceId: string, state: LackingState): void {
    this.lacking$.update((all) => new Map(all).set(serviceId, state));
  }
}
