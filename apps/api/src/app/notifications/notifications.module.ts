import { Module } from '@nestjs/common';

import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { HandOffsService } from './hand-offs.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { OutboxSender } from './outbox-sender.service';

@Module({
  imports: [MunicipalitiesModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, HandOffsService, OutboxSender],
  exports: [NotificationsService, HandOffsService, OutboxSender],
})
export class NotificationsModule {}
