import { ChangeDetectionStrategy, Component, Injectable, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Observable } from 'rxjs';

import {
  ACCESS_POLICY,
  CATALOGUE_STATUS_LABELS,
  type DigitalService,
  MAX_PAGE_SIZE,
  type Page,
  SERVICE_CATEGORY_LABELS,
  mayCall,
} from '@licensregistret/domain';

import { AuthStore } from '../../core/auth/auth.store';
import { countText } from '../../shared/format/format';
import { AGREEMENT_PATHS } from '../agreement-paths';
import { ServicesApi } from '../data/services-api';
import { RecordListStore } from './record-list.store';

@Injectable()
export class ServiceListStore extends RecordListStore<DigitalService> {
  private readonly api = inject(ServicesApi);

  protected fetch(query: { q?: string; limit: number }): Observable<Page<DigitalService>> {
    return this.api.list({ ...query, limit: MAX_PAGE_SIZE, sort: 'name:asc' });
  }
}

/** The digital services (`avtal/tjanster`), whatever their status: to find one and change it. */
@Component({
  selector: 'lr-services-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  providers: [ServiceListStore],
  template: `
    <div class="list-head">
      <h1>Tjänster</h1>
      @if (mayWrite()) {
        <a class="button" [routerLink]="paths.newService">Ny tjänst</a>
      }
    </div>

    <form
      class="filters"
      role="search"
      aria-label="Sök bland tjänsterna"
      (submit)="$event.preventDefault()"
    >
      <div class="field">
        <label for="service-search">Sök tjänst</label>
        <input id="service-search" type="search" autocomplete="off" (input)="search($event)" />
      </div>
    </form>

    @switch (state().kind) {
      @case ('loading') {
        <p role="status">Hämtar tjänsterna …</p>
      }
      @case ('failed') {
        <p role="alert">Tjänsterna kunde inte hämtas. Försök igen om en stund.</p>
      }
    }
    @if (rows(); as rows) {
      <p class="list-status" role="status">{{ statusText() }}</p>
      @if (rows.length > 0) {
        <div class="table-scroll" role="region" aria-label="Tjänster" tabindex="0">
          <table class="data-table">
            <caption class="visually-hidden">
              Tjänster
            </caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Leverantör</th>
                <th scope="col">Kategori</th>
                <th scope="col">Status i katalogen</th>
              </tr>
            </thead>
            <tbody>
              @for (service of rows; track service.id) {
                <tr>
                  <th scope="row">
                    @if (mayWrite()) {
                      <a [routerLink]="paths.service(service.id)">{{ service.name }}</a>
                    } @else {
                      {{ service.name }}
                    }
                  </th>
                  <td>{{ service.supplierName }}</td>
                  <td>{{ categoryLabels[service.category] }}</td>
                  <td>{{ statusLabels[service.catalogueStatus] }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    }
  `,
  styleUrl: './record-list.css',
})
export class ServicesPage {
  private readonly store = inject(ServiceListStore);
  private readonly auth = inject(AuthStore);

  protected readonly paths = AGREEMENT_PATHS;
  protected readonly categoryLabels = SERVICE_CATEGORY_LABELS;
  protected readonly statusLabels = CATALOGUE_STATUS_LABELS;
  protected readonly state = this.store.state;
  protected readonly mayWrite = computed(() =>
    mayCall(ACCESS_POLICY['PATCH /api/services/:id'], this.auth.roles()),
  );
  protected readonly rows = computed(() => {
    const state = this.state();
    return state.kind === 'loaded' ? state.rows : null;
  });
  protected readonly statusText = computed(() => {
    const state = this.state();
    if (state.kind !== 'loaded') return '';
    const total = state.total ?? state.rows.length;
    return total > state.rows.length
      ? `Visar ${state.rows.length} av ${total} tjänster. Sök för att hitta fler.`
      : countText(total, 'tjänst', 'tjänster');
  });

  constructor() {
    void this.store.load();
  }

  protected search(event: Event): void {
    void this.store.load((event.target as HTMLInputElement).value);
  }
}
