import { Module } from '@nestjs/common';

import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';
import { CoverageService } from './coverage.service';
import { LicencesController } from './licences.controller';
import { LicencesService } from './licences.service';

@Module({
  controllers: [AgreementsController, LicencesController],
  providers: [AgreementsService, LicencesService, CoverageService],
  exports: [AgreementsService, LicencesService],
})
export class AgreementsModule {}
