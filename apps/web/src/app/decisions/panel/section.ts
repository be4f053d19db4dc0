/** A part of the panel read on its own: one that fails leaves the rest standing. */
export type Section<T> = { kind: 'loading' } | { kind: 'loaded'; value: T } | { kind: 'failed' };
