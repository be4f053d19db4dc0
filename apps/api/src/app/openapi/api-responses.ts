import { applyDecorators } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiProduces } from '@nestjs/swagger';

import { EXPORT_FORMATS } from '../common/export/export-format';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE = { schema: { type: 'string', format: 'binary' } } as const;

/** A list exported as a file: an Excel workbook or a CSV file, as `format` asks. */
export const ApiSpreadsheetResponse = (): MethodDecorator =>
  applyDecorators(
    ApiProduces(XLSX, 'text/csv'),
    ApiOkResponse({
      description: `The file, ${EXPORT_FORMATS.join(' or ')} (\`format\`), as an attachment`,
      content: { [XLSX]: FILE, 'text/csv': FILE },
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
