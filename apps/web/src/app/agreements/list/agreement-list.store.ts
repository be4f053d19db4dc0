import { Injectable, computed, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import {
  AGREEMENT_SORT_COLUMNS,
  type Agreement,
  type AgreementListQuery,
  type ContractStatus,
  type ListQuery,
  type Page,
  type SchoolForm,
  isIsoDate,
} from '@licensregistret/domain';

import { type ListUrlParams, ServerListStore } from '../../shared/grid/server-list.store';
import { AgreementsApi } from '../data/agreements-api';

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

/** The filters the address keeps, so Back, a reload and a shared link show the same list. */
export const AGREEMENT_URL_PARAMS: ListUrlParams<AgreementFilters> = {
  statuses: 'status',
  supplierId: 'leverantor',
  schoolForm: 'skolform',
  endsFrom: 'slutFran',
  endsTo: 'slutTill',
  noticeFrom: 'uppsagningFran',
  noticeTo: 'uppsagningTill',
  minCost: 'kostnadFran',
  maxCost: 'kostnadTill',
};

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
 * source, and the query of the same filtered, sorted view for the server's export.
 */
@Injectable()
export class AgreementListStore extends ServerListStore<Agreement, AgreementFilters> {
  private readonly api = inject(AgreementsApi);

  /** The grid's filters and sort as the export takes them (no paging). */
  readonly exportQuery = computed(() => agreementListQuery(this.filters(), { sort: this.sort() }));

  constructor() {
    super(
      NO_AGREEMENT_FILTERS,
      AGREEMENT_SORT_COLUMNS,
      DEFAULT_AGREEMENT_SORT,
      AGREEMENT_URL_PARAMS,
    );
  }

  protected fetchPage(query: ListQuery & Partial<AgreementFilters>): Observable<Page<Agreement>> {
    const { offset, limit, sort, withTotal, after, ...filters } = query;
    return this.api.list(agreementListQuery(filters, { offset, limit, sort, withTotal, after }));
  }
}
