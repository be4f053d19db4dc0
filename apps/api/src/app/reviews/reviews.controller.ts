import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { ServiceReview, ServiceReviews } from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import { CreateReviewDto, ReportServiceChangeDto } from './dto/review.dto';
import { ReviewsService } from './reviews.service';

@ApiTags('reviews')
@Controller('services/:id')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  /** The current review of each kind, every review made, and what blocks an approval. */
  @Get('reviews')
  list(@UuidParam('id') id: string): Promise<ServiceReviews> {
    return this.reviews.forService(id);
  }

  @Post('reviews')
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: CreateReviewDto,
  ): Promise<ServiceReview> {
    return this.reviews.create(actor, id, body);
  }

  /** A new version, migration or sub-processor: the service's reviews are due again. */
  @Post('changes')
  reportChange(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: ReportServiceChangeDto,
  ): Promise<ServiceReviews> {
    return this.reviews.reportChange(actor, id, body);
  }
}
