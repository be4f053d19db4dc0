import { Module } from '@nestjs/common';

import { RecordOfProcessingController } from './record-of-processing.controller';
import { RecordOfProcessingService } from './record-of-processing.service';

@Module({
  controllers: [RecordOfProcessingController],
  providers: [RecordOfProcessingService],
})
export class RecordOfProcessingModule {}
