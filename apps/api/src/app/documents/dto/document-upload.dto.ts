import { ApiProperty } from '@nestjs/swagger';

import { DOCUMENT_KINDS, type DocumentKind } from '@licensregistret/domain';

/** The multipart form of an upload, for the OpenAPI document (the API reads the stream itself). */
export class DocumentUploadDto {
  @ApiProperty({
    enum: DOCUMENT_KINDS,
    description: 'What the document is; send it before the file',
  })
  kind!: DocumentKind;

  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'A PDF, DOCX, XLSX or ODT file of at most 20 MB; its type is read from its bytes',
  })
  file!: unknown;
}
