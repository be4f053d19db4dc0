import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';

import { AppException } from '../common/app-exception';

/** The one file part of an upload, as it streams in. */
export interface FilePart {
  fileName: string;
  stream: Readable;
}

/** What a multipart upload held: its text fields, and what the file part's handler returned. */
export interface Upload<T> {
  fields: Record<string, string>;
  file: T | null;
}

/** Room for the multipart framing and fields around the file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export function brokenUpload(): AppException {
  return AppException.invalid('file', 'The upload was broken off before the whole file arrived.');
}

/**
 * Reads a `multipart/form-data` body straight from the Node request stream (no framework body
 * parser, so it works the same behind Express or Fastify's `request.raw`): text fields are kept,
 * the one part named `file` goes to `onFile` as a stream, which is paused while `onFile` is busy
 * (so the file is never held whole in memory). Settles only after `onFile` has settled, so the
 * caller can clean up what `onFile` wrote. On a refusal (or a client that breaks off) the rest of
 * the body is read and dropped, up to a limit, so the client gets the answer.
 */
export function readMultipart<T>(
  request: IncomingMessage,
  options: { maxFileBytes: number },
  onFile: (part: FilePart, fields: Readonly<Record<string, string>>) => Promise<T>,
): Promise<Upload<T>> {
  return new Promise<Upload<T>>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        defParamCharset: 'utf8',
        limits: {
          files: 1,
          fields: 8,
          fieldSize: 1024,
          parts: 10,
          // One byte over the limit, so that the handler sees it is too large.
          fileSize: options.maxFileBytes + 1,
        },
      });
    } catch {
      reject(AppException.invalid('file', 'Send the document as multipart/form-data.'));
      return;
    }

    const fields: Record<string, string> = {};
    let filePromise: Promise<T> | null = null;
    let fileStream: Readable | null = null;
    let failure: unknown = null;

    const settle = () => {
      const outcome = filePromise ?? Promise.resolve(null);
      outcome.then(
        (file) => (failure ? reject(failure) : resolve({ fields, file })),
        (error: unknown) => reject(failure ?? error),
      );
    };

    const fail = (error: unknown) => {
      if (failure) return;
      failure = error;
      request.unpipe(parser);
      fileStream?.destroy(error instanceof Error ? error : new Error(String(error)));
      drain(request, options.maxFileBytes + MULTIPART_OVERHEAD_BYTES);
      settle();
    };

    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        fail(AppException.invalid(name, `Send the document in the field "file", not "${name}".`));
        return;
      }
      fileStream = stream;
      // A refusal destroys the stream with its reason; the handler may not be reading it yet.
      stream.on('error', () => undefined);
      filePromise = onFile({ fileName: info.filename ?? '', stream }, fields);
      filePromise.catch(fail);
    });
    parser.on('filesLimit', () =>
      fail(AppException.invalid('file', 'Send one document per upload.')),
    );
    parser.on('partsLimit', () => fail(AppException.invalid('file', 'Too many parts.')));
    parser.on('fieldsLimit', () => fail(AppException.invalid('kind', 'Too many fields.')));
    parser.on('error', () => fail(brokenUpload()));
    parser.on('close', () => {
      if (!failure) settle();
    });
    request.on('close', () => {
      if (!request.complete) fail(brokenUpload());
    });
    request.on('error', () => fail(brokenUpload()));
    request.pipe(parser);
  });
}

/** Reads and drops what is left of a refused body, then closes the socket if it goes on. */
function drain(request: IncomingMessage, limit: number): void {
  let dropped = 0;
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > limit) request.socket.destroy();
  });
  request.resume();
}
