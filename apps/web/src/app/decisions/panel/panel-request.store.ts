import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { RequestDetail } from '@licensregistret/domain';

import { RequestsApi } from '../../requests/data/requests-api';
import { RequestHistoryStore } from './request-history.store';

export type PanelState =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'failed' }
  | { kind: 'loaded'; request: RequestDetail };

/** One opening of a request in the panel; a new object each time, even for the same id. */
export interface OpenedRequest {
  readonly id: string;
}

function notFound(error: unknown): boolean {
  // A malformed id in the address is a 400: no such request either.
  return (
    error instanceof HttpErrorResponse &&
    (error.status === HttpStatusCode.NotFound || error.status === HttpStatusCode.BadRequest)
  );
}

/**
 * Which request the panel shows, and reading it (with its history beside it). The stores for
 * moves, comments and changes of the service act on the request opened here, and forget what they
 * said about it when another one is opened (`opened` changes).
 */
@Injectable()
export class PanelRequestStore {
  private readonly api = inject(RequestsApi);
  private readonly history = inject(RequestHistoryStore);

  private readonly state$ = signal<PanelState>({ kind: 'loading' });
  private readonly opened$ = signal<OpenedRequest | null>(null);
  /** Counts reads, so the answer for a request left behind is dropped. */
  private loads = 0;

  readonly state = this.state$.asReadonly();
  /** The request as last read, or null while it is read, missing or failed. */
  readonly request = computed(() => {
    const state = this.state$();
    return state.kind === 'loaded' ? state.request : null;
  });
  /** The current opening: what was said about an earlier one no longer applies. */
  readonly opened = this.opened$.asReadonly();

  /** Shows another request (or the same one afresh). */
  async open(id: string): Promise<void> {
    this.opened$.set({ id });
    this.state$.set({ kind: 'loading' });
    this.history.forget();
    await this.load();
  }

  /** Reads the request and its history again. */
  async load(): Promise<void> {
    const id = this.opened$()?.id;
    if (!id) return;
    const load = ++this.loads;
    const events = this.history.load(id);
    try {
      const request = await firstValueFrom(this.api.get(id));
      if (load !== this.loads) return;
      this.state$.set({ kind: 'loaded', request });
    } catch (error) {
      if (load !== this.loads) return;
      this.state$.set({ kind: notFound(error) ? 'not-found' : 'failed' });
    }
    await events;
  }

  /** The request as a move left it; a read still on its way is dropped. */
  show(request: RequestDetail): void {
    this.loads++;
    this.state$.set({ kind: 'loaded', request });
  }
}
