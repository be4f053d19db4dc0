import { Body, Controller, Get, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import type {
  CoverageMatrix,
  HistoryEntry,
  Licence,
  Page,
  UnitServiceLicence,
  UnitWithoutService,
} from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ClockService } from '../common/clock.service';
import { EventLogService } from '../common/event-log.service';
import { sendSpreadsheet } from '../common/export/spreadsheet-export';
import { UuidParam } from '../common/uuid-param';
import { LICENCE_EXPORT_COLUMNS } from './agreement-export';
import { CoverageService } from './coverage.service';
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

  @Get('licences')
  list(@Query() query: LicenceListQueryDto): Promise<Page<Licence>> {
    return this.licences.list(query);
  }

  /** The list as filtered, as an Excel workbook or a CSV file. */
  @Get('licences/export')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  export(@Query() query: LicenceExportQueryDto, @Res() response: Response): Promise<void> {
    return sendSpreadsheet(response, {
      format: query.format,
      fileName: `licenser-${this.clock.today()}`,
      sheetName: 'Licenser',
      columns: LICENCE_EXPORT_COLUMNS,
      pages: this.licences.exportPages(query),
    });
  }

  @Get('licences/:id')
  get(@UuidParam('id') id: string): Promise<Licence> {
    return this.licences.get(id);
  }

  @Get('licences/:id/history')
  async history(@UuidParam('id') id: string): Promise<HistoryEntry[]> {
    await this.licences.get(id);
    return this.events.history('licence', id);
  }

  @Post('licences')
  create(@CurrentActor() actor: Actor, @Body() body: CreateLicenceDto): Promise<Licence> {
    return this.licences.create(actor, body);
  }

  @Patch('licences/:id')
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateLicenceDto,
  ): Promise<Licence> {
    return this.licences.update(actor, id, body);
  }

  /** The services a unit has today, under which agreement, until when. */
  @Get('school-units/:id/licences')
  servicesOfUnit(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<UnitServiceLicence[]> {
    return this.coverage.servicesOfUnit(actor, id);
  }

  /** The units a service does not reach today. */
  @Get('services/:id/units-without-licence')
  unitsWithoutService(@UuidParam('id') id: string): Promise<UnitWithoutService[]> {
    return this.coverage.unitsWithoutService(id);
  }

  /** Units × municipality-wide services. */
  @Get('coverage')
  matrix(): Promise<CoverageMatrix> {
    return this.coverage.matrix();
  }
}
