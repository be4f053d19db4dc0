import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import { ApiProblems } from '../openapi/api-problems';
import { SERVICE_REVIEW_SCHEMA, type ServiceReviewDto } from '../reviews/dto/review-responses.dto';
import { AdoptReviewDto } from './dto/adopt-review.dto';
import {
  PUBLISHED_REVIEW_SCHEMA,
  PublishedDecisionDto,
  type PublishedReviewDto,
  SharedKnowledgeDto,
} from './dto/sharing-responses.dto';
import { SharingService } from './sharing.service';

/** What municipalities share about a tool: published reviews and decisions, and adoption. */
@ApiTags('sharing')
@Controller()
export class SharingController {
  constructor(private readonly sharing: SharingService) {}

  /** What the registry's municipalities published about the tool of this service. */
  @Get('services/:id/shared')
  shared(@UuidParam('id') id: string): Promise<SharedKnowledgeDto> {
    return this.sharing.forService(id);
  }

  /** Publishes the review for the other municipalities: a copy, with its provenance. */
  @Post('reviews/:id/publish')
  @ApiCreatedResponse({ description: 'The review as published', schema: PUBLISHED_REVIEW_SCHEMA })
  @ApiProblems(409)
  publishReview(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<PublishedReviewDto> {
    return this.sharing.publishReview(actor, id);
  }

  /** Starts the caller's own review of their service from another municipality's published one. */
  @Post('published-reviews/:id/adopt')
  @ApiCreatedResponse({ description: 'The caller’s own review', schema: SERVICE_REVIEW_SCHEMA })
  adopt(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: AdoptReviewDto,
  ): Promise<ServiceReviewDto> {
    return this.sharing.adopt(actor, id, body);
  }

  /** Publishes the municipality's decision on the service: its public text only. */
  @Post('services/:id/decision/publish')
  @ApiProblems(409)
  publishDecision(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<PublishedDecisionDto> {
    return this.sharing.publishDecision(actor, id);
  }
}
