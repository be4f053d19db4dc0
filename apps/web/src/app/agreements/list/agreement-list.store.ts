import { Injectable, inject, signal } from '@angular/core';
import { type Observable, firstValueFrom } from 'rxjs';

import {
  AGREEMENT_SORT_COLUMNS,
  type Agreement,
  type AgreementListQuery,
  type ContractStatus,
  type ListQuery,
  MAX_PAGE_SIZE,
  type Page,
  type SchoolForm,
  isIsoDate,
  todayInSweden,
} from '@licensregistret/domain';

import { FileDownload } from '../../shared/download/file-download';
import { ServerListStore } from '../../shared/grid/server-list.store';
import { AgreementsApi } from '../data/agreements-api';
import { agreementsCsv } from './agreements-csv';

/** The filters above the agreement grid, as the form holds them ('' or [] for "all"). */
export interface AgreementFilters {
  /** None chosen shows every status. */
  statuses: readonly ContractStatus[];
  supplierId: string;
  endsFrom: string;
  endsTo: string;
  /** The last day to give notice, from and to. */
  noticeFrom: string;
  noticeTo: string;
  /** Kronor as typed; anything but a number of 0 or more is left out. */
  minCost: string;
  maxCost: string;
  schoolForm: SchoolForm | '';
}

export const NO_AGREEMENT_FILTERS: AgreementFilters = {
  statuses: [],
  supplierId: '',
  endsFrom: '',
  endsTo: '',
  noticeFrom: '',
  noticeTo: '',
  minCost: '',
  maxCost: '',
  schoolForm: '',
};

export const DEFAULT_AGREEMENT_SORT = 'endsOn:asc';

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'exporting' }
  | { kind: 'done'; count: number; fileName: string }
  | { kind: 'failed' };

function cost(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function date(text: string | undefined): string | undefined {
  return text && isIsoDate(text) ? text : undefined;
}

/** The API's query for the filters: statuses comma-separated, costs as numbers, blanks left out. */
export function agreementListQuery(
  filters: Partial<AgreementFilters>,
  page: ListQuery = {},
): AgreementListQuery {
  const query: AgreementListQuery = {
    ...page,
    status: filters.statuses?.length ? filters.statuses.join(',') : undefined,
    supplierId: filters.supplierId || undefined,
    endsFrom: date(filters.endsFrom),
    endsTo: date(filters.endsTo),
    noticeFrom: date(filters.noticeFrom),
    noticeTo: date(filters.noticeTo),
    minCost: cost(filters.minCost),
    maxCost: cost(filters.maxCost),
    schoolForm: filters.schoolForm || undefined,
  };
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined),
  ) as AgreementListQuery;
}

/**
 * The agreement list for procurement: the filters outside the grid, the server-paged data
 * source, and the CSV export of the same filtered, sorted view.
 */
@Injectable()
export class AgreementListStore extends ServerListStore<Agreement, AgreementFilters> {
  private readonly api = inject(AgreementsApi);
  private readonly download = inject(FileDownload);
  /** The sort the grid last asked for, so the export comes in the same order. */
  private sort = DEFAULT_AGREEMENT_SORT;
  private readonly export$ = signal<ExportState>({ kind: 'idle' });

  readonly exportState = this.export$.asReadonly();

  constructor() {
    super(NO_AGREEMENT_FILTERS, AGREEMENT_SORT_COLUMNS, DEFAULT_AGREEMENT_SORT);
  }

  protected fetchPage(query: ListQuery & Partial<AgreementFilters>): Observable<Page<Agreement>> {
    const { offset, limit, sort, ...filters } = query;
    this.sort = sort ?? DEFAULT_AGREEMENT_SORT;
    return this.api.list(agreementListQuery(filters, { offset, limit, sort: this.sort }));
  }

  /**
   * Reads every agreement of the filtered view, 200 a request, in the grid's order, and hands
   * them over as a CSV file.
   */
  async exportCsv(today = todayInSweden()): Promise<void> {
    if (this.export$().kind === 'exporting') return;
    this.export$.set({ kind: 'exporting' });
    try {
      const rows = await this.readAll(agreementListQuery(this.filters(), { sort: this.sort }));
      const fileName = `avtal-${today}.csv`;
      this.download.save(
        fileName,
        new Blob([agreementsCsv(rows)], { type: 'text/csv;charset=utf-8' }),
      );
      this.export$.set({ kind: 'done', count: rows.length, fileName });
    } catch {
      this.export$.set({ kind: 'failed' });
    }
  }

  private async readAll(query: AgreementListQuery): Promise<Agreement[]> {
    const rows: Agreement[] = [];
    for (;;) {
      const page = await firstValueFrom(
        this.api.list({ ...query, offset: rows.length, limit: MAX_PAGE_SIZE }),
      );
      rows.push(...page.rows);
      if (page.rows.length === 0 || rows.length >= page.total) return rows;
    }
  }
}
