import type { S3Client } from '@aws-sdk/client-s3';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';

import type { S3Config } from '../../config/app-config';
import { CHUNK_BYTES, type DocumentSink, type DocumentStorage } from './document-storage';

type S3Sdk = typeof import('@aws-sdk/client-s3');
type Upload = (typeof import('@aws-sdk/lib-storage'))['Upload'];

/**
 * Bytes as one object per document (`documents/<id>`) in an S3-compatible bucket, sent as a
 * multipart upload of 5 MiB parts while the file streams in; a failed upload is aborted and any
 * object it left is deleted.
 */
export class S3DocumentStorage implements DocumentStorage {
  readonly name = 's3';
  private readonly client: S3Client;

  /** The AWS SDK is loaded only where S3 is configured: it is 20 MB of a server's memory. */
  static async create(config: S3Config): Promise<S3DocumentStorage> {
    const [sdk, { Upload }] = await Promise.all([
      import('@aws-sdk/client-s3'),
      import('@aws-sdk/lib-storage'),
    ]);
    return new S3DocumentStorage(config, sdk, Upload);
  }

  private constructor(
    private readonly config: S3Config,
    private readonly sdk: S3Sdk,
    private readonly Upload: Upload,
  ) {
    this.client = new sdk.S3Client({
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
    const upload = new this.Upload({
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
          .send(new this.sdk.DeleteObjectCommand({ Bucket: this.config.bucket, Key }))
          .catch(() => undefined);
      },
    };
  }

  async read(documentId: string): Promise<Readable> {
    const answer = await this.client.send(
      new this.sdk.GetObjectCommand({
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
        new this.sdk.HeadObjectCommand({
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
