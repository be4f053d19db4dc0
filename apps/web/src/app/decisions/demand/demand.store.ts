import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { DemandGroup } from '@licensregistret/domain';

import { RequestsApi } from '../../requests/data/requests-api';

export type DemandState =
  { kind: 'loading' } | { kind: 'loaded'; groups: DemandGroup[] } | { kind: 'failed' };

/** Most asked for first; among equals, the one that has waited longest. */
export function byDemand(a: DemandGroup, b: DemandGroup): number {
  return (
    b.requestCount - a.requestCount ||
    b.unitCount - a.unitCount ||
    a.oldestSubmittedAt.localeCompare(b.oldestSubmittedAt)
  );
}

/** The open requests grouped by tool: several units asking for the same thing. */
@Injectable()
export class DemandStore {
  private readonly api = inject(RequestsApi);
  private readonly state$ = signal<DemandState>({ kind: 'loading' });

  readonly state = this.state$.asReadonly();

  async load(): Promise<void> {
    this.state$.set({ kind: 'loading' });
    try {
      const groups = await firstValueFrom(this.api.demand());
      this.state$.set({ kind: 'loaded', groups: [...groups].sort(byDemand) });
    } catch {
      this.state$.set({ kind: 'failed' });
    }
  }
}
