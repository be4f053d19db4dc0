import { Injectable, computed, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import {
  CLOSED_REQUEST_STATES,
  type ListQuery,
  type Page,
  REQUEST_SORTS,
  type RequestListQuery,
  type RequestState,
  type RequestSummary,
  UNFINISHED_REQUEST_STATES,
} from '@licensregistret/domain';

import { AuthStore } from '../../core/auth/auth.store';
import { ServerListStore } from '../../shared/grid/server-list.store';
import { RequestsApi } from '../data/requests-api';
import { isSchoolRole } from '../request-labels';

/** The state filter: every state, the open ones, the closed ones, or one state. */
export type StateChoice = '' | 'OPEN' | 'CLOSED' | RequestState;

export interface RequestFilters {
  state: StateChoice;
  /** Only the caller's own units' requests: the school's view. */
  mine: boolean;
}

export const DEFAULT_REQUEST_SORT = 'createdAt:desc';

/** The states a choice stands for, comma-separated as the API takes them; undefined for all. */
export function stateParam(choice: StateChoice | undefined): string | undefined {
  switch (choice) {
    case undefined:
    case '':
      return undefined;
    case 'OPEN':
      // "Pågående" for a school: its drafts too, everything the routine has not closed.
      return UNFINISHED_REQUEST_STATES.join(',');
    case 'CLOSED':
      return CLOSED_REQUEST_STATES.join(',');
    default:
      return choice;
  }
}

/**
 * The request list: a school sees its own units' requests (`mine=true`); the governance roles
 * that use this area see every unit's.
 */
@Injectable()
export class RequestListStore extends ServerListStore<RequestSummary, RequestFilters> {
  private readonly api = inject(RequestsApi);

  /** The list's filters and sort as the export takes them (no paging). */
  readonly exportQuery = computed((): RequestListQuery => {
    const { state, mine } = this.filters();
    return {
      sort: this.sort(),
      ...(stateParam(state) ? { state: stateParam(state) } : {}),
      ...(mine ? { mine: true } : {}),
    };
  });

  constructor() {
    super(
      { state: '', mine: isSchoolRole(inject(AuthStore).roles()) },
      REQUEST_SORTS,
      DEFAULT_REQUEST_SORT,
      { state: 'status' },
    );
  }

  protected fetchPage(
    query: ListQuery & Partial<RequestFilters>,
  ): Observable<Page<RequestSummary>> {
    const { state, mine, ...page } = query;
    const request: RequestListQuery = { ...page, state: stateParam(state) };
    if (mine) request.mine = true;
    return this.api.list(request);
  }
}
