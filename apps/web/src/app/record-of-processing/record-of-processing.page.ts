import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  ViewEncapsulation,
  computed,
  inject,
} from '@angular/core';

import { ExportLinks } from '../shared/download/export-links';
import { countText } from '../shared/format/format';
import { RECORD_OF_PROCESSING_EXPORT } from './record-of-processing-api';
import { RecordOfProcessingStore } from './record-of-processing.store';

/**
 * Registerförteckning: one section per approved service that processes personal data, as its
 * data protection review found it; printable (the shell's header, menu and footer and the
 * buttons are left out on paper) and exportable.
 */
@Component({
  selector: 'lr-record-of-processing-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The print rules hide the application shell around the page, so they cannot be scoped to it.
  encapsulation: ViewEncapsulation.None,
  imports: [ExportLinks],
  providers: [RecordOfProcessingStore],
  templateUrl: './record-of-processing.page.html',
  styleUrl: './record-of-processing.page.css',
})
export class RecordOfProcessingPage implements OnInit {
  protected readonly store = inject(RecordOfProcessingStore);
  private readonly window = inject(DOCUMENT).defaultView;
  protected readonly exportPath = RECORD_OF_PROCESSING_EXPORT;

  protected readonly statusText = computed(() => {
    const state = this.store.state();
    switch (state.kind) {
      case 'loading':
        return 'Hämtar registerförteckningen …';
      case 'failed':
        return 'Registerförteckningen kunde inte hämtas. Försök igen om en stund.';
      case 'loaded':
        return state.record.entries.length === 0
          ? `Inga godkända tjänster behandlar personuppgifter enligt sin dataskyddsgranskning (${state.record.readOn}).`
          : `${countText(state.record.entries.length, 'behandling', 'behandlingar')}, enligt läget ${state.record.readOn}.`;
    }
  });

  ngOnInit(): Promise<void> {
    return this.store.load();
  }

  protected isList(value: string | readonly string[]): value is readonly string[] {
    return Array.isArray(value);
  }

  protected print(): void {
    this.window?.print();
  }
}
