import {
  DOCUMENT_MEDIA_TYPES,
  type DocumentFileType,
  type DocumentKind,
  type DocumentOwnerType,
  type StoredDocument,
} from '@licensregistret/domain';

import type { StorageName } from './document-storage';

export const OWNER_COLUMN = {
  agreement: 'agreement_id',
  service: 'service_id',
  review: 'review_id',
} as const satisfies Record<DocumentOwnerType, string>;

export const SELECT_DOCUMENT = `
  SELECT d.id, d.agreement_id, d.service_id, d.review_id, d.kind, d.file_name, d.file_type,
         d.size_bytes, d.sha256, d.storage, d.uploaded_at, a.display_name AS uploaded_by_name
    FROM document d LEFT JOIN account a ON a.id = d.uploaded_by`;

export interface DocumentRow {
  id: string;
  agreement_id: string | null;
  service_id: string | null;
  review_id: string | null;
  kind: DocumentKind;
  file_name: string;
  file_type: DocumentFileType;
  size_bytes: number;
  sha256: string;
  storage: StorageName;
  uploaded_at: Date;
  uploaded_by_name: string | null;
}

export function ownerOf(row: DocumentRow): { type: DocumentOwnerType; id: string } {
  if (row.agreement_id) return { type: 'agreement', id: row.agreement_id };
  if (row.service_id) return { type: 'service', id: row.service_id };
  return { type: 'review', id: row.review_id as string };
}

export function toDocument(row: DocumentRow, mayRemove: boolean): StoredDocument {
  const owner = ownerOf(row);
  return {
    id: row.id,
    ownerType: owner.type,
    ownerId: owner.id,
    kind: row.kind,
    fileName: row.file_name,
    fileType: row.file_type,
    mediaType: DOCUMENT_MEDIA_TYPES[row.file_type],
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedAt: row.uploaded_at.toISOString(),
    uploadedByName: row.uploaded_by_name,
    mayRemove,
  };
}

/**
 * The name a file came with, as a name only: no folders, no control characters, at most 255
 * characters; "dokument" when nothing is left.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = [...base.replace(/[\u0000-\u001f\u007f]/g, '').trim()].slice(0, 255).join('');
  return clean === '' || clean === '.' || clean === '..' ? 'dokument' : clean;
}

/**
 * Content-Disposition for a download: an ASCII fallback name and the real one in RFC 5987
 * form, so "Avtal å.pdf" arrives as itself.
 */
export function attachmentHeader(fileName: string): string {
  const fallback = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
