import { Module } from '@nestjs/common';

import { ReviewsModule } from '../reviews/reviews.module';
import { SharingController } from './sharing.controller';
import { SharingService } from './sharing.service';

@Module({
  imports: [ReviewsModule],
  controllers: [SharingController],
  providers: [SharingService],
})
export class SharingModule {}
