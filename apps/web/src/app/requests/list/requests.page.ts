import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { ColDef } from 'ag-grid-community';

import { REQUEST_STATES, type RequestSummary } from '@licensregistret/domain';

import { AuthStore } from '../../core/auth/auth.store';
import { ExportLinks } from '../../shared/download/export-links';
import { dayInSweden } from '../../shared/format/format';
import { FilterPanel } from '../../shared/grid/filter-panel';
import { LinkCell, type LinkCellParams } from '../../shared/grid/link-cell';
import { ServerGrid } from '../../shared/grid/server-grid';
import { listStatusText } from '../../shared/grid/server-list.store';
import { decisionText, isSchoolRole, stateLabel } from '../request-labels';
import { REQUEST_PATHS, requestRoute } from '../request-paths';
import { RequestListStore, type StateChoice } from './request-list.store';
import { StateCell } from './state-cell';

/** The choices of the state filter, in the routine's order. */
const STATE_CHOICES: readonly { value: StateChoice; label: string }[] = [
  { value: '', label: 'Alla' },
  { value: 'OPEN', label: 'Pågående' },
  { value: 'CLOSED', label: 'Avslutade' },
  ...REQUEST_STATES.map((state) => ({ value: state, label: stateLabel(state) })),
];

/**
 * Begäranden: a school's own units' requests ("Min enhets begäranden"), or every unit's for the
 * governance roles that use the area; server-paged, newest first.
 */
@Component({
  selector: 'lr-requests-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ServerGrid, FilterPanel, RouterLink, ExportLinks],
  providers: [RequestListStore],
  templateUrl: './requests.page.html',
  styleUrl: '../../shared/grid/server-list.css',
})
export class RequestsPage {
  protected readonly store = inject(RequestListStore);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly filters = this.store.filters;
  protected readonly stateChoices = STATE_CHOICES;
  protected readonly newPath = REQUEST_PATHS.new;
  protected readonly isSchool = computed(() => isSchoolRole(this.auth.roles()));

  protected readonly heading = computed(() => {
    if (!this.isSchool()) return 'Begäranden';
    return (this.auth.user()?.schoolUnits.length ?? 0) > 1
      ? 'Mina enheters begäranden'
      : 'Min enhets begäranden';
  });

  protected readonly statusText = computed(() =>
    listStatusText(this.store.status(), {
      singular: 'begäran',
      plural: 'begäranden',
      definite: 'Begärandena',
      none: 'Inga begäranden matchar.',
    }),
  );

  /** On a phone: the request's number (pinned) and its status. */
  protected readonly narrowColumns = ['state'];

  protected readonly columns: ColDef<RequestSummary>[] = [
    {
      colId: 'number',
      field: 'number',
      headerName: 'Begäran',
      sortable: true,
      minWidth: 125,
      width: 125,
      valueFormatter: ({ value }) => (typeof value === 'number' ? `Begäran ${value}` : ''),
      cellRenderer: LinkCell,
      cellRendererParams: {
        route: (request) => requestRoute(request.id),
      } satisfies LinkCellParams<RequestSummary>,
    },
    { colId: 'toolName', field: 'toolName', headerName: 'Verktyg', sortable: true, flex: 1 },
    {
      colId: 'unitName',
      field: 'unitName',
      headerName: 'Skolenhet',
      sortable: true,
      flex: 1,
      minWidth: 180,
    },
    {
      colId: 'state',
      field: 'state',
      headerName: 'Status',
      sortable: true,
      minWidth: 190,
      width: 200,
      cellRenderer: StateCell,
    },
    {
      colId: 'submittedAt',
      field: 'submittedAt',
      headerName: 'Inskickad',
      sortable: true,
      minWidth: 130,
      valueFormatter: ({ value }) =>
        typeof value === 'string' ? dayInSweden(value) : 'Inte inskickad',
    },
    {
      colId: 'decision',
      headerName: 'Beslut och skäl',
      flex: 1,
      minWidth: 260,
      valueGetter: ({ data }) =>
        data ? decisionText(data.decisionOutcome, data.decisionReasons) : '',
    },
  ];

  protected chooseState(event: Event): void {
    this.store.setFilter('state', (event.target as HTMLSelectElement).value as StateChoice);
  }

  protected open(request: RequestSummary): void {
    void this.router.navigate(requestRoute(request.id));
  }
}
