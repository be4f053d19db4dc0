import { Module } from '@nestjs/common';

import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReminderScanner } from './reminder-scanner.service';

@Module({
  imports: [NotificationsModule, MunicipalitiesModule],
  providers: [ReminderScanner],
  exports: [ReminderScanner],
})
export class RemindersModule {}
