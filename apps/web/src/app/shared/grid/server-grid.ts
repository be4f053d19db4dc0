import {
  type CellKeyDownEvent,
  type ColDef,
  type FullWidthCellKeyDownEvent,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
} from 'ag-grid-community';

import { GRID_LOCALE_TEXT } from './grid-locale';

// Only the grid modules every server-paged list uses: the infinite row model and Swedish texts.
// Imported by lazy pages only, so the registration (and ag-grid) never reaches the first page.
ModuleRegistry.registerModules([InfiniteRowModelModule, LocaleModule]);

/** Settings every server-paged grid shares: blocks of 100 rows, as the list endpoints expect. */
export const SERVER_GRID = {
  cacheBlockSize: 100,
  localeText: GRID_LOCALE_TEXT,
  defaultColDef: { sortable: false, resizable: true, minWidth: 100 } satisfies ColDef,
} as const;

/**
 * The row's data when Enter is pressed on one of its cells (not on the link inside, which opens
 * the row by itself), so a keyboard user can open a row from any of its cells.
 */
export function rowOpenedByEnter<T>(
  event: CellKeyDownEvent<T> | FullWidthCellKeyDownEvent<T>,
): T | null {
  const keyboard = event.event as KeyboardEvent | null | undefined;
  if (keyboard?.key !== 'Enter' || !event.data) return null;
  const target = keyboard.target as Element | null;
  if (target?.closest('a')) return null;
  return event.data;
}
