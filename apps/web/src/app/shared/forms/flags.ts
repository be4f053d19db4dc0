/** The keys that are on, in the order of `keys`: a checkbox group's value as a list. */
export function checked<K extends string>(
  flags: Partial<Record<K, boolean>>,
  keys: readonly K[],
): K[] {
  return keys.filter((key) => flags[key] === true);
}

/** A checkbox group's value from a list: one flag per key, on for those in `on`. */
export function flagsOf<K extends string>(
  keys: readonly K[],
  on: readonly K[] = [],
): Record<K, boolean> {
  return Object.fromEntries(keys.map((key) => [key, on.includes(key)])) as Record<K, boolean>;
}
