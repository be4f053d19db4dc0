import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import {
  type CatalogueEntry,
  MAX_PAGE_SIZE,
  type SchoolUnit,
  type ServiceCategory,
  type UnitRef,
  countedTotal,
  isUnitScoped,
} from '@licensregistret/domain';

import { AuthStore } from '../core/auth/auth.store';
import { SchoolUnitsApi } from '../shared/data/school-units-api';
import { SEARCH_DEBOUNCE_MS } from '../shared/grid/server-list.store';
import { CatalogueApi } from './catalogue-api';

export const CATALOGUE_PAGE_SIZE = 50;

export interface CatalogueFilters {
  q: string;
  category: ServiceCategory | '';
  /** A unit chosen to see its licences; '' for the signed-in person's own units. */
  unitId: string;
}

export interface CatalogueState {
  status: 'loading' | 'loaded' | 'failed';
  entries: CatalogueEntry[];
  total: number;
  /** A further page is on its way. */
  loadingMore: boolean;
}

/** Whose licences the catalogue speaks of. */
export interface LicenceContext {
  /** 'own': the signed-in person's units; 'chosen': a unit picked in the list; 'none'. */
  kind: 'own' | 'chosen' | 'none';
  units: UnitRef[];
}

/**
 * The catalogue of approved services, searched and filtered on the server, and the units whose
 * licences it shows: a requester's own, or one that someone who is not unit-scoped picks.
 */
@Injectable()
export class CatalogueStore {
  private readonly api = inject(CatalogueApi);
  private readonly unitsApi = inject(SchoolUnitsApi);
  private readonly auth = inject(AuthStore);

  private readonly filters$ = signal<CatalogueFilters>({ q: '', category: '', unitId: '' });
  private readonly state$ = signal<CatalogueState>({
    status: 'loading',
    entries: [],
    total: 0,
    loadingMore: false,
  });
  private readonly units$ = signal<SchoolUnit[]>([]);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts requests, so an answer to an older search is dropped. */
  private requests = 0;

  readonly filters = this.filters$.asReadonly();
  readonly state = this.state$.asReadonly();
  /** The units to pick from, for those who may look at any unit. */
  readonly units = this.units$.asReadonly();

  /** Requesters and principals see their own units only; anyone else may pick a unit. */
  readonly mayChooseUnit = computed(() => !isUnitScoped(this.auth.roles() ?? []));
  readonly ownUnits = computed(() => this.auth.user()?.schoolUnits ?? []);

  readonly context = computed<LicenceContext>(() => {
    const unitId = this.filters$().unitId;
    if (unitId) {
      const unit = this.units$().find((candidate) => candidate.id === unitId);
      return { kind: 'chosen', units: [{ id: unitId, name: unit?.name ?? 'Vald skolenhet' }] };
    }
    const own = this.ownUnits();
    return own.length > 0 ? { kind: 'own', units: own } : { kind: 'none', units: [] };
  });

  readonly hasMore = computed(() => this.state$().entries.length < this.state$().total);

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  /** The first page, and the units to pick from when the person may pick one. */
  async start(): Promise<void> {
    await Promise.all([this.load(), this.mayChooseUnit() ? this.loadUnits() : null]);
  }

  setFilter<K extends keyof CatalogueFilters>(key: K, value: CatalogueFilters[K]): void {
    clearTimeout(this.searchTimer);
    if (this.filters$()[key] === value) return;
    this.filters$.update((filters) => ({ ...filters, [key]: value }));
    void this.load();
  }

  /** For the search box: searches after a short pause in typing. */
  searchSoon(q: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.setFilter('q', q.trim()), SEARCH_DEBOUNCE_MS);
  }

  async loadMore(): Promise<void> {
    const state = this.state$();
    if (state.status !== 'loaded' || state.loadingMore || !this.hasMore()) return;
    const request = this.requests;
    this.state$.update((current) => ({ ...current, loadingMore: true }));
    try {
      const page = await firstValueFrom(this.api.list(this.query(state.entries.length)));
      if (request !== this.requests) return;
      this.state$.update((current) => ({
        ...current,
        entries: [...current.entries, ...page.rows],
        total: countedTotal(page),
        loadingMore: false,
      }));
    } catch {
      if (request !== this.requests) return;
      this.state$.update((current) => ({ ...current, loadingMore: false }));
    }
  }

  private async load(): Promise<void> {
    const request = ++this.requests;
    this.state$.update((current) => ({ ...current, status: 'loading', loadingMore: false }));
    try {
      const page = await firstValueFrom(this.api.list(this.query(0)));
      if (request !== this.requests) return;
      this.state$.set({
        status: 'loaded',
        entries: page.rows,
        total: countedTotal(page),
        loadingMore: false,
      });
    } catch {
      if (request !== this.requests) return;
      this.state$.set({ status: 'failed', entries: [], total: 0, loadingMore: false });
    }
  }

  private async loadUnits(): Promise<void> {
    try {
      const page = await firstValueFrom(
        this.unitsApi.list({ limit: MAX_PAGE_SIZE, sort: 'name:asc' }),
      );
      this.units$.set(page.rows);
    } catch {
      // Without the list no unit can be picked; the catalogue itself still shows.
    }
  }

  private query(offset: number) {
    const { q, category, unitId } = this.filters$();
    return {
      q: q || undefined,
      category: category || undefined,
      unitId: unitId || undefined,
      offset,
      limit: CATALOGUE_PAGE_SIZE,
    };
  }
}
