import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { AgGridAngular } from 'ag-grid-angular';
import {
  type CellKeyDownEvent,
  type ColDef,
  type FullWidthCellKeyDownEvent,
  type IDatasource,
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

/**
 * A server-paged grid: ag-grid's infinite row model over a data source from
 * `createServerDataSource`, with the shared settings, and Enter on any cell of a row opening it.
 */
@Component({
  selector: 'lr-server-grid',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AgGridAngular],
  template: `
    <ag-grid-angular
      class="grid"
      rowModelType="infinite"
      [datasource]="dataSource()"
      [columnDefs]="columns()"
      [defaultColDef]="settings.defaultColDef"
      [cacheBlockSize]="settings.cacheBlockSize"
      [localeText]="settings.localeText"
      (cellKeyDown)="openOnEnter($event)"
    />
  `,
  styles: `
    :host {
      display: block;
    }
    .grid {
      display: block;
      width: 100%;
      height: 34rem;
    }
  `,
})
export class ServerGrid<T> {
  readonly dataSource = input.required<IDatasource>();
  readonly columns = input.required<ColDef<T>[]>();
  /** A row the keyboard user opened with Enter. */
  readonly rowOpened = output<T>();

  protected readonly settings = SERVER_GRID;

  protected openOnEnter(event: CellKeyDownEvent<T> | FullWidthCellKeyDownEvent<T>): void {
    const row = rowOpenedByEnter(event);
    if (row) this.rowOpened.emit(row);
  }
}
