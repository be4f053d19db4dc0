import { Module } from '@nestjs/common';

import { AgreementsModule } from '../agreements/agreements.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ImportService } from './import.service';
import { ImportsController } from './imports.controller';
import { WorkbookService } from './workbook.service';

/** Bringing suppliers, services, agreements and licences in from a workbook; its template. */
@Module({
  imports: [CatalogueModule, AgreementsModule],
  controllers: [ImportsController],
  providers: [ImportService, WorkbookService],
})
export class ImportsModule {}
