import { Module } from '@nestjs/common';

import { ServicesController } from './services.controller';
import { ServicesService } from './services.service';
import { SuppliersController } from './suppliers.controller';
import { SuppliersService } from './suppliers.service';

@Module({
  controllers: [SuppliersController, ServicesController],
  providers: [SuppliersService, ServicesService],
  exports: [ServicesService, SuppliersService],
})
export class CatalogueModule {}
