import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { CatalogueEntry, DigitalService, HistoryEntry, Page } from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { EventLogService } from '../common/event-log.service';
import { UuidParam } from '../common/uuid-param';
import {
  CatalogueQueryDto,
  CreateServiceDto,
  ServiceListQueryDto,
  UpdateServiceDto,
} from './dto/service.dto';
import { ServicesService } from './services.service';

@ApiTags('catalogue')
@Controller()
export class ServicesController {
  constructor(
    private readonly services: ServicesService,
    private readonly events: EventLogService,
  ) {}

  @Get('services')
  list(@Query() query: ServiceListQueryDto): Promise<Page<DigitalService>> {
    return this.services.list(query);
  }

  @Get('services/:id')
  get(@UuidParam('id') id: string): Promise<DigitalService> {
    return this.services.get(id);
  }

  @Get('services/:id/history')
  async history(@UuidParam('id') id: string): Promise<HistoryEntry[]> {
    await this.services.get(id);
    return this.events.history('service', id);
  }

  @Post('services')
  create(@CurrentActor() actor: Actor, @Body() body: CreateServiceDto): Promise<DigitalService> {
    return this.services.create(actor, body);
  }

  @Patch('services/:id')
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateServiceDto,
  ): Promise<DigitalService> {
    return this.services.update(actor, id, body);
  }

  /** Approved services for schools, with the units that already have each. */
  @Get('catalogue')
  catalogue(
    @CurrentActor() actor: Actor,
    @Query() query: CatalogueQueryDto,
  ): Promise<Page<CatalogueEntry>> {
    return this.services.catalogue(actor, query);
  }
}
