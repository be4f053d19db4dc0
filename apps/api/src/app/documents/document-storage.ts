import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';

import type { S3Config } from '../../config/app-config';

export type StorageName = 'postgres' | 's3';

/** Where an upload's bytes go while it streams in; nothing is kept unless `finish` is reached. */
export interface DocumentSink {
  write(chunk: Buffer): Promise<void>;
  finish(): Promise<void>;
  /** Removes whatever was written; never throws. */
  abort(): Promise<void>;
}

export interface DocumentStorage {
  readonly name: StorageName;
  /** A sink for the document's bytes; PostgreSQL writes them in the upload's transaction. */
  open(manager: EntityManager, documentId: string): DocumentSink;
  read(documentId: string): Promise<Readable>;
}

/** The bytes are streamed in and out in pieces of this size. */
export const CHUNK_BYTES = 512 * 1024;

/**
 * Bytes as `document_chunk` rows of at most CHUNK_BYTES, written in the upload's transaction (a
 * failed upload rolls them back with its row) and read back one row at a time.
 */
export class PostgresDocumentStorage implements DocumentStorage {
  readonly name = 'postgres';

  constructor(private readonly dataSource: DataSource) {}

  open(manager: EntityManager, documentId: string): DocumentSink {
    let seq = 0;
    return {
      write: async (chunk) => {
        await manager.query(
          `INSERT INTO document_chunk (document_id, seq, data) VALUES ($1, $2, $3)`,
          [documentId, seq++, chunk],
        );
      },
      finish: async () => undefined,
      abort: async () => undefined,
    };
  }

  async read(documentId: string): Promise<Readable> {
    const dataSource = this.dataSource;
    async function* chunks() {
      for (let seq = 0; ; seq++) {
        const rows: { data: Buffer }[] = await dataSource.query(
          `SELECT data FROM document_chunk WHERE document_id = $1 AND seq = $2`,
          [documentId, seq],
        );
        if (rows.length === 0) return;
        yield rows[0]?.data as Buffer;
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }
}

/**
 * Bytes as one object per document (`documents/<id>`) in an S3-compatible bucket, sent as a
 * multipart upload of 5 MiB parts while the file streams in; a failed upload is aborted and any
 * object it left is deleted.
 */
export class S3DocumentStorage implements DocumentStorage {
  readonly name = 's3';
  private readonly client: S3Client;

  constructor(private readonly config: S3Config) {
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: true,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    });
  }

  static keyOf(documentId: string): string {
    return `documents/${documentId}`;
  }

  open(_manager: EntityManager, documentId: string): DocumentSink {
    const Key = S3DocumentStorage.keyOf(documentId);
    const body = new PassThrough({ highWaterMark: CHUNK_BYTES });
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.config.bucket, Key, Body: body },
      queueSize: 1,
      leavePartsOnError: false,
    });
    const done = upload.done();
    // A failure surfaces through write or finish; this keeps it from being unhandled meanwhile.
    done.catch(() => undefined);
    return {
      write: async (chunk) => {
        if (!body.write(chunk)) await Promise.race([once(body, 'drain'), done]);
      },
      finish: async () => {
        body.end();
        await done;
      },
      abort: async () => {
        body.destroy();
        await upload.abort().catch(() => undefined);
        await done.catch(() => undefined);
        await this.client
          .send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key }))
          .catch(() => undefined);
      },
    };
  }

  async read(documentId: string): Promise<Readable> {
    const answer = await this.client.send(
      new GetObjectCommand({
        Bucket: this.config.bucket,
        Key: S3DocumentStorage.keyOf(documentId),
      }),
    );
    return answer.Body as Readable;
  }

  /** Whether the document's object exists (for tests that check nothing was left behind). */
  async exists(documentId: string): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({
          Bucket: this.config.bucket,
          Key: S3DocumentStorage.keyOf(documentId),
        }),
      );
      return true;
    } catch {
      return false;
    }
  }

  close(): void {
    this.client.destroy();
  }
}
