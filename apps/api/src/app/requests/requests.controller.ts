import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type {
  DemandGroup,
  Page,
  RequestDetail,
  RequestEvent,
  RequestSummary,
} from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { UuidParam } from '../common/uuid-param';
import { CommentDto, MoveDto } from './dto/move.dto';
import { RequestListQueryDto } from './dto/request-list-query.dto';
import { CreateRequestDto, UpdateRequestDto } from './dto/request.dto';
import { RequestMovesService } from './request-moves.service';
import { RequestsService } from './requests.service';

@ApiTags('requests')
@Controller('requests')
export class RequestsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly moves: RequestMovesService,
  ) {}

  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query() query: RequestListQueryDto,
  ): Promise<Page<RequestSummary>> {
    return this.requests.list(actor, query);
  }

  /** Open requests grouped by tool: how many units and pupils ask for the same thing. */
  @Get('demand')
  demand(): Promise<DemandGroup[]> {
    return this.requests.demand();
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RequestDetail> {
    return this.requests.get(actor, id);
  }

  @Get(':id/events')
  events(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RequestEvent[]> {
    return this.requests.history(actor, id);
  }

  /** A draft; the school submits it with the SUBMIT move. */
  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateRequestDto): Promise<RequestDetail> {
    return this.requests.create(actor, body);
  }

  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateRequestDto,
  ): Promise<RequestDetail> {
    return this.requests.update(actor, id, body);
  }

  /** One move of the routine, against the version the caller saw (409 when it is stale). */
  @Post(':id/moves')
  @HttpCode(200)
  move(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: MoveDto,
  ): Promise<RequestDetail> {
    return this.moves.move(actor, id, body);
  }

  @Post(':id/comments')
  comment(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: CommentDto,
  ): Promise<RequestEvent> {
    return this.requests.comment(actor, id, body.text);
  }
}
