import { Module } from '@nestjs/common';

import { SchoolUnitImportService } from './school-unit-import.service';
import { SchoolUnitsController } from './school-units.controller';
import { SchoolUnitsService } from './school-units.service';

@Module({
  controllers: [SchoolUnitsController],
  providers: [SchoolUnitsService, SchoolUnitImportService],
})
export class OrganisationModule {}
