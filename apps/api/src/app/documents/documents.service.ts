import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';

import {
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MEDIA_TYPES,
  DOCUMENT_WRITERS,
  type DocumentFileType,
  type DocumentKind,
  type DocumentList,
  type DocumentOwnerType,
  REVIEW_ROLE,
  type ReviewKind,
  type StoredDocument,
} from '@licensregistret/domain';

import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.provider';
import type { Actor } from '../auth/actor';
import { AppException } from '../common/app-exception';
import { EventLogService, type SubjectType } from '../common/event-log.service';
import {
  type DocumentRow,
  OWNER_COLUMN,
  SELECT_DOCUMENT,
  attachmentHeader,
  cleanFileName,
  ownerOf,
  toDocument,
} from './document-rows';
import { DocumentSniffer } from './document-sniffer';
import {
  CHUNK_BYTES,
  type DocumentSink,
  type DocumentStorage,
  PostgresDocumentStorage,
  type StorageName,
} from './document-storage';
import { MULTIPART_OVERHEAD_BYTES, readMultipart } from './multipart-upload';
import { S3DocumentStorage } from './s3-document-storage';

/**
 * Uploads hold a pooled connection (their transaction) while the file streams in: at most this
 * many run at once per instance, so slow uploads cannot take the pool from everything else.
 */
export const MAX_CONCURRENT_UPLOADS = 3;

/** A record documents belong to, and where its history is kept. */
interface Owner {
  type: DocumentOwnerType;
  id: string;
  /** The history the uploads and removals go to: a review's are its service's. */
  subject: { type: SubjectType; id: string };
  /** Who may add and remove its documents. */
  writers: readonly string[];
  reviewKind?: ReviewKind;
}

interface ReceivedFile {
  fileName: string;
  fileType: DocumentFileType | null;
  sizeBytes: number;
  sha256: string;
}

/** A stored document's bytes and what to send them with. */
export interface DocumentDownload {
  stream: Readable;
  headers: Record<string, string>;
}

/** `closeConnection` when the body is refused unread (its length said it was too large). */
const tooLarge = (closeConnection = false) =>
  new AppException('TOO_LARGE', `The file is larger than ${DOCUMENT_MAX_BYTES} bytes (20 MB).`, {
    errors: [{ field: 'file', messages: ['file must be at most 20 MB'] }],
    ...(closeConnection ? { headers: { Connection: 'close' } } : {}),
  });

const unsupportedType = () =>
  new AppException('UNSUPPORTED_TYPE', 'The file is not a PDF, DOCX, XLSX or ODT document.', {
    errors: [
      {
        field: 'file',
        messages: ['file must be a PDF, DOCX, XLSX or ODT document (judged by its content)'],
      },
    ],
  });

/**
 * Documents of agreements, services and reviews: streamed in (never held whole in memory),
 * their type sniffed from the bytes, stored in PostgreSQL or S3, each upload and removal in the
 * record's history. A failed upload leaves nothing: no row, no chunk, no object.
 */
@Injectable()
export class DocumentsService implements OnModuleInit, OnModuleDestroy {
  private readonly postgres: PostgresDocumentStorage;
  private s3: S3DocumentStorage | null = null;
  private uploadsRunning = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventLogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.postgres = new PostgresDocumentStorage(dataSource);
  }

  async onModuleInit(): Promise<void> {
    if (this.config.s3) this.s3 = await S3DocumentStorage.create(this.config.s3);
  }

  onModuleDestroy(): void {
    this.s3?.close();
  }

  /** Where new uploads go. */
  get storage(): DocumentStorage {
    return this.s3 ?? this.postgres;
  }

  async list(actor: Actor, type: DocumentOwnerType, id: string): Promise<DocumentList> {
    const owner = await this.owner(type, id);
    const rows: DocumentRow[] = await this.dataSource.query(
      `${SELECT_DOCUMENT}
        WHERE d.${OWNER_COLUMN[type]} = $1 AND d.removed_at IS NULL
        ORDER BY d.uploaded_at, d.id`,
      [id],
    );
    const mayWrite = this.mayWrite(actor, owner);
    return { documents: rows.map((row) => toDocument(row, mayWrite)), mayUpload: mayWrite };
  }

  async upload(
    actor: Actor,
    type: DocumentOwnerType,
    id: string,
    request: IncomingMessage,
  ): Promise<StoredDocument> {
    const owner = await this.owner(type, id);
    this.requireWriter(actor, owner);
    const length = Number(request.headers['content-length']);
    if (length > DOCUMENT_MAX_BYTES + MULTIPART_OVERHEAD_BYTES) {
      throw tooLarge(true);
    }
    if (this.uploadsRunning >= MAX_CONCURRENT_UPLOADS) {
      throw new AppException(
        'RATE_LIMITED',
        `${MAX_CONCURRENT_UPLOADS} uploads are running on this server; try again in a few seconds.`,
        { headers: { 'Retry-After': '5', Connection: 'close' } },
      );
    }
    this.uploadsRunning += 1;
    const documentId = randomUUID();
    const storage = this.storage;
    let sink: DocumentSink | null = null;
    try {
      await this.dataSource.transaction(async (manager) => {
        const { fields, file } = await readMultipart(
          request,
          { maxFileBytes: DOCUMENT_MAX_BYTES },
          async (part, fieldsSoFar) => {
            refuseUnknownFields(fieldsSoFar);
            if (fieldsSoFar['kind'] !== undefined) kindOf(fieldsSoFar['kind']);
            sink = storage.open(manager, documentId);
            return receive(part.fileName, part.stream, sink);
          },
        );
        refuseUnknownFields(fields);
        if (!file) throw AppException.invalid('file', 'file is required: choose a document');
        if (file.sizeBytes === 0) throw AppException.invalid('file', 'file is empty');
        if (!file.fileType) throw unsupportedType();
        const kind = kindOf(fields['kind']);
        await (sink as DocumentSink | null)?.finish();
        await manager.query(
          `INSERT INTO document (id, ${OWNER_COLUMN[type]}, kind, file_name, file_type, size_bytes,
             sha256, storage, uploaded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            documentId,
            id,
            kind,
            file.fileName,
            file.fileType,
            file.sizeBytes,
            file.sha256,
            storage.name,
            actor.id,
          ],
        );
        await this.events.record(manager, {
          actorId: actor.id,
          subjectType: owner.subject.type,
          subjectId: owner.subject.id,
          kind: 'document-added',
          changes: {
            document: { old: null, new: historyValue(documentId, owner, kind, file) },
          },
        });
      });
    } catch (error) {
      await (sink as DocumentSink | null)?.abort();
      throw error;
    } finally {
      this.uploadsRunning -= 1;
    }
    return this.get(actor, documentId);
  }

  async get(actor: Actor, documentId: string): Promise<StoredDocument> {
    const row = await this.row(this.dataSource.manager, documentId);
    const owner = ownerOf(row);
    return toDocument(row, this.mayWrite(actor, await this.owner(owner.type, owner.id)));
  }

  /** The bytes, with headers that make a browser save them rather than show or guess them. */
  async download(documentId: string): Promise<DocumentDownload> {
    const row = await this.row(this.dataSource.manager, documentId);
    const storage = this.storageOf(row.storage);
    return {
      stream: await storage.read(row.id),
      headers: {
        'Content-Type': DOCUMENT_MEDIA_TYPES[row.file_type],
        'Content-Length': String(row.size_bytes),
        'Content-Disposition': attachmentHeader(row.file_name),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      },
    };
  }

  /**
   * Takes a document off its record. The row and the bytes stay (a public record is not
   * deleted); the removal is in the record's history.
   */
  async remove(actor: Actor, documentId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.row(manager, documentId, true);
      const { type, id } = ownerOf(row);
      const owner = await this.owner(type, id);
      this.requireWriter(actor, owner);
      await manager.query(
        `UPDATE document SET removed_by = $2, removed_at = clock_timestamp() WHERE id = $1`,
        [documentId, actor.id],
      );
      await this.events.record(manager, {
        actorId: actor.id,
        subjectType: owner.subject.type,
        subjectId: owner.subject.id,
        kind: 'document-removed',
        changes: {
          document: {
            old: historyValue(row.id, owner, row.kind, {
              fileName: row.file_name,
              fileType: row.file_type,
              sizeBytes: row.size_bytes,
              sha256: row.sha256,
            }),
            new: null,
          },
        },
      });
    });
  }

  private storageOf(name: StorageName): DocumentStorage {
    if (name === 'postgres') return this.postgres;
    if (!this.s3) {
      throw new AppException(
        'CONFLICT',
        'The document is kept in S3 storage, which this server is not configured for.',
      );
    }
    return this.s3;
  }

  private async row(
    manager: EntityManager,
    documentId: string,
    forUpdate = false,
  ): Promise<DocumentRow> {
    const rows: DocumentRow[] = await manager.query(
      `${SELECT_DOCUMENT} WHERE d.id = $1 AND d.removed_at IS NULL${forUpdate ? ' FOR UPDATE OF d' : ''}`,
      [documentId],
    );
    const row = rows[0];
    if (!row) throw AppException.notFound('Document');
    return row;
  }

  private async owner(type: DocumentOwnerType, id: string): Promise<Owner> {
    if (type === 'review') {
      const rows: { service_id: string; kind: ReviewKind }[] = await this.dataSource.query(
        `SELECT service_id, kind FROM service_review WHERE id = $1`,
        [id],
      );
      const review = rows[0];
      if (!review) throw AppException.notFound('Review');
      return {
        type,
        id,
        subject: { type: 'service', id: review.service_id },
        writers: [REVIEW_ROLE[review.kind]],
        reviewKind: review.kind,
      };
    }
    const table = type === 'agreement' ? 'agreement' : 'digital_service';
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM ${table} WHERE id = $1`, [
      id,
    ]);
    if (rows.length === 0)
      throw AppException.notFound(type === 'agreement' ? 'Agreement' : 'Service');
    return { type, id, subject: { type, id }, writers: DOCUMENT_WRITERS[type] };
  }

  private mayWrite(actor: Actor, owner: Owner): boolean {
    return actor.roles.some((role) => owner.writers.includes(role));
  }

  private requireWriter(actor: Actor, owner: Owner): void {
    if (!this.mayWrite(actor, owner)) {
      throw new AppException(
        'FORBIDDEN',
        owner.type === 'review'
          ? 'Only the reviewer role of this review may add or remove its documents.'
          : `Your roles may not add or remove documents of this ${owner.type}.`,
      );
    }
  }
}

/** An upload has `kind` and `file` only: anything else (an owner, a hash, a type) is refused. */
function refuseUnknownFields(fields: Readonly<Record<string, string>>): void {
  const unknown = Object.keys(fields).filter((name) => name !== 'kind');
  if (unknown.length > 0) {
    throw new AppException('INVALID', `Invalid fields: ${unknown.join(', ')}`, {
      errors: unknown.map((field) => ({ field, messages: [`${field} should not exist`] })),
    });
  }
}

function kindOf(value: string | undefined): DocumentKind {
  if (value === undefined || value === '') {
    throw AppException.invalid('kind', 'kind is required: what the document is');
  }
  if (!(DOCUMENT_KINDS as readonly string[]).includes(value)) {
    throw AppException.invalid('kind', `kind must be one of ${DOCUMENT_KINDS.join(', ')}`);
  }
  return value as DocumentKind;
}

/** Streams the file part to the sink in CHUNK_BYTES pieces, sniffing, hashing and counting. */
async function receive(
  fileName: string,
  stream: Readable,
  sink: DocumentSink,
): Promise<ReceivedFile> {
  const sniffer = new DocumentSniffer();
  const hash = createHash('sha256');
  let sizeBytes = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const chunk = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    await sink.write(chunk);
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    sizeBytes += chunk.length;
    if (sizeBytes > DOCUMENT_MAX_BYTES) throw tooLarge();
    sniffer.push(chunk);
    if (sniffer.refused) throw unsupportedType();
    hash.update(chunk);
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  await flush();
  return {
    fileName: cleanFileName(fileName),
    fileType: sniffer.result(),
    sizeBytes,
    sha256: hash.digest('hex'),
  };
}

function historyValue(
  documentId: string,
  owner: Owner,
  kind: DocumentKind,
  file: Pick<ReceivedFile, 'fileName' | 'fileType' | 'sizeBytes' | 'sha256'>,
) {
  return {
    id: documentId,
    kind,
    kindLabel: DOCUMENT_KIND_LABELS[kind],
    fileName: file.fileName,
    fileType: file.fileType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    ...(owner.type === 'review' ? { reviewId: owner.id, reviewKind: owner.reviewKind } : {}),
  };
}
