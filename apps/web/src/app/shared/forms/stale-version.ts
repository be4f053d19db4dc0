import { PROBLEM_TYPES } from '@licensregistret/domain';

import { problemOf } from './form-errors';

/** The record as it is now, carried by a 409 stale-version problem; null for any other error. */
export function staleCurrent<T>(error: unknown): T | null {
  const problem = problemOf(error) as { type?: string; current?: unknown } | null;
  return problem?.type === PROBLEM_TYPES.STALE_VERSION &&
    problem.current !== null &&
    typeof problem.current === 'object'
    ? (problem.current as T)
    : null;
}

/** One field someone else changed while the form was open. */
export interface StaleChange {
  field: string;
  label: string;
  /** As it was when the form was opened. */
  before: string;
  /** As it is now. */
  now: string;
}

/** A value as the stale-version table shows it. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'Inget angivet';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (Array.isArray(value)) return value.length === 0 ? 'Inga' : value.map(displayValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Field by field (in the order of `labels`), what changed between the version read and the
 * current one, each value as `show` words it (default: `displayValue` of the field).
 */
export function changesSince<T extends object>(
  read: T,
  current: T,
  labels: Readonly<Record<string, string>>,
  show: (field: string, record: T) => string = (field, record) =>
    displayValue((record as Record<string, unknown>)[field]),
): StaleChange[] {
  return Object.entries(labels).flatMap(([field, label]) => {
    const before = (read as Record<string, unknown>)[field];
    const now = (current as Record<string, unknown>)[field];
    return JSON.stringify(before) === JSON.stringify(now)
      ? []
      : [{ field, label, before: show(field, read), now: show(field, current) }];
  });
}

/**
 * Redoing an edit on the current version: the form's values of the current version, with every
 * value the person changed (from what they read) laid on top. Where both changed a field, the
 * person's value wins: they see the other value in the table and may take it.
 */
export function redoOnCurrent<V extends object>(read: V, current: V, mine: V): V {
  const result = { ...current } as Record<string, unknown>;
  const readValues = read as Record<string, unknown>;
  for (const [key, value] of Object.entries(mine)) {
    if (JSON.stringify(value) !== JSON.stringify(readValues[key])) result[key] = value;
  }
  return result as V;
}
