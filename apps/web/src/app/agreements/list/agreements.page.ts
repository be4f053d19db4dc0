import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { ColDef } from 'ag-grid-community';
import { firstValueFrom } from 'rxjs';

import {
  ACCESS_POLICY,
  type Agreement,
  CONTRACT_STATUSES,
  CONTRACT_STATUS_LABELS,
  type ContractStatus,
  SCHOOL_FORMS,
  SCHOOL_FORM_LABELS,
  type Supplier,
  isIsoDate,
  mayCall,
} from '@licensregistret/domain';

import { AuthStore } from '../../core/auth/auth.store';
import { ExportLinks } from '../../shared/download/export-links';
import { formatInteger, formatSek } from '../../shared/format/format';
import { DateInput } from '../../shared/forms/date-input';
import { FilterPanel } from '../../shared/grid/filter-panel';
import { LinkCell, type LinkCellParams } from '../../shared/grid/link-cell';
import { ServerGrid } from '../../shared/grid/server-grid';
import { listStatusText } from '../../shared/grid/server-list.store';
import { DEADLINE_KIND_LABELS } from '../agreement-labels';
import { AGREEMENT_PATHS } from '../agreement-paths';
import { SuppliersApi } from '../data/suppliers-api';
import { type AgreementFilters, AgreementListStore } from './agreement-list.store';
import { StatusCell } from './status-cell';

type TextFilter = 'minCost' | 'maxCost';
type ChoiceFilter = 'supplierId';
type DateFilter = 'endsFrom' | 'endsTo' | 'noticeFrom' | 'noticeTo';

export const DATE_FILTER_MESSAGE = 'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-06-30.';

/** Procurement's agreement list: filters above a server-paged grid, and its Excel and CSV export. */
@Component({
  selector: 'lr-agreements-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ServerGrid, FilterPanel, ExportLinks, DateInput, RouterLink],
  providers: [AgreementListStore],
  templateUrl: './agreements.page.html',
  styleUrls: ['../../shared/grid/server-list.css', './agreements.page.css'],
})
export class AgreementsPage implements OnInit {
  protected readonly store = inject(AgreementListStore);
  private readonly suppliersApi = inject(SuppliersApi);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);

  protected readonly newAgreementPath = AGREEMENT_PATHS.newAgreement;
  protected readonly mayCreate = computed(() =>
    mayCall(ACCESS_POLICY['POST /api/agreements'], this.auth.roles()),
  );

  protected readonly filters = this.store.filters;
  protected readonly statuses = CONTRACT_STATUSES;
  protected readonly statusLabels = CONTRACT_STATUS_LABELS;
  protected readonly schoolForms = SCHOOL_FORMS;
  protected readonly schoolFormLabels = SCHOOL_FORM_LABELS;
  protected readonly suppliers = signal<Supplier[]>([]);
  /** Dates typed that are not ÅÅÅÅ-MM-DD: kept in their fields with a message, not applied. */
  protected readonly typedDates = signal<Partial<Record<DateFilter, string>>>({});
  protected readonly dateFilters: readonly { key: DateFilter; id: string; label: string }[] = [
    { key: 'endsFrom', id: 'agreement-ends-from', label: 'Slutdatum från' },
    { key: 'endsTo', id: 'agreement-ends-to', label: 'Slutdatum till' },
    { key: 'noticeFrom', id: 'agreement-notice-from', label: 'Sista uppsägningsdag från' },
    { key: 'noticeTo', id: 'agreement-notice-to', label: 'Sista uppsägningsdag till' },
  ];

  protected readonly statusText = computed(() =>
    listStatusText(this.store.status(), {
      singular: 'avtal',
      plural: 'avtal',
      definite: 'Avtalen',
    }),
  );

  /** On a phone: the agreement's number (pinned), its status and its next decision. */
  protected readonly narrowColumns = ['status', 'nextDeadline'];

  /** Sized to fit 1440 px with every column, deadlines and cost included; the number is pinned. */
  protected readonly columns: ColDef<Agreement>[] = [
    {
      colId: 'agreementNumber',
      field: 'agreementNumber',
      headerName: 'Avtal',
      sortable: true,
      minWidth: 120,
      width: 130,
      cellRenderer: LinkCell,
      cellRendererParams: {
        route: (agreement) => [AGREEMENT_PATHS.list, agreement.id],
      } satisfies LinkCellParams<Agreement>,
    },
    {
      colId: 'services',
      headerName: 'Tjänst(er)',
      flex: 1,
      minWidth: 130,
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
      minWidth: 130,
    },
    {
      colId: 'status',
      field: 'status',
      headerName: 'Status',
      minWidth: 215,
      width: 215,
      cellRenderer: StatusCell,
    },
    {
      colId: 'endsOn',
      field: 'endsOn',
      headerName: 'Slutdatum',
      sortable: true,
      minWidth: 125,
      width: 125,
    },
    {
      colId: 'lastDayToGiveNotice',
      field: 'lastDayToGiveNotice',
      headerName: 'Sista dag att säga upp',
      sortable: true,
      minWidth: 120,
      width: 120,
    },
    {
      colId: 'nextDeadline',
      headerName: 'Nästa beslut',
      sortable: true,
      minWidth: 195,
      width: 195,
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
      minWidth: 105,
      width: 105,
      valueFormatter: ({ value }) =>
        typeof value !== 'number' ? '' : value < 0 ? 'Har löpt ut' : formatInteger(value),
    },
    {
      colId: 'extensionOptionsLeft',
      field: 'extensionOptionsLeft',
      headerName: 'Förlängningar kvar',
      type: 'rightAligned',
      minWidth: 125,
      width: 125,
    },
    {
      colId: 'annualCost',
      field: 'annualCost',
      headerName: 'Årskostnad',
      sortable: true,
      type: 'rightAligned',
      minWidth: 120,
      width: 120,
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

  protected chooseDate(key: DateFilter, event: Event): void {
    const text = (event.target as HTMLInputElement).value.trim();
    const valid = text === '' || isIsoDate(text);
    this.typedDates.update((typed) => {
      const { [key]: _old, ...rest } = typed;
      return valid ? rest : { ...rest, [key]: text };
    });
    if (valid) this.store.setFilter(key, text);
  }

  protected dateError(key: DateFilter): string | null {
    return this.typedDates()[key] !== undefined ? DATE_FILTER_MESSAGE : null;
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
