import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { AgGridAngular } from 'ag-grid-angular';
import {
  type CellKeyDownEvent,
  CellStyleModule,
  type ColDef,
  type FullWidthCellKeyDownEvent,
  type IDatasource,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
} from 'ag-grid-community';

import { SERVER_GRID } from './server-grid-settings';

// The grid modules every server-paged list uses: the infinite row model, Swedish texts and cell
// classes for right-aligned numbers (pinned columns come with the core).
ModuleRegistry.registerModules([InfiniteRowModelModule, LocaleModule, CellStyleModule]);

/**
 * ag-grid itself, alone in its file: `ServerGrid` loads it deferred, so a grid page paints its
 * heading, filters and the grid's reserved space while ag-grid (most of the page's script)
 * still loads. Nothing else may import this file, or ag-grid joins the page's own chunk again.
 */
@Component({
  selector: 'lr-grid-view',
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
      [maintainColumnOrder]="true"
      (cellKeyDown)="cellKeyDown.emit($event)"
    />
  `,
  styles: `
    :host,
    .grid {
      display: block;
      width: 100%;
      height: 100%;
    }
  `,
})
export class GridView<T> {
  readonly dataSource = input.required<IDatasource>();
  readonly columns = input.required<ColDef<T>[]>();
  readonly cellKeyDown = output<CellKeyDownEvent<T> | FullWidthCellKeyDownEvent<T>>();

  protected readonly settings = SERVER_GRID;
}
