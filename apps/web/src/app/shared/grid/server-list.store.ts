import {
  DestroyRef,
  type Signal,
  type WritableSignal,
  computed,
  inject,
  signal,
} from '@angular/core';
import type { Observable } from 'rxjs';

import type { ListQuery, Page } from '@licensregistret/domain';

import { countText } from '../format/format';
import { createServerDataSource } from './server-data-source';

export const SEARCH_DEBOUNCE_MS = 300;

export type ListStatus =
  { kind: 'loading' } | { kind: 'loaded'; total: number } | { kind: 'failed' };

/** How a list names its rows in the status line above the grid. */
export interface ListNouns {
  /** "skolenhet" */
  singular: string;
  /** "skolenheter" */
  plural: string;
  /** "Skolenheterna", opening the sentence when they could not be read. */
  definite: string;
  /** Said instead of "0 …" when nothing matches, where a list words it its own way. */
  none?: string;
}

/** The status line of a server-paged list: loading, failed, or how many rows match. */
export function listStatusText(status: ListStatus, nouns: ListNouns): string {
  switch (status.kind) {
    case 'loading':
      return `Hämtar ${nouns.plural} …`;
    case 'failed':
      return `${nouns.definite} kunde inte hämtas. Försök igen om en stund.`;
    case 'loaded':
      return status.total === 0 && nouns.none
        ? nouns.none
        : countText(status.total, nouns.singular, nouns.plural);
  }
}

/**
 * The state behind a server-paged grid: the filters outside the grid, and the data source made
 * from them. Changing a filter makes a new data source, so the grid starts again at row one.
 * Typing in a search box waits for a pause before asking the server.
 */
export abstract class ServerListStore<T, F extends object> {
  private readonly filters$: WritableSignal<F>;
  private readonly status$ = signal<ListStatus>({ kind: 'loading' });
  private readonly sort$: WritableSignal<string>;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Values typed but not applied yet, waiting for the pause. */
  private pending: Partial<F> = {};

  readonly filters: Signal<F>;
  readonly status = this.status$.asReadonly();
  /** The sort the grid last asked for (`column:direction`), e.g. for an export in its order. */
  readonly sort: Signal<string>;

  readonly dataSource = computed(() =>
    createServerDataSource<T, F>({
      fetchPage: (query) => {
        this.sort$.set(query.sort ?? this.defaultSort);
        return this.fetchPage(query);
      },
      filters: this.filters$(),
      sortColumns: this.sortColumns,
      defaultSort: this.defaultSort,
      onPage: (page) => {
        if (page.total !== null) this.status$.set({ kind: 'loaded', total: page.total });
      },
      onError: () => this.status$.set({ kind: 'failed' }),
    }),
  );

  protected constructor(
    initialFilters: F,
    private readonly sortColumns: readonly string[],
    private readonly defaultSort: string,
  ) {
    this.filters$ = signal(initialFilters);
    this.sort$ = signal(defaultSort);
    this.sort = this.sort$.asReadonly();
    this.filters = this.filters$.asReadonly();
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  protected abstract fetchPage(query: ListQuery & Partial<F>): Observable<Page<T>>;

  setFilter<K extends keyof F>(key: K, value: F[K]): void {
    this.applyFilters({ [key]: value } as unknown as Partial<F>);
  }

  /**
   * For a search box: applies the text after a short pause in typing. Several fields typed in
   * during the same pause are applied together.
   */
  setFilterSoon<K extends keyof F>(key: K, value: F[K]): void {
    this.pending = { ...this.pending, [key]: value };
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      const pending = this.pending;
      this.pending = {};
      this.applyFilters(pending);
    }, SEARCH_DEBOUNCE_MS);
  }

  private applyFilters(changes: Partial<F>): void {
    const current = this.filters$();
    const changed = (Object.keys(changes) as (keyof F)[]).some(
      (key) => current[key] !== changes[key],
    );
    if (!changed) return;
    this.status$.set({ kind: 'loading' });
    this.filters$.set({ ...current, ...changes });
  }
}
