import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ClockService } from '../common/clock.service';
import { EventLogService } from '../common/event-log.service';
import { sendSpreadsheet } from '../common/export/spreadsheet-export';
import { HistoryEntryDto } from '../common/history-entry.dto';
import { takeRawResponse } from '../common/raw-response';
import { UuidParam } from '../common/uuid-param';
import { ApiProblems } from '../openapi/api-problems';
import { ApiSpreadsheetResponse } from '../openapi/api-responses';
import { AGREEMENT_EXPORT_COLUMNS } from './agreement-export';
import { AgreementsService } from './agreements.service';
import { AgreementActionDto } from './dto/agreement-action.dto';
import { AgreementDto, AgreementPageDto, CostSplitDto } from './dto/agreement-responses.dto';
import {
  AgreementExportQueryDto,
  AgreementListQueryDto,
  CreateAgreementDto,
  UpdateAgreementDto,
} from './dto/agreement.dto';

@ApiTags('agreements')
@Controller('agreements')
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly events: EventLogService,
    private readonly clock: ClockService,
  ) {}

  /** Agreements, filtered and sorted, a page at a time. */
  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query() query: AgreementListQueryDto,
  ): Promise<AgreementPageDto> {
    return this.agreements.list(query, actor);
  }

  /** The list as filtered and sorted in the grid, as an Excel workbook or a CSV file. */
  @Get('export')
  @ApiSpreadsheetResponse()
  export(@Query() query: AgreementExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    return sendSpreadsheet(takeRawResponse(reply), {
      format: query.format,
      fileName: `avtal-${this.clock.today()}`,
      sheetName: 'Avtal',
      columns: AGREEMENT_EXPORT_COLUMNS,
      pages: this.agreements.exportPages(query),
    });
  }

  /** One agreement, with its status and deadlines today and the actions the caller may take. */
  @Get(':id')
  get(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AgreementDto> {
    return this.agreements.get(id, actor);
  }

  /** Every change to the agreement, oldest first. */
  @Get(':id/history')
  async history(@UuidParam('id') id: string): Promise<HistoryEntryDto[]> {
    await this.agreements.get(id);
    return this.events.history('agreement', id);
  }

  /** The annual cost split over the units the agreement's licences reach. */
  @Get(':id/cost-split')
  costSplit(@UuidParam('id') id: string): Promise<CostSplitDto> {
    return this.agreements.costSplit(id);
  }

  /** A new agreement. */
  @Post()
  @ApiProblems(409)
  create(@CurrentActor() actor: Actor, @Body() body: CreateAgreementDto): Promise<AgreementDto> {
    return this.agreements.create(actor, body);
  }

  /** Changes an agreement against the version read. */
  @Patch(':id')
  @ApiProblems(409)
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateAgreementDto,
  ): Promise<AgreementDto> {
    return this.agreements.update(actor, id, body);
  }

  /**
   * A lifecycle action (give notice, use or decline an extension, register the following
   * agreement, end early) against the version read: 409 naming why when the agreement's state
   * or dates refuse it, 409 STALE_VERSION with the current agreement when it changed.
   */
  @Post(':id/actions')
  @HttpCode(200)
  @ApiProblems(409)
  act(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: AgreementActionDto,
  ): Promise<AgreementDto> {
    return this.agreements.act(actor, id, body);
  }
}
