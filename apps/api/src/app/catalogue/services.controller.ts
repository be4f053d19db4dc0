import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ClockService } from '../common/clock.service';
import { EventLogService } from '../common/event-log.service';
import { ExportFormatDto } from '../common/export/export-format';
import { onePage, sendSpreadsheet } from '../common/export/spreadsheet-export';
import { HistoryEntryDto } from '../common/history-entry.dto';
import { takeRawResponse } from '../common/raw-response';
import { UuidParam } from '../common/uuid-param';
import { ApiProblems } from '../openapi/api-problems';
import { ApiSpreadsheetResponse } from '../openapi/api-responses';
import { SERVICE_EXPORT_COLUMNS } from './catalogue-export';
import {
  CatalogueEntryPageDto,
  DigitalServiceDto,
  DigitalServicePageDto,
} from './dto/catalogue-responses.dto';
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
    private readonly clock: ClockService,
  ) {}

  /** Digital services, filtered and sorted, a page at a time. */
  @Get('services')
  list(@Query() query: ServiceListQueryDto): Promise<DigitalServicePageDto> {
    return this.services.list(query);
  }

  /** Every service with its supplier's organisation number, as an Excel workbook or a CSV file. */
  @Get('services/export')
  @ApiSpreadsheetResponse()
  export(@Query() query: ExportFormatDto, @Res() reply: FastifyReply): Promise<void> {
    return sendSpreadsheet(takeRawResponse(reply), {
      format: query.format,
      fileName: `tjanster-${this.clock.today()}`,
      sheetName: 'Tjänster',
      columns: SERVICE_EXPORT_COLUMNS,
      pages: onePage(this.services.exportRows()),
    });
  }

  /** One digital service. */
  @Get('services/:id')
  get(@UuidParam('id') id: string): Promise<DigitalServiceDto> {
    return this.services.get(id);
  }

  /** Every change to the service, oldest first. */
  @Get('services/:id/history')
  async history(@UuidParam('id') id: string): Promise<HistoryEntryDto[]> {
    await this.services.get(id);
    return this.events.history('service', id);
  }

  /** A new digital service in the catalogue. */
  @Post('services')
  @ApiProblems(409)
  create(@CurrentActor() actor: Actor, @Body() body: CreateServiceDto): Promise<DigitalServiceDto> {
    return this.services.create(actor, body);
  }

  /** Changes a service against the version read. */
  @Patch('services/:id')
  @ApiProblems(409)
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateServiceDto,
  ): Promise<DigitalServiceDto> {
    return this.services.update(actor, id, body);
  }

  /** Approved services for schools, with the units that already have each. */
  @Get('catalogue')
  catalogue(
    @CurrentActor() actor: Actor,
    @Query() query: CatalogueQueryDto,
  ): Promise<CatalogueEntryPageDto> {
    return this.services.catalogue(actor, query);
  }
}
