import { Module } from '@nestjs/common';

import { CatalogueModule } from '../catalogue/catalogue.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { RequestMovesService } from './request-moves.service';
import { RequestReader } from './request-reader.service';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  imports: [CatalogueModule, ReviewsModule, NotificationsModule],
  controllers: [RequestsController],
  providers: [RequestReader, RequestsService, RequestMovesService],
})
export class RequestsModule {}
