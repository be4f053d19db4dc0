import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { PublicService } from '@licensregistret/domain';

import { PublicApi } from './public-api';

export type PublicStatusFilter = '' | PublicService['status'];

export interface PublicServicesState {
  status: 'loading' | 'loaded' | 'failed';
  services: PublicService[];
}

/** The public list of decided and retired services, filtered in the browser (it is short). */
@Injectable()
export class PublicServicesStore {
  private readonly api = inject(PublicApi);
  private readonly state$ = signal<PublicServicesState>({ status: 'loading', services: [] });
  private readonly q$ = signal('');
  private readonly statusFilter$ = signal<PublicStatusFilter>('');
  /** Counts the loads, so that an earlier municipality's late answer is dropped. */
  private loads = 0;

  readonly state = this.state$.asReadonly();
  readonly q = this.q$.asReadonly();
  readonly statusFilter = this.statusFilter$.asReadonly();

  /** The services matching the search and the status, by name. */
  readonly shown = computed(() => {
    const q = this.q$().trim().toLocaleLowerCase('sv');
    const status = this.statusFilter$();
    return this.state$()
      .services.filter((service) => status === '' || service.status === status)
      .filter(
        (service) =>
          q === '' ||
          service.name.toLocaleLowerCase('sv').includes(q) ||
          service.supplierName.toLocaleLowerCase('sv').includes(q),
      )
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  });

  /** Reads the decisions of `municipality` (a slug; none where the registry serves one). */
  async load(municipality?: string): Promise<void> {
    const loading = ++this.loads;
    this.state$.set({ status: 'loading', services: [] });
    try {
      const services = await firstValueFrom(this.api.services(municipality));
      if (loading === this.loads) this.state$.set({ status: 'loaded', services });
    } catch {
      if (loading === this.loads) this.state$.set({ status: 'failed', services: [] });
    }
  }

  search(q: string): void {
    this.q$.set(q);
  }

  filterStatus(status: PublicStatusFilter): void {
    this.statusFilter$.set(status);
  }
}
