import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  DocumentKind,
  DocumentList,
  DocumentOwnerType,
  StoredDocument,
} from '@licensregistret/domain';

const COLLECTION: Record<DocumentOwnerType, string> = {
  agreement: '/api/agreements',
  service: '/api/services',
  review: '/api/reviews',
};

/** The address a document is downloaded from (an attachment: the browser saves it). */
export function documentContentUrl(id: string): string {
  return `/api/documents/${encodeURIComponent(id)}/content`;
}

/** Documents of agreements, services and reviews. */
@Injectable({ providedIn: 'root' })
export class DocumentsApi {
  private readonly http = inject(HttpClient);

  list(ownerType: DocumentOwnerType, ownerId: string): Observable<DocumentList> {
    return this.http.get<DocumentList>(
      `${COLLECTION[ownerType]}/${encodeURIComponent(ownerId)}/documents`,
    );
  }

  /** Sends the kind first, then the file: the API can refuse a wrong kind before the bytes. */
  upload(
    ownerType: DocumentOwnerType,
    ownerId: string,
    kind: DocumentKind,
    file: File,
  ): Observable<StoredDocument> {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    return this.http.post<StoredDocument>(
      `${COLLECTION[ownerType]}/${encodeURIComponent(ownerId)}/documents`,
      form,
    );
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`/api/documents/${encodeURIComponent(id)}`);
  }
}
