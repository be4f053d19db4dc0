import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type { RecordOfProcessing } from '@licensregistret/domain';

import { type ProcessingItem, processingItems } from './processing-items';
import { RecordOfProcessingApi } from './record-of-processing-api';

export type RecordState =
  { kind: 'loading' } | { kind: 'loaded'; record: RecordOfProcessing } | { kind: 'failed' };

/** A processing ready for the page: its heading and its definition list. */
export interface ProcessingView {
  id: string;
  serviceName: string;
  items: ProcessingItem[];
}

/** The record of processing, read once when the page opens. */
@Injectable()
export class RecordOfProcessingStore {
  private readonly api = inject(RecordOfProcessingApi);
  private readonly state$ = signal<RecordState>({ kind: 'loading' });

  readonly state = this.state$.asReadonly();

  readonly processings = computed((): ProcessingView[] => {
    const state = this.state$();
    if (state.kind !== 'loaded') return [];
    return state.record.entries.map((entry) => ({
      id: entry.serviceId,
      serviceName: entry.serviceName,
      items: processingItems(entry),
    }));
  });

  async load(): Promise<void> {
    this.state$.set({ kind: 'loading' });
    try {
      this.state$.set({ kind: 'loaded', record: await firstValueFrom(this.api.read()) });
    } catch {
      this.state$.set({ kind: 'failed' });
    }
  }
}
