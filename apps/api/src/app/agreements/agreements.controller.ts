import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { Agreement, CostSplit, HistoryEntry, Page } from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { EventLogService } from '../common/event-log.service';
import { UuidParam } from '../common/uuid-param';
import { AgreementsService } from './agreements.service';
import { AgreementListQueryDto, CreateAgreementDto, UpdateAgreementDto } from './dto/agreement.dto';

@ApiTags('agreements')
@Controller('agreements')
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly events: EventLogService,
  ) {}

  @Get()
  list(@Query() query: AgreementListQueryDto): Promise<Page<Agreement>> {
    return this.agreements.list(query);
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
