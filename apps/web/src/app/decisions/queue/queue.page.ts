import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  type OnInit,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  untracked,
  viewChild,
} from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import type { ColDef } from 'ag-grid-community';

import {
  REQUEST_STATE_LABELS,
  type RequestState,
  type RequestSummary,
} from '@licensregistret/domain';

import { StateCell } from '../../requests/list/state-cell';
import { ExportLinks } from '../../shared/download/export-links';
import { dayInSweden, formatInteger } from '../../shared/format/format';
import { FilterPanel } from '../../shared/grid/filter-panel';
import { ServerGrid } from '../../shared/grid/server-grid';
import { listStatusText } from '../../shared/grid/server-list.store';
import { QUEUE_STATES, outcomeText } from '../decision-labels';
import { QUEUE_PARAMS } from '../decision-paths';
import { RequestPanel } from '../panel/request-panel';
import { type QueueFilters, QueueStore } from './queue.store';
import { RequestLinkCell } from './request-link-cell';

type NumberFilter = 'minAgeDays' | 'minDemand';
type ChoiceFilter = 'unitId' | 'serviceId';

/**
 * The object specialists' queue (`/beslut`): every unit's submitted requests in a server-paged
 * grid, filtered and sorted, with the chosen request in a side panel (`?begaran=<id>`).
 */
@Component({
  selector: 'lr-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ServerGrid, FilterPanel, RequestPanel, ExportLinks],
  providers: [QueueStore],
  templateUrl: './queue.page.html',
  styleUrls: ['../../shared/grid/server-list.css', './queue.page.css'],
})
export class QueuePage implements OnInit {
  protected readonly store = inject(QueueStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly injector = inject(Injector);

  /** Query parameter (router input binding): the open request. */
  readonly begaran = input<string>();

  private readonly pageHeading = viewChild.required<ElementRef<HTMLElement>>('pageHeading');
  /** Where focus was when the panel opened, to return it there when the panel closes. */
  private opener: HTMLElement | null = null;
  private wasOpen = false;

  protected readonly filters = this.store.filters;
  protected readonly states = QUEUE_STATES;
  protected readonly stateLabels = REQUEST_STATE_LABELS;
  protected readonly openId = computed(() => this.begaran() || null);

  protected readonly statusText = computed(() =>
    listStatusText(this.store.status(), {
      singular: 'begäran',
      plural: 'begäranden',
      definite: 'Begärandena',
    }),
  );

  /** On a phone: the request's number (pinned), its status and the tool. */
  protected readonly narrowColumns = ['state', 'toolName'];

  /**
   * Demand and decision come before the dates, so they stay in view at 1440 px beside an open
   * request's panel; the number is pinned.
   */
  protected readonly columns: ColDef<RequestSummary>[] = [
    {
      colId: 'number',
      field: 'number',
      headerName: 'Nr',
      sortable: true,
      minWidth: 80,
      width: 80,
      cellRenderer: RequestLinkCell,
    },
    {
      colId: 'toolName',
      field: 'toolName',
      headerName: 'Verktyg',
      sortable: true,
      flex: 1,
      minWidth: 100,
    },
    {
      colId: 'unitName',
      field: 'unitName',
      headerName: 'Skolenhet',
      sortable: true,
      flex: 1,
      minWidth: 150,
    },
    {
      colId: 'state',
      field: 'state',
      headerName: 'Status',
      sortable: true,
      minWidth: 170,
      width: 170,
      cellRenderer: StateCell,
    },
    {
      colId: 'demandCount',
      field: 'demandCount',
      headerName: 'Efterfrågan',
      sortable: true,
      type: 'rightAligned',
      minWidth: 110,
      width: 110,
      valueFormatter: ({ value }) => (typeof value === 'number' ? formatInteger(value) : ''),
    },
    {
      colId: 'decision',
      headerName: 'Beslut',
      flex: 1,
      minWidth: 150,
      valueGetter: ({ data }) =>
        data ? outcomeText(data.decisionOutcome, data.decisionReasons) : '',
    },
    {
      colId: 'submittedAt',
      field: 'submittedAt',
      headerName: 'Inskickad',
      sortable: true,
      minWidth: 115,
      width: 115,
      valueFormatter: ({ value }) => dayInSweden(value as string | null),
    },
    {
      colId: 'ageDays',
      field: 'ageDays',
      headerName: 'Väntat (dagar)',
      type: 'rightAligned',
      minWidth: 100,
      width: 100,
      valueFormatter: ({ value }) => (typeof value === 'number' ? formatInteger(value) : ''),
    },
  ];

  constructor() {
    effect(() => {
      const open = this.openId() !== null;
      untracked(() => this.panelOpenChanged(open));
    });
  }

  ngOnInit(): void {
    // The filters a link starts the queue with (e.g. the demand view's "one service") are read
    // from the address by the store, which keeps them there. The units and services to filter by
    // are read once the first rows have come (or failed): on a slow line they would otherwise
    // compete with the rows the person came for.
    const choices = effect(
      () => {
        if (this.store.status().kind === 'loading') return;
        choices.destroy();
        void this.store.loadChoices();
      },
      { injector: this.injector },
    );
  }

  protected isChecked(state: RequestState): boolean {
    return this.filters().states.includes(state);
  }

  protected toggleState(state: RequestState, event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    const chosen = new Set(this.filters().states);
    if (on) chosen.add(state);
    else chosen.delete(state);
    // In the routine's order, so the same choice is always the same query.
    this.store.setFilter(
      'states',
      QUEUE_STATES.filter((candidate) => chosen.has(candidate)),
    );
  }

  protected type(key: NumberFilter, event: Event): void {
    this.store.setFilterSoon(key, (event.target as HTMLInputElement).value);
  }

  protected choose(key: ChoiceFilter, event: Event): void {
    this.store.setFilter(
      key,
      (event.target as HTMLSelectElement).value as QueueFilters[ChoiceFilter],
    );
  }

  /** A row opened with Enter: show it in the panel. */
  protected open(row: RequestSummary): void {
    this.navigateToRequest(row.id);
  }

  protected close(): void {
    this.navigateToRequest(null);
  }

  private navigateToRequest(id: string | null): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { [QUEUE_PARAMS.request]: id },
      queryParamsHandling: 'merge',
    });
  }

  /**
   * Remembers what opened the panel (a row's link or cell), and gives focus back to it when the
   * panel closes; if the grid has redrawn that row meanwhile, to the page's heading.
   */
  private panelOpenChanged(open: boolean): void {
    const active = document.activeElement;
    const outsidePanel =
      active instanceof HTMLElement &&
      active !== document.body &&
      !active.closest('lr-request-panel');
    if (open && outsidePanel) {
      this.opener = active;
    }
    if (!open && this.wasOpen) {
      const opener = this.opener;
      this.opener = null;
      afterNextRender(
        () => (opener?.isConnected ? opener : this.pageHeading().nativeElement).focus(),
        { injector: this.injector },
      );
    }
    this.wasOpen = open;
  }
}
