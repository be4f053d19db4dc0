import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ClockService } from '../common/clock.service';
import { sendSpreadsheet } from '../common/export/spreadsheet-export';
import { takeRawResponse } from '../common/raw-response';
import { UuidParam } from '../common/uuid-param';
import { ApiProblems } from '../openapi/api-problems';
import { ApiSpreadsheetResponse } from '../openapi/api-responses';
import { CommentDto, MoveDto } from './dto/move.dto';
import { RequestExportQueryDto, RequestListQueryDto } from './dto/request-list-query.dto';
import {
  DemandGroupDto,
  RequestDetailDto,
  RequestEventDto,
  RequestPageDto,
} from './dto/request-responses.dto';
import { CreateRequestDto, JoinRequestDto, UpdateRequestDto } from './dto/request.dto';
import { REQUEST_EXPORT_COLUMNS } from './request-export';
import { RequestMovesService } from './request-moves.service';
import { RequestsService } from './requests.service';

@ApiTags('requests')
@Controller('requests')
export class RequestsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly moves: RequestMovesService,
    private readonly clock: ClockService,
  ) {}

  /** Requests the caller may see, filtered and sorted, a page at a time: the queue. */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: RequestListQueryDto): Promise<RequestPageDto> {
    return this.requests.list(actor, query);
  }

  /** The list as filtered and sorted, with the same visibility, as Excel or CSV. */
  @Get('export')
  @ApiSpreadsheetResponse()
  export(
    @CurrentActor() actor: Actor,
    @Query() query: RequestExportQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return sendSpreadsheet(takeRawResponse(reply), {
      format: query.format,
      fileName: `begaranden-${this.clock.today()}`,
      sheetName: 'Begäranden',
      columns: REQUEST_EXPORT_COLUMNS,
      pages: this.requests.exportPages(actor, query),
    });
  }

  /** Open requests grouped by tool: how many units and pupils ask for the same thing. */
  @Get('demand')
  demand(): Promise<DemandGroupDto[]> {
    return this.requests.demand();
  }

  /** A request in full, with the moves the caller may make now. */
  @Get(':id')
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RequestDetailDto> {
    return this.requests.get(actor, id);
  }

  /** The request's history, oldest first. */
  @Get(':id/events')
  events(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<RequestEventDto[]> {
    return this.requests.history(actor, id);
  }

  /** A draft; the school submits it with the SUBMIT move. */
  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateRequestDto): Promise<RequestDetailDto> {
    return this.requests.create(actor, body);
  }

  /** The school edits its request against the version read, while the state allows it. */
  @Patch(':id')
  @ApiProblems(409)
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateRequestDto,
  ): Promise<RequestDetailDto> {
    return this.requests.update(actor, id, body);
  }

  /** One move of the routine, against the version the caller saw (409 when it is stale). */
  @Post(':id/moves')
  @HttpCode(200)
  @ApiProblems(409)
  move(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: MoveDto,
  ): Promise<RequestDetailDto> {
    return this.moves.move(actor, id, body);
  }

  /**
   * "Anslut min enhet": the caller's unit joins this open request of another unit for the same
   * tool, with its own pupils and need, and is told of the decision.
   */
  @Post(':id/join')
  @HttpCode(200)
  @ApiProblems(409)
  join(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: JoinRequestDto,
  ): Promise<RequestDetailDto> {
    return this.requests.join(actor, id, body);
  }

  /** A comment in the request's history. */
  @Post(':id/comments')
  comment(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: CommentDto,
  ): Promise<RequestEventDto> {
    return this.requests.comment(actor, id, body.text);
  }
}
