import type { HttpTestingController } from '@angular/common/http/testing';

import type { DocumentList, StoredDocument } from '@licensregistret/domain';

/**
 * Answers the documents sections' list requests (empty, nothing to upload), for page tests that
 * are about something else on the page.
 */
export function answerDocumentLists(
  http: HttpTestingController,
  list: DocumentList = { documents: [], mayUpload: false },
): void {
  for (const request of http.match((call) => /\/documents$/.test(call.url))) {
    if (!request.cancelled) request.flush(list);
  }
}

export function testDocument(overrides: Partial<StoredDocument> = {}): StoredDocument {
  return {
    id: 'doc-1',
    ownerType: 'agreement',
    ownerId: 'a-1',
    kind: 'SIGNED_AGREEMENT',
    fileName: 'Avtal.pdf',
    fileType: 'PDF',
    mediaType: 'application/pdf',
    sizeBytes: 2048,
    sha256: 'a'.repeat(64),
    uploadedAt: '2026-03-02T09:15:00.000Z',
    uploadedByName: 'Petra Upphandlare',
    mayRemove: true,
    ...overrides,
  };
}
