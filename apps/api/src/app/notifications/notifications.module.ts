import { Module } from '@nestjs/common';

import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { OutboxSender } from './outbox-sender.service';

@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, OutboxSender],
  exports: [NotificationsService, OutboxSender],
})
export class NotificationsModule {}
