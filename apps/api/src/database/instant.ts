import { types } from 'pg';

/** A timestamptz as a row holds it: a Date, or PostgreSQL's text on the hot reads (pg-pool.ts). */
export type Instant = Date | string;

const parseTimestamptz = types.getTypeParser(1184, 'text') as (text: string) => Date;

/**
 * The instant as the API answers it, `toISOString()`'s form (milliseconds, truncated, UTC).
 * PostgreSQL's text in UTC ('2026-12-04 17:41:49.212864+00') is rewritten as text; any other
 * form (another session time zone, a year past 9999) goes through pg's own parser, as before.
 */
export function isoInstant(value: Instant): string {
  if (typeof value !== 'string') return value.toISOString();
  const length = value.length;
  if (
    length >= 22 &&
    value.charCodeAt(4) === 45 /* - */ &&
    value.charCodeAt(10) === 32 /* space */ &&
    value.endsWith('+00')
  ) {
    const fraction = value.charCodeAt(19) === 46 /* . */ ? value.slice(20, length - 3) : '';
    return `${value.slice(0, 10)}T${value.slice(11, 19)}.${(fraction + '000').slice(0, 3)}Z`;
  }
  return parseTimestamptz(value).toISOString();
}
