import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { TodoList } from '@licensregistret/domain';

import { TodoApi } from './todo-api';

/** Navigating asks for the list again at most this often, as for the unread count. */
export const TODO_REFRESH_MIN_MS = 30_000;

export interface TodoState {
  /** Null until first known (and after signing out). */
  list: TodoList | null;
  loading: boolean;
  error: string | null;
}

/**
 * What waits for the signed-in person: the start page shows the rows, the navigation the total.
 * One call serves both.
 */
@Injectable({ providedIn: 'root' })
export class TodoStore {
  private readonly api = inject(TodoApi);
  private readonly state$ = signal<TodoState>({ list: null, loading: false, error: null });
  private askedAt = Number.NEGATIVE_INFINITY;
  private asking: Promise<void> | null = null;

  readonly state = this.state$.asReadonly();

  /** Asks the API, unless asked less than TODO_REFRESH_MIN_MS ago (or `force`). */
  refresh(options: { force?: boolean; now?: number } = {}): Promise<void> {
    const now = options.now ?? Date.now();
    if (this.asking) return this.asking;
    if (!options.force && now - this.askedAt < TODO_REFRESH_MIN_MS) return Promise.resolve();
    this.askedAt = now;
    this.state$.update((state) => ({ ...state, loading: true }));
    this.asking = firstValueFrom(this.api.list())
      .then((list) => this.state$.set({ list, loading: false, error: null }))
      .catch(() =>
        this.state$.update((state) => ({
          ...state,
          loading: false,
          error: 'Listan kunde inte hämtas. Försök igen om en stund.',
        })),
      )
      .finally(() => (this.asking = null));
    return this.asking;
  }

  /** Signed out: nothing to show, and the next person's list is asked for at once. */
  clear(): void {
    this.state$.set({ list: null, loading: false, error: null });
    this.askedAt = Number.NEGATIVE_INFINITY;
  }
}
