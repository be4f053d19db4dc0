import { Injectable, computed, inject, signal } from '@angular/core';
import type { Observable } from 'rxjs';

import {
  type DigitalService,
  type ListQuery,
  OPEN_REQUEST_STATES,
  type Page,
  REQUEST_SORTS,
  type RequestListQuery,
  type RequestState,
  type RequestSummary,
  type SchoolUnit,
} from '@licensregistret/domain';

import { RequestsApi } from '../../requests/data/requests-api';
import { SchoolUnitsApi } from '../../shared/data/school-units-api';
import { type ListUrlParams, ServerListStore } from '../../shared/grid/server-list.store';
import { readAll } from '../data/read-all';
import { ServicesApi } from '../data/services-api';
import { QUEUE_STATES } from '../decision-labels';

/** The filters above the queue, as the form holds them ('' or [] for "all"). */
export interface QueueFilters {
  /** None chosen shows every state the caller may see. */
  states: readonly RequestState[];
  unitId: string;
  serviceId: string;
  /** Whole days as typed; anything but a whole number of 0 or more is left out. */
  minAgeDays: string;
  minDemand: string;
  /** Raised to read the list again after a move; never sent. */
  revision: number;
}

export const DEFAULT_QUEUE_FILTERS: QueueFilters = {
  states: OPEN_REQUEST_STATES,
  unitId: '',
  serviceId: '',
  minAgeDays: '',
  minDemand: '',
  revision: 0,
};

/** The filters a link to the queue may carry, and the address keeps (`?status=IN_TRIAGE`). */
export const QUEUE_URL_PARAMS: ListUrlParams<QueueFilters> = {
  states: 'status',
  unitId: 'enhet',
  serviceId: 'tjanst',
  minAgeDays: 'vantat',
  minDemand: 'efterfragan',
};

/** Oldest first: the request that has waited longest comes first. */
export const DEFAULT_QUEUE_SORT = 'submittedAt:asc';

/** A unit or service to choose in a filter. */
export interface Choice {
  id: string;
  name: string;
}

function wholeNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** States from a query parameter (`IN_TRIAGE,IN_REVIEW`), keeping only ones the queue shows. */
export function statesOfParam(param: string | undefined): RequestState[] | undefined {
  if (!param) return undefined;
  const named = param.split(',');
  const states = QUEUE_STATES.filter((state) => named.includes(state));
  return states.length > 0 ? states : undefined;
}

/** The API's query for the filters: states comma-separated, numbers as numbers, blanks left out. */
export function requestListQuery(
  filters: Partial<QueueFilters>,
  page: ListQuery = {},
): RequestListQuery {
  const query: RequestListQuery = {
    ...page,
    state: filters.states?.length ? filters.states.join(',') : undefined,
    unitId: filters.unitId || undefined,
    serviceId: filters.serviceId || undefined,
    minAgeDays: wholeNumber(filters.minAgeDays),
    minDemand: wholeNumber(filters.minDemand),
  };
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined),
  ) as RequestListQuery;
}

/**
 * The decision queue: the filters outside the grid, the server-paged data source over every
 * unit's submitted requests, and the units and services to filter by.
 */
@Injectable()
export class QueueStore extends ServerListStore<RequestSummary, QueueFilters> {
  private readonly api = inject(RequestsApi);
  private readonly unitsApi = inject(SchoolUnitsApi);
  private readonly servicesApi = inject(ServicesApi);

  private readonly units$ = signal<Choice[]>([]);
  private readonly services$ = signal<Choice[]>([]);
  readonly units = this.units$.asReadonly();
  readonly services = this.services$.asReadonly();
  /** The queue's filters and sort as the export takes them (no paging). */
  readonly exportQuery = computed(() => requestListQuery(this.filters(), { sort: this.sort() }));

  constructor() {
    super(DEFAULT_QUEUE_FILTERS, REQUEST_SORTS, DEFAULT_QUEUE_SORT, QUEUE_URL_PARAMS);
    // A link may name states the queue does not show: only the queue's own are kept.
    const named = this.filters().states;
    if (named.length > 0 && named !== DEFAULT_QUEUE_FILTERS.states) {
      this.setFilter('states', statesOfParam(named.join(',')) ?? DEFAULT_QUEUE_FILTERS.states);
    }
  }

  protected fetchPage(query: ListQuery & Partial<QueueFilters>): Observable<Page<RequestSummary>> {
    const { offset, limit, sort, withTotal, after, ...filters } = query;
    return this.api.list(requestListQuery(filters, { offset, limit, sort, withTotal, after }));
  }

  /** Reads the list again from the first row, e.g. after a move changed a request's state. */
  reload(): void {
    this.setFilter('revision', this.filters().revision + 1);
  }

  /** Loads the units and services to filter by; without them the filters offer "Alla" only. */
  async loadChoices(): Promise<void> {
    const [units, services] = await Promise.allSettled([
      readAll<SchoolUnit>((offset, limit) =>
        this.unitsApi.list({ offset, limit, sort: 'name:asc' }),
      ),
      readAll<DigitalService>((offset, limit) =>
        this.servicesApi.list({ offset, limit, sort: 'name:asc' }),
      ),
    ]);
    if (units.status === 'fulfilled') this.units$.set(units.value.map(choice));
    if (services.status === 'fulfilled') this.services$.set(services.value.map(choice));
  }
}

function choice({ id, name }: { id: string; name: string }): Choice {
  return { id, name };
}
