import { ChangeDetectionStrategy, Component, Injectable, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Observable } from 'rxjs';

import { ACCESS_POLICY, type Page, type Supplier, mayCall } from '@licensregistret/domain';

import { AuthStore } from '../../core/auth/auth.store';
import { countText } from '../../shared/format/format';
import { AGREEMENT_PATHS } from '../agreement-paths';
import { SuppliersApi } from '../data/suppliers-api';
import { RecordListStore } from './record-list.store';

@Injectable()
export class SupplierListStore extends RecordListStore<Supplier> {
  private readonly api = inject(SuppliersApi);

  protected fetch(query: { q?: string; limit: number }): Observable<Page<Supplier>> {
    return this.api.list(query);
  }
}

/** The suppliers (`avtal/leverantorer`): a short list to find one and change it. */
@Component({
  selector: 'lr-suppliers-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  providers: [SupplierListStore],
  template: `
    <div class="list-head">
      <h1>Leverantörer</h1>
      @if (mayWrite()) {
        <a class="button" [routerLink]="paths.newSupplier">Ny leverantör</a>
      }
    </div>

    <form
      class="filters"
      role="search"
      aria-label="Sök bland leverantörerna"
      (submit)="$event.preventDefault()"
    >
      <div class="field">
        <label for="supplier-search">Sök namn eller organisationsnummer</label>
        <input id="supplier-search" type="search" autocomplete="off" (input)="search($event)" />
      </div>
    </form>

    @switch (state().kind) {
      @case ('loading') {
        <p role="status">Hämtar leverantörerna …</p>
      }
      @case ('failed') {
        <p role="alert">Leverantörerna kunde inte hämtas. Försök igen om en stund.</p>
      }
    }
    @if (rows(); as rows) {
      <p class="list-status" role="status">{{ statusText() }}</p>
      @if (rows.length > 0) {
        <div class="table-scroll" role="region" aria-label="Leverantörer" tabindex="0">
          <table class="data-table">
            <caption class="visually-hidden">
              Leverantörer
            </caption>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Organisationsnummer</th>
                <th scope="col">Kontaktperson</th>
              </tr>
            </thead>
            <tbody>
              @for (supplier of rows; track supplier.id) {
                <tr>
                  <th scope="row">
                    @if (mayWrite()) {
                      <a [routerLink]="paths.supplier(supplier.id)">{{ supplier.name }}</a>
                    } @else {
                      {{ supplier.name }}
                    }
                  </th>
                  <td class="nowrap">{{ supplier.organisationNumber }}</td>
                  <td>{{ contact(supplier) }}</td>
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
export class SuppliersPage {
  private readonly store = inject(SupplierListStore);
  private readonly auth = inject(AuthStore);

  protected readonly paths = AGREEMENT_PATHS;
  protected readonly state = this.store.state;
  protected readonly mayWrite = computed(() =>
    mayCall(ACCESS_POLICY['PATCH /api/suppliers/:id'], this.auth.roles()),
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
      ? `Visar ${state.rows.length} av ${total} leverantörer. Sök för att hitta fler.`
      : countText(total, 'leverantör', 'leverantörer');
  });

  constructor() {
    void this.store.load();
  }

  protected search(event: Event): void {
    void this.store.load((event.target as HTMLInputElement).value);
  }

  protected contact(supplier: Supplier): string {
    return [supplier.contactName, supplier.contactEmail].filter(Boolean).join(', ') || '–';
  }
}
