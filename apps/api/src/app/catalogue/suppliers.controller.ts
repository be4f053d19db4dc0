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
import { SUPPLIER_EXPORT_COLUMNS } from './catalogue-export';
import { SupplierDto, SupplierPageDto } from './dto/catalogue-responses.dto';
import { CreateSupplierDto, SupplierListQueryDto, UpdateSupplierDto } from './dto/supplier.dto';
import { SuppliersService } from './suppliers.service';

@ApiTags('catalogue')
@Controller('suppliers')
export class SuppliersController {
  constructor(
    private readonly suppliers: SuppliersService,
    private readonly events: EventLogService,
    private readonly clock: ClockService,
  ) {}

  /** Suppliers, filtered and sorted, a page at a time. */
  @Get()
  list(@Query() query: SupplierListQueryDto): Promise<SupplierPageDto> {
    return this.suppliers.list(query);
  }

  /** Every supplier, as an Excel workbook or a CSV file. */
  @Get('export')
  @ApiSpreadsheetResponse()
  export(@Query() query: ExportFormatDto, @Res() reply: FastifyReply): Promise<void> {
    return sendSpreadsheet(takeRawResponse(reply), {
      format: query.format,
      fileName: `leverantorer-${this.clock.today()}`,
      sheetName: 'Leverantörer',
      columns: SUPPLIER_EXPORT_COLUMNS,
      pages: onePage(this.suppliers.exportRows()),
    });
  }

  /** One supplier. */
  @Get(':id')
  get(@UuidParam('id') id: string): Promise<SupplierDto> {
    return this.suppliers.get(id);
  }

  /** Every change to the supplier, oldest first. */
  @Get(':id/history')
  async history(@UuidParam('id') id: string): Promise<HistoryEntryDto[]> {
    await this.suppliers.get(id);
    return this.events.history('supplier', id);
  }

  /** A new supplier; name and organisation number must be free. */
  @Post()
  @ApiProblems(409)
  create(@CurrentActor() actor: Actor, @Body() body: CreateSupplierDto): Promise<SupplierDto> {
    return this.suppliers.create(actor, body);
  }

  /** Changes a supplier against the version read. */
  @Patch(':id')
  @ApiProblems(409)
  update(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Body() body: UpdateSupplierDto,
  ): Promise<SupplierDto> {
    return this.suppliers.update(actor, id, body);
  }
}
