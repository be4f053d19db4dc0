import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { ColDef } from 'ag-grid-community';

import {
  NETWORK_GROUPS,
  type NetworkGroup,
  SCHOOL_FORMS,
  SCHOOL_FORM_LABELS,
  type SchoolForm,
  type SchoolUnit,
} from '@licensregistret/domain';

import { formatInteger } from '../../shared/format/format';
import { FilterPanel } from '../../shared/grid/filter-panel';
import { LinkCell, type LinkCellParams } from '../../shared/grid/link-cell';
import { ServerGrid } from '../../shared/grid/server-grid';
import { listStatusText } from '../../shared/grid/server-list.store';
import { ADMIN_PATHS } from '../admin-paths';
import { schoolFormsText } from './school-forms-text';
import { SchoolUnitListStore } from './school-unit-list.store';

@Component({
  selector: 'lr-school-units-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ServerGrid, FilterPanel, RouterLink],
  providers: [SchoolUnitListStore],
  template: `
    <div class="page-head">
      <h1>Skolenheter</h1>
      <a class="button" routerLink="ny">Ny skolenhet</a>
    </div>

    <lr-filter-panel [count]="store.activeFilterCount()">
      <form
        class="filters"
        role="search"
        aria-label="Filtrera skolenheter"
        (submit)="$event.preventDefault()"
      >
        <div class="field">
          <label for="unit-search">Sök namn eller skolenhetskod</label>
          <input
            id="unit-search"
            type="search"
            autocomplete="off"
            [value]="filters().q"
            (input)="search($event)"
          />
        </div>
        <div class="field">
          <label for="unit-network-group">Nätverksgrupp</label>
          <select id="unit-network-group" (change)="filterNetworkGroup($event)">
            <option value="" [selected]="filters().networkGroup === ''">Alla</option>
            @for (group of networkGroups; track group) {
              <option [value]="group" [selected]="filters().networkGroup === group">
                {{ group }}
              </option>
            }
          </select>
        </div>
        <div class="field">
          <label for="unit-school-form">Skolform</label>
          <select id="unit-school-form" (change)="filterSchoolForm($event)">
            <option value="" [selected]="filters().schoolForm === ''">Alla</option>
            @for (form of schoolForms; track form) {
              <option [value]="form" [selected]="filters().schoolForm === form">
                {{ schoolFormLabels[form] }}
              </option>
            }
          </select>
        </div>
      </form>
    </lr-filter-panel>

    <p class="list-status" role="status">{{ statusText() }}</p>
    <p class="hint" id="units-grid-hint">
      Öppna en skolenhet genom att välja dess namn, eller gå till raden med piltangenterna och tryck
      Enter.
    </p>
    <lr-server-grid
      name="skolenheter"
      [dataSource]="store.dataSource()"
      [columns]="columns"
      [narrowColumns]="narrowColumns"
      [sort]="store.sort()"
      (rowOpened)="open($event)"
    />
  `,
  styleUrl: '../../shared/grid/server-list.css',
})
export class SchoolUnitsPage {
  protected readonly store = inject(SchoolUnitListStore);
  private readonly router = inject(Router);

  protected readonly filters = this.store.filters;
  protected readonly networkGroups = NETWORK_GROUPS;
  protected readonly schoolForms = SCHOOL_FORMS;
  protected readonly schoolFormLabels = SCHOOL_FORM_LABELS;

  protected readonly statusText = computed(() =>
    listStatusText(this.store.status(), {
      singular: 'skolenhet',
      plural: 'skolenheter',
      definite: 'Skolenheterna',
    }),
  );

  /** On a phone: the unit's name (pinned) and its code. */
  protected readonly narrowColumns = ['code'];

  protected readonly columns: ColDef<SchoolUnit>[] = [
    {
      field: 'name',
      headerName: 'Namn',
      sortable: true,
      sort: 'asc',
      flex: 2,
      minWidth: 220,
      cellRenderer: LinkCell,
      cellRendererParams: {
        route: (unit) => [ADMIN_PATHS.schoolUnits, unit.id],
      } satisfies LinkCellParams<SchoolUnit>,
    },
    { field: 'code', headerName: 'Skolenhetskod', sortable: true, width: 150 },
    {
      field: 'schoolForms',
      headerName: 'Skolformer',
      flex: 2,
      minWidth: 200,
      valueFormatter: ({ data }) => (data ? schoolFormsText(data) : ''),
    },
    {
      field: 'pupilCount',
      headerName: 'Elever',
      sortable: true,
      width: 110,
      valueFormatter: ({ value }) => (typeof value === 'number' ? formatInteger(value) : ''),
    },
    { field: 'networkGroup', headerName: 'Nätverksgrupp', sortable: true, width: 160 },
    { field: 'principalName', headerName: 'Rektor', flex: 1, minWidth: 160 },
  ];

  protected search(event: Event): void {
    this.store.setFilterSoon('q', (event.target as HTMLInputElement).value.trim());
  }

  protected filterNetworkGroup(event: Event): void {
    this.store.setFilter('networkGroup', (event.target as HTMLSelectElement).value as NetworkGroup);
  }

  protected filterSchoolForm(event: Event): void {
    this.store.setFilter('schoolForm', (event.target as HTMLSelectElement).value as SchoolForm);
  }

  protected open(unit: SchoolUnit): void {
    void this.router.navigate([ADMIN_PATHS.schoolUnits, unit.id]);
  }
}
