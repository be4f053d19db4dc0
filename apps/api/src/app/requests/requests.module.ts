import { Module } from '@nestjs/common';

import { CatalogueModule } from '../catalogue/catalogue.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { RequestMovesService } from './request-moves.service';
import { RequestReader } from './request-reader.service';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';
import { ToolSearchController } from './tool-search.controller';
import { ToolSearchService } from './tool-search.service';

@Module({
  imports: [CatalogueModule, ReviewsModule, NotificationsModule],
  controllers: [RequestsController, ToolSearchController],
  providers: [RequestReader, RequestsService, RequestMovesService, ToolSearchService],
  exports: [RequestReader, RequestMovesService],
})
export class RequestsModule {}
