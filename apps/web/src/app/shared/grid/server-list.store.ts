import {
  DestroyRef,
  type Signal,
  type WritableSignal,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { ActivatedRoute, type Params, Router } from '@angular/router';
import type { Observable } from 'rxjs';

import type { ListQuery, Page } from '@licensregistret/domain';

import { countText } from '../format/format';
import { createServerDataSource } from './server-data-source';

export const SEARCH_DEBOUNCE_MS = 300;

/** The query parameter that keeps a list's sort in its address (`?sortering=name:desc`). */
export const SORT_PARAM = 'sortering';

/** The query parameter per filter that keeps it in the list's address; others stay out of it. */
export type ListUrlParams<F> = Partial<Record<keyof F & string, string>>;

type FilterValue = string | number | boolean | readonly string[];

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => item === b[index]);
  }
  return a === b;
}

/** A filter's value as a query parameter: null (left out) when it is the list's default. */
export function filterToParam(value: unknown, initial: unknown): string | null {
  if (sameValue(value, initial)) return null;
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/** A query parameter back as a filter's value, of the same kind as the default value. */
export function filterFromParam(text: string, initial: unknown): FilterValue {
  if (Array.isArray(initial)) return text === '' ? [] : text.split(',');
  if (typeof initial === 'boolean') return text === 'true';
  if (typeof initial === 'number') {
    const value = Number(text);
    return Number.isFinite(value) ? value : initial;
  }
  return text;
}

/** A sort from the address, if the list offers it: `column:asc` or `column:desc`. */
export function sortFromParam(text: string | null, sortColumns: readonly string[]): string | null {
  const match = /^([A-Za-z]+):(asc|desc)$/.exec(text ?? '');
  return match && sortColumns.includes(match[1]) ? text : null;
}

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
  private readonly initialFilters: F;
  private readonly status$ = signal<ListStatus>({ kind: 'loading' });
  private readonly sort$: WritableSignal<string>;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Values typed but not applied yet, waiting for the pause. */
  private pending: Partial<F> = {};

  readonly filters: Signal<F>;
  readonly status = this.status$.asReadonly();
  /** The sort the grid last asked for (`column:direction`), e.g. for an export in its order. */
  readonly sort: Signal<string>;
  /** How many of the filters kept in the address differ from the list's defaults. */
  readonly activeFilterCount = computed(() => {
    const filters = this.filters$();
    return (Object.keys(this.urlParams) as (keyof F & string)[]).filter(
      (key) => !sameValue(filters[key], this.initialFilters[key]),
    ).length;
  });

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

  /**
   * With `urlParams`, the named filters and the sort are read from the page's address and kept
   * there as they change (replacing the history entry), so Back, a reload and a shared link show
   * the same list.
   */
  protected constructor(
    initialFilters: F,
    private readonly sortColumns: readonly string[],
    private readonly defaultSort: string,
    private readonly urlParams: ListUrlParams<F> = {},
  ) {
    this.initialFilters = initialFilters;
    const route = inject(ActivatedRoute, { optional: true });
    const query = route?.snapshot.queryParamMap;
    const fromUrl: Partial<F> = {};
    for (const [key, name] of Object.entries(urlParams) as [keyof F & string, string][]) {
      const text = query?.get(name);
      if (text !== null && text !== undefined) {
        (fromUrl as Record<string, unknown>)[key] = filterFromParam(text, initialFilters[key]);
      }
    }
    this.filters$ = signal({ ...initialFilters, ...fromUrl });
    this.sort$ = signal(
      (route && sortFromParam(query?.get(SORT_PARAM) ?? null, sortColumns)) || defaultSort,
    );
    this.sort = this.sort$.asReadonly();
    this.filters = this.filters$.asReadonly();
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
    if (route && Object.keys(urlParams).length > 0) this.keepInUrl(route, inject(Router));
  }

  /** The filters and sort as query parameters; null removes one that is back at its default. */
  readonly urlQuery = computed((): Params => {
    const filters = this.filters$();
    const params: Params = {};
    for (const [key, name] of Object.entries(this.urlParams) as [keyof F & string, string][]) {
      params[name] = filterToParam(filters[key], this.initialFilters[key]);
    }
    const sort = this.sort$();
    params[SORT_PARAM] = sort === this.defaultSort ? null : sort;
    return params;
  });

  private keepInUrl(route: ActivatedRoute, router: Router): void {
    effect(() => {
      const queryParams = this.urlQuery();
      untracked(() => {
        const current = route.snapshot.queryParamMap;
        const unchanged = Object.entries(queryParams).every(
          ([name, value]) => (current.get(name) ?? null) === value,
        );
        if (unchanged) return;
        void router.navigate([], {
          relativeTo: route,
          queryParams,
          queryParamsHandling: 'merge',
          replaceUrl: true,
        });
      });
    });
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
