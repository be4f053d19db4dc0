import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { ToolMatch } from '@licensregistret/domain';

import { CatalogueApi } from '../../catalogue/catalogue-api';
import { SEARCH_DEBOUNCE_MS } from '../../shared/grid/server-list.store';
import { optionId } from './tool-options';

/** A search shorter than this asks nothing: every name matches one letter. */
export const MIN_SEARCH_LENGTH = 2;

export interface ToolSearchState {
  status: 'idle' | 'searching' | 'loaded' | 'failed';
  q: string;
  matches: ToolMatch[];
  total: number;
}

const IDLE: ToolSearchState = { status: 'idle', q: '', matches: [], total: 0 };

/**
 * The search at the start of a new request: what the person types, and what matches in the
 * whole catalogue (approved, under review, rejected, retired) and among the tools other units
 * have asked for, each with its history; and the one chosen.
 */
@Injectable()
export class ToolSearchStore {
  private readonly api = inject(CatalogueApi);
  private readonly state$ = signal<ToolSearchState>(IDLE);
  private readonly chosen$ = signal<ToolMatch | null>(null);
  private readonly searched$ = signal(false);
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts searches, so the answer to an older one is dropped. */
  private searches = 0;

  readonly state = this.state$.asReadonly();
  /** The catalogue service picked, kept while later searches show other tools. */
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
    this.state$.set({ status: 'searching', q, matches: this.state$().matches, total: 0 });
    try {
      const result = await firstValueFrom(this.api.tools({ q }));
      if (search !== this.searches) return;
      this.state$.set({ status: 'loaded', q, matches: result.rows, total: result.total });
      this.refreshChosen(result.rows);
    } catch {
      if (search !== this.searches) return;
      this.state$.set({ status: 'failed', q, matches: [], total: 0 });
    }
    this.searched$.set(true);
  }

  /** Remembers the tool with this option id from the results (null: none, or a new tool). */
  choose(id: string | null): void {
    if (id === null) {
      this.chosen$.set(null);
      return;
    }
    const match = this.state$().matches.find((candidate) => optionId(candidate) === id);
    if (match) this.chosen$.set(match);
  }

  /** The chosen tool as a newer answer tells it (a request joined or made since). */
  private refreshChosen(matches: readonly ToolMatch[]): void {
    const chosen = this.chosen$();
    if (!chosen) return;
    const fresh = matches.find((match) => optionId(match) === optionId(chosen));
    if (fresh) this.chosen$.set(fresh);
  }
}
