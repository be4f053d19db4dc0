import { Global, Module } from '@nestjs/common';

import { ClockService } from './clock.service';
import { EventLogService } from './event-log.service';

@Global()
@Module({
  providers: [ClockService, EventLogService],
  exports: [ClockService, EventLogService],
})
export class CommonModule {}
