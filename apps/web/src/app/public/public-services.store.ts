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

  async load(): Promise<void> {
    this.state$.set({ status: 'loading', services: [] });
    try {
      this.state$.set({ status: 'loaded', services: await firstValueFrom(this.api.services()) });
    } catch {
      this.state$.set({ status: 'failed', services: [] });
    }
  }

  search(q: string): void {
    this.q$.set(q);
  }

  filterStatus(status: PublicStatusFilter): void {
    this.statusFilter$.set(status);
  }
}
