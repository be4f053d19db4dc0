import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { ExportFormatDto } from '../common/export/export-format';
import { onePage, sendSpreadsheet } from '../common/export/spreadsheet-export';
import { takeRawResponse } from '../common/raw-response';
import { ApiSpreadsheetResponse } from '../openapi/api-responses';
import { RecordOfProcessingDto } from './dto/record-of-processing.dto';
import { PROCESSING_RECORD_COLUMNS } from './record-of-processing-export';
import { RecordOfProcessingService } from './record-of-processing.service';

/** Registerförteckning: the municipality's record of processing for its school services. */
@ApiTags('record-of-processing')
@Controller('record-of-processing')
export class RecordOfProcessingController {
  constructor(private readonly records: RecordOfProcessingService) {}

  /** The record of processing as of today. */
  @Get()
  read(): Promise<RecordOfProcessingDto> {
    return this.records.read();
  }

  /** The record of processing as an Excel workbook or a CSV file. */
  @Get('export')
  @ApiSpreadsheetResponse()
  async export(@Query() query: ExportFormatDto, @Res() reply: FastifyReply): Promise<void> {
    const record = this.records.read();
    return sendSpreadsheet(takeRawResponse(reply), {
      format: query.format,
      fileName: `registerforteckning-${(await record).readOn}`,
      sheetName: 'Registerförteckning',
      columns: PROCESSING_RECORD_COLUMNS,
      pages: onePage(record.then(({ entries }) => entries)),
    });
  }
}
