import type {
  DocumentFileType,
  DocumentKind,
  DocumentList,
  DocumentOwnerType,
  StoredDocument,
} from '@licensregistret/domain';

import { ApiDateTime, ApiUuid } from '../../openapi/formats';

export class StoredDocumentDto implements StoredDocument {
  @ApiUuid()
  id!: string;
  ownerType!: DocumentOwnerType;
  @ApiUuid()
  ownerId!: string;
  kind!: DocumentKind;
  /** The name it was uploaded with (no folders or control characters). */
  fileName!: string;
  /** Sniffed from the bytes. */
  fileType!: DocumentFileType;
  /** Sent as Content-Type on download. */
  mediaType!: string;
  sizeBytes!: number;
  /** Hex SHA-256 of the bytes. */
  sha256!: string;
  @ApiDateTime()
  uploadedAt!: string;
  uploadedByName!: string | null;
  /** Whether the caller may remove it. */
  mayRemove!: boolean;
}

export class DocumentListDto implements DocumentList {
  documents!: StoredDocumentDto[];
  /** Whether the caller may add documents to the record. */
  mayUpload!: boolean;
}
