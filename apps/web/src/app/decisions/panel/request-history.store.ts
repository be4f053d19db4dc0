import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { RequestEvent } from '@licensregistret/domain';

import { RequestsApi } from '../../requests/data/requests-api';
import type { Section } from './section';

/**
 * The open request's history. Read when the request is, and again after a move or a comment;
 * only the latest read counts, so the answer for a request left behind is dropped.
 */
@Injectable()
export class RequestHistoryStore {
  private readonly api = inject(RequestsApi);
  private readonly events$ = signal<Section<RequestEvent[]>>({ kind: 'loading' });
  /** Counts reads; an answer that is not the latest one's is dropped. */
  private reads = 0;

  readonly events = this.events$.asReadonly();

  /** Another request is shown: its history is on its way. */
  forget(): void {
    this.reads++;
    this.events$.set({ kind: 'loading' });
  }

  /** Reads the history; what is shown stays until the answer comes. */
  async load(requestId: string): Promise<void> {
    const read = ++this.reads;
    try {
      const events = await firstValueFrom(this.api.events(requestId));
      if (read === this.reads) this.events$.set({ kind: 'loaded', value: events });
    } catch {
      if (read === this.reads) this.events$.set({ kind: 'failed' });
    }
  }
}
