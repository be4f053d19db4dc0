import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { ColDef } from 'ag-grid-community';

import { type Account, ROLES, ROLE_LABELS, type Role } from '@licensregistret/domain';

import { FilterPanel } from '../../shared/grid/filter-panel';
import { LinkCell, type LinkCellParams } from '../../shared/grid/link-cell';
import { ServerGrid } from '../../shared/grid/server-grid';
import { listStatusText } from '../../shared/grid/server-list.store';
import { ADMIN_PATHS } from '../admin-paths';
import { type AccountFilters, AccountListStore } from './account-list.store';

@Component({
  selector: 'lr-accounts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ServerGrid, FilterPanel, RouterLink],
  providers: [AccountListStore],
  template: `
    <div class="page-head">
      <h1>Konton</h1>
      <a class="button" routerLink="ny">Nytt konto</a>
    </div>

    <lr-filter-panel [count]="store.activeFilterCount()">
      <form
        class="filters"
        role="search"
        aria-label="Filtrera konton"
        (submit)="$event.preventDefault()"
      >
        <div class="field">
          <label for="account-search">Sök användarnamn, namn eller e-post</label>
          <input
            id="account-search"
            type="search"
            autocomplete="off"
            [value]="filters().q"
            (input)="search($event)"
          />
        </div>
        <div class="field">
          <label for="account-role">Roll</label>
          <select id="account-role" (change)="filterRole($event)">
            <option value="" [selected]="filters().role === ''">Alla</option>
            @for (role of roles; track role) {
              <option [value]="role" [selected]="filters().role === role">
                {{ roleLabels[role] }}
              </option>
            }
          </select>
        </div>
        <div class="field">
          <label for="account-active">Status</label>
          <select id="account-active" (change)="filterActive($event)">
            <option value="" [selected]="filters().active === ''">Alla</option>
            <option value="true" [selected]="filters().active === 'true'">Aktiva</option>
            <option value="false" [selected]="filters().active === 'false'">Inaktiverade</option>
          </select>
        </div>
      </form>
    </lr-filter-panel>

    <p class="list-status" role="status">{{ statusText() }}</p>
    <p class="hint">
      Öppna ett konto genom att välja användarnamnet, eller gå till raden med piltangenterna och
      tryck Enter.
    </p>
    <lr-server-grid
      name="konton"
      [dataSource]="store.dataSource()"
      [columns]="columns"
      [narrowColumns]="narrowColumns"
      [sort]="store.sort()"
      (rowOpened)="open($event)"
    />
  `,
  styleUrl: '../../shared/grid/server-list.css',
})
export class AccountsPage {
  protected readonly store = inject(AccountListStore);
  private readonly router = inject(Router);

  protected readonly filters = this.store.filters;
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;

  protected readonly statusText = computed(() =>
    listStatusText(this.store.status(), {
      singular: 'konto',
      plural: 'konton',
      definite: 'Kontona',
    }),
  );

  /** On a phone: the username (pinned) and whether the account is active. */
  protected readonly narrowColumns = ['active'];

  protected readonly columns: ColDef<Account>[] = [
    {
      field: 'username',
      headerName: 'Användarnamn',
      sortable: true,
      sort: 'asc',
      minWidth: 160,
      cellRenderer: LinkCell,
      cellRendererParams: {
        route: (account) => [ADMIN_PATHS.accounts, account.id],
      } satisfies LinkCellParams<Account>,
    },
    { field: 'displayName', headerName: 'Namn', sortable: true, flex: 1, minWidth: 180 },
    { field: 'email', headerName: 'E-post', sortable: true, flex: 1, minWidth: 200 },
    {
      field: 'roles',
      headerName: 'Roller',
      flex: 1,
      minWidth: 200,
      valueFormatter: ({ data }) =>
        data ? data.roles.map((role) => ROLE_LABELS[role]).join(', ') : '',
    },
    {
      field: 'active',
      headerName: 'Aktivt',
      sortable: true,
      width: 110,
      valueFormatter: ({ data }) => (data ? (data.active ? 'Ja' : 'Nej') : ''),
    },
  ];

  protected search(event: Event): void {
    this.store.setFilterSoon('q', (event.target as HTMLInputElement).value.trim());
  }

  protected filterRole(event: Event): void {
    this.store.setFilter('role', (event.target as HTMLSelectElement).value as Role | '');
  }

  protected filterActive(event: Event): void {
    this.store.setFilter(
      'active',
      (event.target as HTMLSelectElement).value as AccountFilters['active'],
    );
  }

  protected open(account: Account): void {
    void this.router.navigate([ADMIN_PATHS.accounts, account.id]);
  }
}
