import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import {
  CATALOGUE_STATUS_LABELS,
  RECORD_OMISSION_LABELS,
  type RecordOfProcessing,
} from '@licensregistret/domain';

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

/** An approved service the record has no entry for, and why, for the page's table. */
export interface OmittedView {
  id: string;
  serviceName: string;
  supplierName: string;
  statusText: string;
  reason: string;
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

  /** The approved services without an entry, each with why. */
  readonly omitted = computed((): OmittedView[] => {
    const state = this.state$();
    if (state.kind !== 'loaded') return [];
    return state.record.omitted.map((omission) => ({
      id: omission.serviceId,
      serviceName: omission.serviceName,
      supplierName: omission.supplierName,
      statusText: CATALOGUE_STATUS_LABELS[omission.catalogueStatus],
      reason: RECORD_OMISSION_LABELS[omission.reason],
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
