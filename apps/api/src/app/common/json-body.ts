import express, { type RequestHandler } from 'express';
import type { IncomingMessage } from 'node:http';

import { RequestValidationException } from './validation';

/** The largest JSON body read; CSV imports travel as JSON, and a few hundred units fit well within this. */
export const JSON_BODY_LIMIT = '1mb';

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

/** The body as UTF-8 bytes: as it came, or decoded from UTF-16 (body-parser allows any `utf-`). */
function utf8Of(body: Buffer, encoding: string): Uint8Array {
  if (encoding === 'utf-8' || encoding === 'utf8') return body;
  let text: string;
  try {
    text = new TextDecoder(encoding).decode(body);
  } catch {
    throw Object.assign(new Error(`unsupported charset "${encoding.toUpperCase()}"`), {
      status: 415,
      type: 'charset.unsupported',
    });
  }
  return Buffer.from(text, 'utf8');
}

/** A 400 problem naming the body, thrown from body-parser's `verify` (its default would be 403). */
class BodyTooDeepException extends RequestValidationException {
  readonly status = 400;
}

/**
 * body-parser's `verify` hook: refuses a body nested deeper than MAX_JSON_DEPTH before it is
 * parsed, so neither JSON.parse nor anything after it sees the structure. One pass over bytes
 * already in memory (at most JSON_BODY_LIMIT), with no allocation for UTF-8.
 */
export function refuseDeepJson(
  _request: IncomingMessage,
  _response: unknown,
  body: Buffer,
  encoding: string,
): void {
  if (jsonNestsDeeperThan(utf8Of(body, encoding), MAX_JSON_DEPTH)) {
    throw new BodyTooDeepException([
      {
        field: 'body',
        messages: [`body must not nest arrays and objects deeper than ${MAX_JSON_DEPTH} levels`],
      },
    ]);
  }
}

/** The JSON body parser of the app: size limit and depth bound. */
export function jsonBodyParser(): RequestHandler {
  return express.json({ limit: JSON_BODY_LIMIT, verify: refuseDeepJson });
}

/** The body limit of POST /api/imports: a file of IMPORT_MAX_FILE_BYTES, base64-encoded, and more. */
export const IMPORT_BODY_LIMIT = '6mb';

/** The JSON body parser of the import route, which carries its files base64-encoded. */
export function importBodyParser(): RequestHandler {
  return express.json({ limit: IMPORT_BODY_LIMIT, verify: refuseDeepJson });
}
