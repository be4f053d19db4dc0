import { ValidateBy, type ValidationOptions } from 'class-validator';

import { isIsoDate } from '@licensregistret/domain';

/**
 * Keyset paging: a page that follows another starts after the other's last row (`after`, a
 * cursor naming that row's sort value and id) instead of skipping `offset` rows, which the
 * database must read, join and throw away one by one. The comparison is written from the same
 * description of the order as the ORDER BY, so the two cannot disagree (keyset.e2e-spec.ts
 * checks every sort of both lists against OFFSET on PostgreSQL).
 */

/** The SQL type of a sort value, which says how it is written in a cursor and read back. */
export type KeyKind = 'int' | 'numeric' | 'text' | 'date' | 'timestamp';

/** A sort column of a list: its SQL expression, its value's kind, and whether it may be NULL. */
export interface SortKey {
  expression: string;
  kind: KeyKind;
  nullable: boolean;
}

/** The kind of each sort column's value, for the cursor's check. */
export function sortKindsOf<C extends string>(sorts: Record<C, SortKey>): Record<C, KeyKind> {
  return Object.fromEntries(
    Object.entries<SortKey>(sorts).map(([column, sort]) => [column, sort.kind]),
  ) as Record<C, KeyKind>;
}

/** A list's order: its sort expression, then the row's id in the same direction. */
export interface KeysetOrder {
  /** The sort's SQL expression, e.g. `r.submitted_at`. */
  expression: string;
  kind: KeyKind;
  direction: 'ASC' | 'DESC';
  /** Where NULLs come, as the ORDER BY says it. */
  nulls: 'FIRST' | 'LAST';
  /** False where the expression cannot be NULL in the list as filtered. */
  nullable: boolean;
  /** The row's id, the tie-breaker, e.g. `r.id`. */
  id: string;
}

/** The cursor's content: the sort it was made in, the last row's sort value (as text) and id. */
export interface Cursor {
  sort: string;
  key: string | null;
  id: string;
}

export function orderByOf(order: KeysetOrder): string {
  return `${order.expression} ${order.direction} NULLS ${order.nulls}, ${order.id} ${order.direction}`;
}

/**
 * The sort value as text, as the cursor carries it: the same text for the same value whatever
 * the session's time zone or date style, and read back exactly (timestamps to the microsecond,
 * which a JavaScript Date would round to the millisecond).
 */
export function keyTextOf(order: Pick<KeysetOrder, 'expression' | 'kind'>): string {
  switch (order.kind) {
    case 'timestamp':
      return `to_char(${order.expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
    case 'date':
      return `to_char(${order.expression}, 'YYYY-MM-DD')`;
    default:
      return `(${order.expression})::text`;
  }
}

const SQL_TYPES: Record<KeyKind, string> = {
  int: 'int',
  numeric: 'numeric',
  text: 'text',
  date: 'date',
  timestamp: 'timestamptz',
};

/**
 * The rows after the cursor's row in the order: a condition with its parameters numbered from
 * `param`. A row comparison `(sort, id) > (key, id)` where NULLs cannot come after, which an
 * index on (sort, id) answers as a range.
 */
export function afterCondition(
  order: KeysetOrder,
  cursor: Cursor,
  param: (value: unknown) => string,
): string {
  const { expression, id, direction, nulls } = order;
  const beyond = direction === 'ASC' ? '>' : '<';
  const idParam = `${param(cursor.id)}::uuid`;
  if (cursor.key === null) {
    const amongNulls = `(${expression} IS NULL AND ${id} ${beyond} ${idParam})`;
    return nulls === 'FIRST' ? `(${amongNulls} OR ${expression} IS NOT NULL)` : amongNulls;
  }
  const key = `${param(cursor.key)}::${SQL_TYPES[order.kind]}`;
  const after = `(${expression}, ${id}) ${beyond} (${key}, ${idParam})`;
  return nulls === 'LAST' && order.nullable ? `(${after} OR ${expression} IS NULL)` : after;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString('base64url');
}

const BASE64URL = /^[A-Za-z0-9_-]{1,2000}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;

/** Whether `text` is a sort value of this kind as keyTextOf writes it (so that SQL reads it). */
function isKey(kind: KeyKind, text: string): boolean {
  switch (kind) {
    case 'int':
      return /^-?\d{1,10}$/.test(text) && Math.abs(Number(text)) <= 2_147_483_647;
    case 'numeric':
      return /^-?\d{1,20}(\.\d{1,20})?$/.test(text);
    case 'date':
      return isIsoDate(text);
    case 'timestamp': {
      const match = TIMESTAMP.exec(text);
      return (
        match !== null &&
        isIsoDate(match[1]) &&
        Number(match[2]) < 24 &&
        Number(match[3]) < 60 &&
        Number(match[4]) < 60
      );
    }
    case 'text':
      return text.length <= 1000 && !text.includes('\u0000');
  }
}

/**
 * The cursor in `after`, if it is one that this list made in this sort (`kinds` names each sort
 * column's kind); null otherwise.
 */
export function decodeCursor(
  text: unknown,
  sort: string,
  kinds: Readonly<Record<string, KeyKind>>,
): Cursor | null {
  if (typeof text !== 'string' || !BASE64URL.test(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 3) return null;
  const [cursorSort, key, id] = value as unknown[];
  if (cursorSort !== sort || typeof id !== 'string' || !UUID.test(id)) return null;
  const kind = kinds[sort.split(':')[0]];
  if (!kind) return null;
  if (key !== null && (typeof key !== 'string' || !isKey(kind, key))) return null;
  return { sort, key, id };
}

/** The cursor in `after`, which validation (IsCursor) has let through. */
export function cursorOf(
  text: string,
  sort: string,
  kinds: Readonly<Record<string, KeyKind>>,
): Cursor {
  const cursor = decodeCursor(text, sort, kinds);
  if (!cursor) throw new Error('`after` is not a cursor of this list in this sort');
  return cursor;
}

/**
 * `after` must be a cursor this list gave (its `nextCursor`) in the sort asked for now
 * (`sort`, or `defaultSort` without one): otherwise 400 naming `after`.
 */
export function IsCursor(
  kinds: Readonly<Record<string, KeyKind>>,
  defaultSort: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCursor',
      validator: {
        validate: (value, args) => {
          const sort = (args?.object as { sort?: unknown }).sort;
          return decodeCursor(value, typeof sort === 'string' ? sort : defaultSort, kinds) !== null;
        },
        defaultMessage: (args) =>
          `${args?.property} must be the nextCursor of a page of this list, in the same sort`,
      },
    },
    options,
  );
}

/** What a page's raw rows carry for its cursor: the sort value as text and the id. */
export interface KeyedRow {
  id: string;
  sort_key: string | null;
}

/**
 * The cursor after a page's last row, or null when the page is the list's last (fewer rows than
 * asked for).
 */
export function nextCursorOf(
  rows: readonly KeyedRow[],
  limit: number,
  sort: string,
): string | null {
  const last = rows[rows.length - 1];
  if (rows.length < limit || !last) return null;
  return encodeCursor({ sort, key: last.sort_key, id: last.id });
}
