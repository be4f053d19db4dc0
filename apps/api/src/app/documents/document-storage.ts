import { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';

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
