import type { Role } from './roles';

/** What a document is to the record it belongs to. */
export const DOCUMENT_KINDS = [
  'SIGNED_AGREEMENT',
  'DATA_PROCESSING_AGREEMENT',
  'DATA_PROCESSING_ANNEX',
  'DPIA',
  'CALL_OFF_NOTICE',
  'OTHER',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  SIGNED_AGREEMENT: 'Undertecknat avtal',
  DATA_PROCESSING_AGREEMENT: 'Personuppgiftsbiträdesavtal',
  DATA_PROCESSING_ANNEX: 'Bilaga till personuppgiftsbiträdesavtal',
  DPIA: 'Konsekvensbedömning (DPIA)',
  CALL_OFF_NOTICE: 'Avropsförfrågan',
  OTHER: 'Övrigt',
};

/** The file types a document may be, told apart by their bytes (never by the name). */
export const DOCUMENT_FILE_TYPES = ['PDF', 'DOCX', 'XLSX', 'ODT'] as const;
export type DocumentFileType = (typeof DOCUMENT_FILE_TYPES)[number];

export const DOCUMENT_MEDIA_TYPES: Record<DocumentFileType, string> = {
  PDF: 'application/pdf',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ODT: 'application/vnd.oasis.opendocument.text',
};

/** What the file input offers; the API still sniffs the bytes. */
export const DOCUMENT_ACCEPT =
  '.pdf,.docx,.xlsx,.odt,' + Object.values(DOCUMENT_MEDIA_TYPES).join(',');

/** The largest document accepted: 20 MiB. */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

/** The records documents belong to. */
export const DOCUMENT_OWNER_TYPES = ['agreement', 'service', 'review'] as const;
export type DocumentOwnerType = (typeof DOCUMENT_OWNER_TYPES)[number];

/**
 * Who may add or remove a record's documents: its writers (the access policy's write roles of
 * agreements and services). A review's documents are its reviewer's: the role of its kind
 * (REVIEW_ROLE), checked by the API against the review.
 */
export const DOCUMENT_WRITERS: Record<Exclude<DocumentOwnerType, 'review'>, readonly Role[]> = {
  agreement: ['PROCUREMENT', 'OBJECT_MANAGER'],
  service: ['OBJECT_SPECIALIST', 'OBJECT_MANAGER'],
};
export const REVIEW_DOCUMENT_WRITERS: readonly Role[] = [
  'DATA_PROTECTION',
  'INFORMATION_SECURITY',
  'PROCUREMENT',
];

/** A stored document, as listed on its record. */
export interface StoredDocument {
  id: string;
  ownerType: DocumentOwnerType;
  ownerId: string;
  kind: DocumentKind;
  /** The name it was uploaded with (path parts and control characters removed). */
  fileName: string;
  fileType: DocumentFileType;
  /** The media type sent on download, from the sniffed file type. */
  mediaType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the bytes, to compare a copy with. */
  sha256: string;
  uploadedAt: string;
  uploadedByName: string | null;
  /** Whether the caller may remove it. */
  mayRemove: boolean;
}

/** A record's documents and whether the caller may add more. */
export interface DocumentList {
  documents: StoredDocument[];
  mayUpload: boolean;
}
