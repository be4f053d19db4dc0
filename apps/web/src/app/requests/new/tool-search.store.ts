import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { type CatalogueEntry, countedTotal } from '@licensregistret/domain';

import { CatalogueApi } from '../../catalogue/catalogue-api';
import { SEARCH_DEBOUNCE_MS } from '../../shared/grid/server-list.store';

/** A search shorter than this asks nothing: every name matches one letter. */
export const MIN_SEARCH_LENGTH = 2;
export const TOOL_SEARCH_LIMIT = 20;

export interface ToolSearchState {
  status: 'idle' | 'searching' | 'loaded' | 'failed';
  q: string;
  entries: CatalogueEntry[];
  total: number;
}

const IDLE: ToolSearchState = { status: 'idle', q: '', entries: [], total: 0 };

/**
 * The catalogue search at the start of a new request: what the person types, the approved
 * services that match (each with the caller's units that already have it), and the one chosen.
 */
@Injectable()
export class ToolSearchStore {
  private readonly api = inject(CatalogueApi);
  private readonly state$ = signal<ToolSearchState>(IDLE);
  private readonly chosen$ = signal<CatalogueEntry | null>(null);
  private readonly searched$ = signal(false);
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts searches, so the answer to an older one is dropped. */
  private searches = 0;

  readonly state = this.state$.asReadonly();
  /** The catalogue service picked, kept while later searches show other services. */
  readonly chosen = this.chosen$.asReadonly();
  /** At least one search was answered (or failed): only then is "not in the catalogue" offered. */
  readonly searched = this.searched$.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  /** For the search box: searches after a short pause in typing. */
  searchSoon(text: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(text), SEARCH_DEBOUNCE_MS);
  }

  async search(text: string): Promise<void> {
    clearTimeout(this.timer);
    const q = text.trim();
    const search = ++this.searches;
    if (q.length < MIN_SEARCH_LENGTH) {
      this.state$.set({ ...IDLE, q });
      return;
    }
    this.state$.set({ status: 'searching', q, entries: this.state$().entries, total: 0 });
    try {
      const page = await firstValueFrom(this.api.list({ q, offset: 0, limit: TOOL_SEARCH_LIMIT }));
      if (search !== this.searches) return;
      this.state$.set({ status: 'loaded', q, entries: page.rows, total: countedTotal(page) });
    } catch {
      if (search !== this.searches) return;
      this.state$.set({ status: 'failed', q, entries: [], total: 0 });
    }
    this.searched$.set(true);
  }

  /** Remembers the service with this id from the results (null: none, or a new tool). */
  choose(serviceId: string | null): void {
    if (serviceId === null) {
      this.chosen$.set(null);
      return;
    }
    const entry = this.state$().entries.find((candidate) => candidate.id === serviceId);
    if (entry) this.chosen$.set(entry);
  }
}
