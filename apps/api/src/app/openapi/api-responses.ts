import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiResponse,
} from '@nestjs/swagger';

import { EXPORT_FORMATS } from '../common/export/export-format';
import { problemResponse } from './api-problems';
import { ProblemDto } from './problem.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE = { schema: { type: 'string', format: 'binary' } } as const;

/**
 * A list exported as a file: an Excel workbook or a CSV file, as `format` asks; a few run at a
 * time per instance, beyond that a 429.
 */
export const ApiSpreadsheetResponse = (): MethodDecorator =>
  applyDecorators(
    ApiProduces(XLSX, 'text/csv'),
    ApiOkResponse({
      description: `The file, ${EXPORT_FORMATS.join(' or ')} (\`format\`), as an attachment`,
      content: { [XLSX]: FILE, 'text/csv': FILE },
    }),
    ApiExtraModels(ProblemDto),
    ApiResponse({
      status: 429,
      ...problemResponse(
        429,
        'Too many exports running: try again after the seconds in Retry-After.',
      ),
    }),
  );

/** An Excel workbook of several sheets, as an attachment; a few run at a time, beyond that a 429. */
export const ApiWorkbookResponse = (description: string): MethodDecorator =>
  applyDecorators(
    ApiProduces(XLSX),
    ApiOkResponse({ description, content: { [XLSX]: FILE } }),
    ApiExtraModels(ProblemDto),
    ApiResponse({
      status: 429,
      ...problemResponse(
        429,
        'Too many exports running: try again after the seconds in Retry-After.',
      ),
    }),
  );

/** A redirect of the browser, as single sign-on does. */
export const ApiRedirectResponse = (description: string): MethodDecorator =>
  ApiFoundResponse({
    description,
    headers: {
      Location: { description: 'Where the browser goes next', schema: { type: 'string' } },
    },
  });
