import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { Router } from '@angular/router';
import { CellStyleModule, type ColDef, ModuleRegistry } from 'ag-grid-community';
import { firstValueFrom } from 'rxjs';

import {
  type Agreement,
  CONTRACT_STATUSES,
  CONTRACT_STATUS_LABELS,
  type ContractStatus,
  SCHOOL_FORMS,
  SCHOOL_FORM_LABELS,
  type Supplier,
} from '@licensregistret/domain';

import { ExportLinks } from '../../shared/download/export-links';
import { formatSek } from '../../shared/format/format';
import { LinkCell, type LinkCellParams } from '../../shared/grid/link-cell';
import { ServerGrid } from '../../shared/grid/server-grid';
import { listStatusText } from '../../shared/grid/server-list.store';
import { DEADLINE_KIND_LABELS } from '../agreement-labels';
import { AGREEMENT_PATHS } from '../agreement-paths';
import { SuppliersApi } from '../data/suppliers-api';
import { type AgreementFilters, AgreementListStore } from './agreement-list.store';
import { StatusCell } from './status-cell';

// Right-aligned numbers need cell classes; the rest comes with the shared server grid.
ModuleRegistry.registerModules([CellStyleModule]);

type TextFilter = 'minCost' | 'maxCost';
type ChoiceFilter = 'supplierId' | 'endsFrom' | 'endsTo' | 'noticeFrom' | 'noticeTo';

/** Procurement's agreement list: filters above a server-paged grid, and its Excel and CSV export. */
@Component({
  selector: 'lr-agreements-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ServerGrid, ExportLinks],
  providers: [AgreementListStore],
  templateUrl: './agreements.page.html',
  styleUrls: ['../../shared/grid/server-list.css', './agreements.page.css'],
})
export class AgreementsPage implements OnInit {
  protected readonly store = inject(AgreementListStore);
  private readonly suppliersApi = inject(SuppliersApi);
  private readonly router = inject(Router);

  protected readonly filters = this.store.filters;
  protected readonly statuses = CONTRACT_STATUSES;
  protected readonly statusLabels = CONTRACT_STATUS_LABELS;
  protected readonly schoolForms = SCHOOL_FORMS;
  protected readonly schoolFormLabels = SCHOOL_FORM_LABELS;
  protected readonly suppliers = signal<Supplier[]>([]);

  protected readonly statusText = computed(() =>
    listStatusText(this.store.status(), {
      singular: 'avtal',
      plural: 'avtal',
      definite: 'Avtalen',
    }),
  );

  protected readonly columns: ColDef<Agreement>[] = [
    {
      colId: 'agreementNumber',
      field: 'agreementNumber',
      headerName: 'Avtal',
      sortable: true,
      minWidth: 150,
      cellRenderer: LinkCell,
      cellRendererParams: {
        route: (agreement) => [AGREEMENT_PATHS.list, agreement.id],
      } satisfies LinkCellParams<Agreement>,
    },
    {
      colId: 'services',
      headerName: 'Tjänst(er)',
      flex: 1,
      minWidth: 170,
      valueGetter: ({ data }) =>
        !data
          ? ''
          : data.services.length === 0
            ? 'Ingen licens'
            : data.services.map((service) => service.name).join(', '),
    },
    {
      colId: 'supplierName',
      field: 'supplierName',
      headerName: 'Leverantör',
      sortable: true,
      flex: 1,
      minWidth: 190,
    },
    {
      colId: 'status',
      field: 'status',
      headerName: 'Status',
      minWidth: 250,
      cellRenderer: StatusCell,
    },
    { colId: 'endsOn', field: 'endsOn', headerName: 'Slutdatum', sortable: true, sort: 'asc' },
    {
      colId: 'lastDayToGiveNotice',
      field: 'lastDayToGiveNotice',
      headerName: 'Sista dag att säga upp',
      sortable: true,
      minWidth: 200,
    },
    {
      colId: 'nextDeadline',
      headerName: 'Nästa beslut',
      sortable: true,
      minWidth: 210,
      valueGetter: ({ data }) =>
        data
          ? `${data.nextDeadline.date} (${DEADLINE_KIND_LABELS[data.nextDeadline.kind].toLowerCase()})`
          : '',
    },
    {
      colId: 'daysLeft',
      field: 'daysLeft',
      headerName: 'Dagar kvar',
      type: 'rightAligned',
      minWidth: 120,
      valueFormatter: ({ value }) =>
        typeof value !== 'number' ? '' : value < 0 ? 'Har löpt ut' : String(value),
    },
    {
      colId: 'extensionOptionsLeft',
      field: 'extensionOptionsLeft',
      headerName: 'Förlängningar kvar',
      type: 'rightAligned',
      minWidth: 170,
    },
    {
      colId: 'annualCost',
      field: 'annualCost',
      headerName: 'Årskostnad',
      sortable: true,
      type: 'rightAligned',
      minWidth: 150,
      valueFormatter: ({ value }) => (typeof value === 'number' ? formatSek(value) : ''),
    },
  ];

  async ngOnInit(): Promise<void> {
    try {
      this.suppliers.set((await firstValueFrom(this.suppliersApi.listForChoice())).rows);
    } catch {
      // Without the list, the supplier filter offers "Alla" only; the grid still works.
    }
  }

  protected isChecked(status: ContractStatus): boolean {
    return this.filters().statuses.includes(status);
  }

  protected toggleStatus(status: ContractStatus, event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    const chosen = new Set(this.filters().statuses);
    if (on) chosen.add(status);
    else chosen.delete(status);
    // In the order of the list, so the same choice is always the same query.
    this.store.setFilter(
      'statuses',
      CONTRACT_STATUSES.filter((candidate) => chosen.has(candidate)),
    );
  }

  protected type(key: TextFilter, event: Event): void {
    this.store.setFilterSoon(key, (event.target as HTMLInputElement).value);
  }

  protected choose(key: ChoiceFilter, event: Event): void {
    this.store.setFilter(key, (event.target as HTMLInputElement | HTMLSelectElement).value);
  }

  protected chooseSchoolForm(event: Event): void {
    this.store.setFilter(
      'schoolForm',
      (event.target as HTMLSelectElement).value as AgreementFilters['schoolForm'],
    );
  }

  protected open(agreement: Agreement): void {
    void this.router.navigate([AGREEMENT_PATHS.list, agreement.id]);
  }
}
