import { Injectable } from '@nestjs/common';

import {
  AGREEMENT_EXPORT_COLUMNS,
  type ExportedAgreement,
  type ExportedLicence,
  LICENCE_EXPORT_COLUMNS,
} from '../agreements/agreement-export';
import { AgreementsService } from '../agreements/agreements.service';
import { LicencesService } from '../agreements/licences.service';
import { SERVICE_EXPORT_COLUMNS, SUPPLIER_EXPORT_COLUMNS } from '../catalogue/catalogue-export';
import { ServicesService } from '../catalogue/services.service';
import { SuppliersService } from '../catalogue/suppliers.service';
import { type WorkbookSheet, onePage } from '../common/export/spreadsheet-export';

async function* nothing<T>(): AsyncGenerator<readonly T[]> {
  // A template: headers only.
}

/** The four sheets of the import, as the exports write them. */
@Injectable()
export class WorkbookService {
  constructor(
    private readonly suppliers: SuppliersService,
    private readonly services: ServicesService,
    private readonly agreements: AgreementsService,
    private readonly licences: LicencesService,
  ) {}

  sheets(withRows: boolean): WorkbookSheet<unknown>[] {
    const rows = <T>(pages: () => AsyncIterable<readonly T[]>) => (withRows ? pages : nothing<T>);
    return [
      {
        sheetName: 'Leverantörer',
        columns: SUPPLIER_EXPORT_COLUMNS,
        pages: rows(() => onePage(this.suppliers.exportRows())),
      },
      {
        sheetName: 'Tjänster',
        columns: SERVICE_EXPORT_COLUMNS,
        pages: rows(() => onePage(this.services.exportRows())),
      },
      {
        sheetName: 'Avtal',
        columns: AGREEMENT_EXPORT_COLUMNS,
        pages: rows<ExportedAgreement>(() => this.agreements.exportPages({} as never)),
      },
      {
        sheetName: 'Licenser',
        columns: LICENCE_EXPORT_COLUMNS,
        pages: rows<ExportedLicence>(() => this.licences.exportPages({} as never)),
      },
    ] as WorkbookSheet<unknown>[];
  }
}
