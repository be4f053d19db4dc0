import { signal } from '@angular/core';
import { type Observable, firstValueFrom } from 'rxjs';

import { MAX_PAGE_SIZE, type Page } from '@licensregistret/domain';

export type RecordListState<T> =
  { kind: 'loading' } | { kind: 'loaded'; rows: T[]; total: number | null } | { kind: 'failed' };

/** A short list (suppliers, services): the first page matching a search, no grid needed. */
export abstract class RecordListStore<T> {
  protected abstract fetch(query: { q?: string; limit: number }): Observable<Page<T>>;

  private readonly state$ = signal<RecordListState<T>>({ kind: 'loading' });
  readonly state = this.state$.asReadonly();
  private latest = 0;

  async load(q = ''): Promise<void> {
    const call = ++this.latest;
    const search = q.trim();
    try {
      const page = await firstValueFrom(
        this.fetch({ ...(search ? { q: search } : {}), limit: MAX_PAGE_SIZE }),
      );
      // A slower answer to an earlier search must not replace a newer one.
      if (call === this.latest) {
        this.state$.set({ kind: 'loaded', rows: page.rows, total: page.total });
      }
    } catch {
      if (call === this.latest) this.state$.set({ kind: 'failed' });
    }
  }
}
