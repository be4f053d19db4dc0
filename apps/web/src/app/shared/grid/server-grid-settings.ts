import type { ColDef } from 'ag-grid-community';

import { GRID_LOCALE_TEXT } from './grid-locale';

/** Settings every server-paged grid shares: blocks of 100 rows, as the list endpoints expect. */
export const SERVER_GRID = {
  cacheBlockSize: 100,
  localeText: GRID_LOCALE_TEXT,
  defaultColDef: {
    sortable: false,
    resizable: true,
    minWidth: 100,
    // Long headers take two lines rather than widening their column.
    wrapHeaderText: true,
    autoHeaderHeight: true,
  } satisfies ColDef,
} as const;
