import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import {
  SERVICE_REVIEW_SCHEMA,
  type ServiceReviewDto,
  ServiceReviewsDto,
} from './dto/review-responses.dto';
import { CreateReviewDto, ReportServiceChangeDto } from './dto/review.dto';
import { ReviewsService } from './reviews.service';

@ApiTags('reviews')
@Controller('services/:id')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  /** The current review of each kind, every review made, and what blocks an approval. */
  @Get('reviews')
  list(@UuidParam('id') id: string): Promise<ServiceReviewsDto> {
    return this.reviews.forService(id);
  }

  /** A review of the service, of the kind the caller's role makes. */
  @Post('reviews')
  @ApiCreatedResponse({ description: 'The review as recorded', schema: SERVICE_REVIEW_SCHEMA })
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: CreateReviewDto,
  ): Promise<ServiceReviewDto> {
    return this.reviews.create(actor, id, body);
  }

  /** A new version, migration or sub-processor: the service's reviews are due again. */
  @Post('changes')
  reportChange(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: ReportServiceChangeDto,
  ): Promise<ServiceReviewsDto> {
    return this.reviews.reportChange(actor, id, body);
  }
}
