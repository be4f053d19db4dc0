import type { ColDef } from 'ag-grid-community';

/** Up to this width (px) a screen counts as narrow: a phone, where grids start with few columns. */
export const NARROW_SCREEN_QUERY = '(max-width: 47.99rem)';

/** A column's id: its `colId`, or its field. */
export function columnId<T>(column: ColDef<T>): string {
  return column.colId ?? String(column.field ?? '');
}

/** Where a person's column choice for one grid, on one kind of screen, is remembered. */
export function columnStorageKey(grid: string, narrow: boolean): string {
  return `lr.grid.${grid}.${narrow ? 'narrow' : 'wide'}.hidden`;
}

/** The columns hidden by default: on a narrow screen all but the ones chosen for it. */
export function defaultHidden<T>(
  columns: readonly ColDef<T>[],
  narrow: boolean,
  narrowColumns: readonly string[] | undefined,
): string[] {
  if (!narrow || !narrowColumns) return [];
  return columns.map(columnId).filter((id, index) => index > 0 && !narrowColumns.includes(id));
}

/** The hidden columns remembered for a grid, if the person has chosen any (and they still exist). */
export function rememberedHidden(
  storage: Pick<Storage, 'getItem'> | null,
  key: string,
  ids: readonly string[],
): string[] | null {
  try {
    const text = storage?.getItem(key);
    if (!text) return null;
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return null;
    return parsed.filter((id): id is string => typeof id === 'string' && ids.includes(id));
  } catch {
    return null;
  }
}

/**
 * The columns as the grid gets them: the first (the row's identifying column) pinned to the left
 * so it stays in view, the hidden ones hidden, and the list's sort shown on its column. The sort
 * is an initial one, so a later change of the hidden columns keeps the sort the person chose.
 */
export function gridColumns<T>(
  columns: readonly ColDef<T>[],
  hidden: readonly string[],
  sort: string | null,
): ColDef<T>[] {
  const [sortColumn, direction] = (sort ?? '').split(':');
  return columns.map((column, index) => {
    const { sort: _ignored, ...rest } = column;
    const id = columnId(column);
    const result: ColDef<T> = { ...rest, colId: id, hide: index > 0 && hidden.includes(id) };
    if (index === 0) {
      result.pinned = 'left';
      result.lockPinned = true;
      result.lockVisible = true;
    }
    if (id === sortColumn && (direction === 'asc' || direction === 'desc')) {
      result.initialSort = direction;
    }
    return result;
  });
}
