import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type {
  DocumentKind,
  DocumentList,
  DocumentOwnerType,
  StoredDocument,
} from '@licensregistret/domain';

import { type FormErrors, NO_ERRORS, hasErrors } from '../forms/form-errors';
import { type DocumentFormValue, uploadErrors, validateDocumentForm } from './document-form';
import { DocumentsApi } from './documents-api';

type ListState = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; list: DocumentList };

/** One record's documents: the list, an upload, a removal. One per documents section. */
@Injectable()
export class DocumentsStore {
  private readonly api = inject(DocumentsApi);
  private owner: { type: DocumentOwnerType; id: string } | null = null;

  private readonly state = signal<ListState>({ kind: 'loading' });
  private readonly errorsState = signal<FormErrors>(NO_ERRORS);
  private readonly busyState = signal(false);
  private readonly messageState = signal('');

  readonly list = this.state.asReadonly();
  readonly errors = this.errorsState.asReadonly();
  readonly busy = this.busyState.asReadonly();
  /** What just happened, for the live region. */
  readonly message = this.messageState.asReadonly();
  readonly documents = computed<StoredDocument[]>(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.list.documents : [];
  });
  readonly mayUpload = computed(() => {
    const state = this.state();
    return state.kind === 'ready' && state.list.mayUpload;
  });

  async load(type: DocumentOwnerType, id: string): Promise<void> {
    this.owner = { type, id };
    this.state.set({ kind: 'loading' });
    try {
      this.state.set({ kind: 'ready', list: await firstValueFrom(this.api.list(type, id)) });
    } catch {
      this.state.set({ kind: 'failed' });
    }
  }

  /** Uploads the file; true when it is stored (the list then holds it). */
  async upload(value: DocumentFormValue): Promise<boolean> {
    const owner = this.owner;
    if (!owner || this.busyState()) return false;
    const errors = validateDocumentForm(value);
    this.errorsState.set(errors);
    if (hasErrors(errors)) return false;
    this.busyState.set(true);
    this.messageState.set('Laddar upp …');
    try {
      const stored = await firstValueFrom(
        this.api.upload(owner.type, owner.id, value.kind as DocumentKind, value.file as File),
      );
      this.state.update((state) =>
        state.kind === 'ready'
          ? { kind: 'ready', list: { ...state.list, documents: [...state.list.documents, stored] } }
          : state,
      );
      this.messageState.set(`${stored.fileName} är uppladdat.`);
      return true;
    } catch (error) {
      this.errorsState.set(uploadErrors(error));
      this.messageState.set('');
      return false;
    } finally {
      this.busyState.set(false);
    }
  }

  async remove(document: StoredDocument): Promise<boolean> {
    this.busyState.set(true);
    try {
      await firstValueFrom(this.api.remove(document.id));
      this.state.update((state) =>
        state.kind === 'ready'
          ? {
              kind: 'ready',
              list: {
                ...state.list,
                documents: state.list.documents.filter((item) => item.id !== document.id),
              },
            }
          : state,
      );
      this.messageState.set(`${document.fileName} är borttaget.`);
      return true;
    } catch {
      this.messageState.set(`${document.fileName} kunde inte tas bort. Försök igen om en stund.`);
      return false;
    } finally {
      this.busyState.set(false);
    }
  }

  clearErrors(): void {
    this.errorsState.set(NO_ERRORS);
  }
}
