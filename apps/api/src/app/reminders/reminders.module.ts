import { Module } from '@nestjs/common';

import { NotificationsModule } from '../notifications/notifications.module';
import { ReminderScanner } from './reminder-scanner.service';

@Module({
  imports: [NotificationsModule],
  providers: [ReminderScanner],
  exports: [ReminderScanner],
})
export class RemindersModule {}
