import { ChangeDetectionStrategy, Component } from '@angular/core';
import { AgGridAngular } from 'ag-grid-angular';
import {
  ClientSideRowModelModule,
  type ColDef,
  LocaleModule,
  ModuleRegistry,
  RowAutoHeightModule,
  TextFilterModule,
} from 'ag-grid-community';

import {
  MUNICIPALITY_WIDE_SERVICES,
  type MunicipalityWideService,
  SCHOOL_FORM_LABELS,
} from '@licensregistret/domain';

import { GRID_LOCALE_TEXT } from '../shared/grid/grid-locale';

// Only the grid modules this page uses; the whole community bundle would break the 1 MB budget.
// LocaleModule is what makes ag-grid read `localeText`; without it the texts stay English.
ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  LocaleModule,
  RowAutoHeightModule,
  TextFilterModule,
]);

@Component({
  selector: 'lr-catalogue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AgGridAngular],
  template: `
    <h1>Katalog</h1>
    <p class="lead">
      De här tjänsterna har kommungemensam licens. Din skola behöver inte teckna egna avtal för dem.
    </p>
    <section aria-labelledby="licences-heading">
      <h2 id="licences-heading">Kommungemensamma licenser</h2>
      <ag-grid-angular
        class="grid"
        [rowData]="services"
        [columnDefs]="columns"
        [defaultColDef]="defaultColumn"
        [localeText]="localeText"
        domLayout="autoHeight"
      />
    </section>
  `,
  styles: `
    .grid {
      width: 100%;
    }
  `,
})
export class CataloguePage {
  protected readonly services = [...MUNICIPALITY_WIDE_SERVICES];

  protected readonly defaultColumn: ColDef<MunicipalityWideService> = {
    sortable: true,
    resizable: true,
    wrapText: true,
    autoHeight: true,
  };

  protected readonly columns: ColDef<MunicipalityWideService>[] = [
    { field: 'name', headerName: 'Tjänst', filter: 'agTextColumnFilter', minWidth: 160 },
    { field: 'supplier', headerName: 'Leverantör', minWidth: 180 },
    {
      field: 'schoolForms',
      headerName: 'Skolformer',
      valueFormatter: ({ value }) =>
        (value as MunicipalityWideService['schoolForms'])
          .map((form) => SCHOOL_FORM_LABELS[form])
          .join(', '),
      minWidth: 200,
    },
    { field: 'description', headerName: 'Innehåll', flex: 1, minWidth: 280 },
  ];

  protected readonly localeText = GRID_LOCALE_TEXT;
}
