import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
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
import { LICENCE_EXPORT_COLUMNS } from './agreement-export';
import { CoverageService } from './coverage.service';
import {
  CoverageMatrixDto,
  LicenceDto,
  LicencePageDto,
  UnitServiceLicenceDto,
  UnitWithoutServiceDto,
} from './dto/licence-responses.dto';
import {
  CreateLicenceDto,
  LicenceExportQueryDto,
  LicenceListQueryDto,
  UpdateLicenceDto,
} from './dto/licence.dto';
import { LicencesService } from './licences.service';

@ApiTags('licences')
@Controller()
export class LicencesController {
  constructor(
    private readonly licences: LicencesService,
    private readonly coverage: CoverageService,
    private readonly events: EventLogService,
    private readonly clock: ClockService,
  ) {}

  /** Licences, filtered, a page at a time. */
  @Get('licences')
  list(@Query() query: LicenceListQueryDto): Promise<LicencePageDto> {
    return this.licences.list(query);
  }

  /** The list as filtered, as an Excel workbook or a CSV file. */
  @Get('licences/export')
  @ApiSpreadsheetResponse()
  export(@Query() query: LicenceExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    return sendSpreadsheet(takeRawResponse(reply), {
      format: query.format,
      fileName: `licenser-${this.clock.today()}`,
      sheetName: 'Licenser',
      columns: LICENCE_EXPORT_COLUMNS,
      pages: this.licences.exportPages(query),
    });
  }

  /** One licence. */
  @Get('licences/:id')
  get(@UuidParam('id') id: string): Promise<LicenceDto> {
    return this.licences.get(id);
  }

  /** Every change to the licence, oldest first. */
  @Get('licences/:id/history')
  async history(@UuidParam('id') id: string): Promise<HistoryEntryDto[]> {
    await this.licences.get(id);
    return this.events.history('licence', id);
  }

  /** A new licence under an agreement. */
  @Post('licences')
  @ApiProblems(409)
  create(@CurrentActor() actor: Actor, @Body() body: CreateLicenceDto): Promise<LicenceDto> {
    return this.licences.create(actor, body);
  }

  /** Changes a licence against the version read. */
  @Patch('licences/:id')
  @ApiProblems(409)
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateLicenceDto,
  ): Promise<LicenceDto> {
    return this.licences.update(actor, id, body);
  }

  /** The services a unit has today, under which agreement, until when. */
  @Get('school-units/:id/licences')
  servicesOfUnit(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<UnitServiceLicenceDto[]> {
    return this.coverage.servicesOfUnit(actor, id);
  }

  /** The units a service does not reach today. */
  @Get('services/:id/units-without-licence')
  unitsWithoutService(@UuidParam('id') id: string): Promise<UnitWithoutServiceDto[]> {
    return this.coverage.unitsWithoutService(id);
  }

  /** Units × municipality-wide services. */
  @Get('coverage')
  matrix(): Promise<CoverageMatrixDto> {
    return this.coverage.matrix();
  }
}
