import { ChangeDetectionStrategy, Component } from '@angular/core';
import { AgGridAngular } from 'ag-grid-angular';
import {
  type ColDef,
  ClientSideRowModelModule,
  ModuleRegistry,
  RowAutoHeightModule,
  TextFilterModule,
} from 'ag-grid-community';

import {
  MUNICIPALITY_WIDE_SERVICES,
  type MunicipalityWideService,
  SCHOOL_FORM_LABELS,
} from '@licensregistret/domain';

// Only the grid modules this page uses; the whole community bundle would break the 1 MB budget.
ModuleRegistry.registerModules([ClientSideRowModelModule, RowAutoHeightModule, TextFilterModule]);

@Component({
  selector: 'lr-catalogue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AgGridAngular],
  template: `
    <h1>Katalog</h1>
    <p class="lead">
      De här tjänsterna har kommungemensam licens. Din skola behöver inte teckna egna avtal för
      dem.
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

  protected readonly localeText = {
    noRowsToShow: 'Inga rader att visa',
    filterOoo: 'Filtrera …',
    contains: 'Innehåller',
    notContains: 'Innehåller inte',
    equals: 'Är lika med',
    notEqual: 'Är inte lika med',
    startsWith: 'Börjar med',
    endsWith: 'Slutar med',
    blank: 'Tom',
    notBlank: 'Inte tom',
    andCondition: 'Och',
    orCondition: 'Eller',
    ariaFilterInput: 'Filtervärde',
    ariaSortableColumn: 'Tryck Enter för att sortera',
    ariaMenuColumn: 'Tryck Alt+nedåtpil för att öppna kolumnmenyn',
    ariaFilterColumn: 'Tryck Ctrl+Enter för att öppna filtret',
  };
}
