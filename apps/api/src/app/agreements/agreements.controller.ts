import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import type { Agreement, CostSplit, HistoryEntry, Page } from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ClockService } from '../common/clock.service';
import { EventLogService } from '../common/event-log.service';
import { sendSpreadsheet } from '../common/export/spreadsheet-export';
import { UuidParam } from '../common/uuid-param';
import { AGREEMENT_EXPORT_COLUMNS } from './agreement-export';
import { AgreementsService } from './agreements.service';
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

  @Get()
  list(@Query() query: AgreementListQueryDto): Promise<Page<Agreement>> {
    return this.agreements.list(query);
  }

  /** The list as filtered and sorted in the grid, as an Excel workbook or a CSV file. */
  @Get('export')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  export(@Query() query: AgreementExportQueryDto, @Res() response: Response): Promise<void> {
    return sendSpreadsheet(response, {
      format: query.format,
      fileName: `avtal-${this.clock.today()}`,
      sheetName: 'Avtal',
      columns: AGREEMENT_EXPORT_COLUMNS,
      pages: this.agreements.exportPages(query),
    });
  }

  @Get(':id')
  get(@UuidParam('id') id: string): Promise<Agreement> {
    return this.agreements.get(id);
  }

  @Get(':id/history')
  async history(@UuidParam('id') id: string): Promise<HistoryEntry[]> {
    await this.agreements.get(id);
    return this.events.history('agreement', id);
  }

  @Get(':id/cost-split')
  costSplit(@UuidParam('id') id: string): Promise<CostSplit> {
    return this.agreements.costSplit(id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateAgreementDto): Promise<Agreement> {
    return this.agreements.create(actor, body);
  }

  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateAgreementDto,
  ): Promise<Agreement> {
    return this.agreements.update(actor, id, body);
  }
}
