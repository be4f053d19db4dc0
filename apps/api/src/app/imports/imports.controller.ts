import { Body, Controller, Get, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ClockService } from '../common/clock.service';
import { sendWorkbook } from '../common/export/spreadsheet-export';
import { takeRawResponse } from '../common/raw-response';
import { ApiWorkbookResponse } from '../openapi/api-responses';
import { ImportReportDto } from './dto/import-responses.dto';
import { ImportDto } from './dto/import.dto';
import { ImportService } from './import.service';
import { WorkbookService } from './workbook.service';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly importer: ImportService,
    private readonly workbook: WorkbookService,
    private readonly clock: ClockService,
  ) {}

  /**
   * Checks (dryRun) or imports suppliers, services, agreements and licences from an .xlsx
   * workbook or CSV files, under the exports' headers. A file with any problem imports nothing:
   * 400 whose `report` lists them.
   */
  @Post()
  @HttpCode(HttpStatus.OK)
  import(@CurrentActor() actor: Actor, @Body() body: ImportDto): Promise<ImportReportDto> {
    return this.importer.import(actor, body);
  }

  /** The empty workbook to fill in: the four sheets with their headers. */
  @Get('template')
  @ApiWorkbookResponse('The empty workbook: four sheets of headers')
  template(@Res() reply: FastifyReply): Promise<void> {
    return sendWorkbook(takeRawResponse(reply), 'importmall-avtal', this.workbook.sheets(false));
  }

  /** Every supplier, service, agreement and licence, in the workbook the import reads. */
  @Get('workbook')
  @ApiWorkbookResponse('Every supplier, service, agreement and licence, one sheet each')
  export(@Res() reply: FastifyReply): Promise<void> {
    return sendWorkbook(
      takeRawResponse(reply),
      `avtal-och-licenser-${this.clock.today()}`,
      this.workbook.sheets(true),
    );
  }
}
