import { RequestValidationException } from './validation';

/**
 * How deeply a JSON body may nest arrays and objects. The API's deepest body (a review's
 * findings, a request's new tool) nests three levels; past a few thousand the recursive steps
 * after parsing (Nest's prototype-key stripping, class-transformer, class-validator) overflowed
 * the stack, which made a 500 of any such body, signed in or not.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether JSON text (UTF-8) nests arrays and objects deeper than `max`, read byte by byte
 * without parsing: brackets inside strings do not count, an escaped quote does not end one. In
 * UTF-8 these ASCII bytes never occur inside a multi-byte character, and for any text that
 * JSON.parse accepts the count is exact; malformed text is left to the parser to refuse.
 */
export function jsonNestsDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] as number;
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

/** The charset a Content-Type names, lower case; UTF-8 when it names none. */
function charsetOf(contentType: string | undefined): string {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase() ?? 'utf-8';
}

/** A 4xx for a body the API will not read, with Fastify's own errors' shape (`statusCode`). */
function bodyError(statusCode: 400 | 415, message: string): Error {
  return Object.assign(new Error(message), { statusCode });
}

/** The body as UTF-8 bytes: as it came, or decoded from another Unicode encoding (UTF-16). */
function utf8Of(body: Buffer, charset: string): Uint8Array {
  if (charset === 'utf-8' || charset === 'utf8') return body;
  if (!charset.startsWith('utf-'))
    throw bodyError(415, `unsupported charset "${charset.toUpperCase()}"`);
  let text: string;
  try {
    text = new TextDecoder(charset).decode(body);
  } catch {
    throw bodyError(415, `unsupported charset "${charset.toUpperCase()}"`);
  }
  return Buffer.from(text, 'utf8');
}

/** A 400 problem naming the body. */
class BodyTooDeepException extends RequestValidationException {}

/**
 * Refuses a body nested deeper than MAX_JSON_DEPTH before it is parsed, so neither JSON.parse
 * nor anything after it sees the structure. One pass over bytes already in memory (at most the
 * route's body limit), with no allocation for UTF-8.
 */
export function refuseDeepJson(bytes: Uint8Array): void {
  if (jsonNestsDeeperThan(bytes, MAX_JSON_DEPTH)) {
    throw new BodyTooDeepException([
      {
        field: 'body',
        messages: [`body must not nest arrays and objects deeper than ${MAX_JSON_DEPTH} levels`],
      },
    ]);
  }
}

/**
 * The API's JSON body: depth-bounded, then parsed. An empty body is an empty object (the
 * validation names the missing fields); only an object or an array is a body, as before.
 */
export function parseJsonBody(body: Buffer, contentType: string | undefined): unknown {
  const bytes = utf8Of(body, charsetOf(contentType));
  refuseDeepJson(bytes);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.trim() === '') return {};
  if (!/^[\s\uFEFF]*[[{]/.test(text)) throw bodyError(400, 'The body must be a JSON object');
  try {
    return JSON.parse(text);
  } catch {
    throw bodyError(400, 'The body is not valid JSON');
  }
}

/** The largest JSON body read, in bytes; CSV imports travel as JSON, and a few hundred units fit well within this. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** The body limit of POST /api/imports: a file of IMPORT_MAX_FILE_BYTES, base64-encoded, and more. */
export const IMPORT_BODY_LIMIT = 6 * 1024 * 1024;
