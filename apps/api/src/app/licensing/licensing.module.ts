import { Module } from '@nestjs/common';

import { AgreementsModule } from '../agreements/agreements.module';
import { RequestsModule } from '../requests/requests.module';
import { LicensingController } from './licensing.controller';
import { LicensingService } from './licensing.service';

@Module({
  imports: [AgreementsModule, RequestsModule],
  controllers: [LicensingController],
  providers: [LicensingService],
})
export class LicensingModule {}
