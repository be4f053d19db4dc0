import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';

import {
  DOCUMENT_ACCEPT,
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  type DocumentKind,
  type DocumentOwnerType,
  type StoredDocument,
} from '@licensregistret/domain';

import { formatDateTime } from '../format/format';
import { ErrorSummary } from '../forms/error-summary';
import { sizeText } from './document-form';
import { documentContentUrl } from './documents-api';
import { DocumentsStore } from './documents.store';

let nextId = 0;

/**
 * A record's documents: the list with download links, an upload form (kind and file) and removal
 * with a confirmation, for whoever the API says may. Used on agreements, services and reviews.
 */
@Component({
  selector: 'lr-documents-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorSummary],
  providers: [DocumentsStore],
  templateUrl: './documents-section.html',
  styleUrl: './documents-section.css',
})
export class DocumentsSection {
  readonly ownerType = input.required<DocumentOwnerType>();
  readonly ownerId = input.required<string>();
  readonly heading = input('Dokument');
  /** The section's heading level where it stands (a panel's sections are h3). */
  readonly headingLevel = input<2 | 3>(2);
  /** What the record is called in "… kopplade till avtalet". */
  readonly ownerName = input('posten');

  protected readonly store = inject(DocumentsStore);
  protected readonly id = `documents-${nextId++}`;
  protected readonly kinds = DOCUMENT_KINDS;
  protected readonly kindLabels = DOCUMENT_KIND_LABELS;
  protected readonly accept = DOCUMENT_ACCEPT;
  protected readonly fieldIds = { kind: `${this.id}-kind`, file: `${this.id}-file` };
  protected readonly kind = signal<DocumentKind | ''>('');
  protected readonly file = signal<File | null>(null);
  /** The document whose removal waits for a yes. */
  protected readonly confirming = signal<StoredDocument | null>(null);

  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');
  private readonly confirmButton = viewChild<ElementRef<HTMLButtonElement>>('confirmButton');

  constructor() {
    effect(() => {
      const type = this.ownerType();
      const id = this.ownerId();
      untracked(() => void this.store.load(type, id));
    });
    effect(() => this.confirmButton()?.nativeElement.focus());
  }

  protected contentUrl(document: StoredDocument): string {
    return documentContentUrl(document.id);
  }

  protected describe(document: StoredDocument): string {
    const who = document.uploadedByName ?? 'okänd användare';
    return `${this.kindLabels[document.kind]}, ${document.fileType}, ${sizeText(document.sizeBytes)}. Uppladdat ${formatDateTime(document.uploadedAt)} av ${who}.`;
  }

  protected chooseKind(event: Event): void {
    this.kind.set((event.target as HTMLSelectElement).value as DocumentKind | '');
  }

  protected chooseFile(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const stored = await this.store.upload({ kind: this.kind(), file: this.file() });
    if (stored) {
      this.kind.set('');
      this.file.set(null);
      const input = this.fileInput()?.nativeElement;
      if (input) input.value = '';
    }
  }

  protected async confirmRemoval(document: StoredDocument): Promise<void> {
    await this.store.remove(document);
    this.confirming.set(null);
  }
}
