import { Controller, Delete, Get, HttpCode, Post, Req, Res, applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';

import { DOCUMENT_MEDIA_TYPES, type DocumentOwnerType } from '@licensregistret/domain';

import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { takeRawResponse } from '../common/raw-response';
import { UuidParam } from '../common/uuid-param';
import { ApiProblems } from '../openapi/api-problems';
import { DocumentsService } from './documents.service';
import { DocumentListDto, StoredDocumentDto } from './dto/document-responses.dto';
import { DocumentUploadDto } from './dto/document-upload.dto';

const FILE = { schema: { type: 'string', format: 'binary' } } as const;

/** The upload route's documentation, the same on every kind of record. */
const ApiUpload = (): MethodDecorator =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({ type: DocumentUploadDto }),
    ApiCreatedResponse({ type: StoredDocumentDto, description: 'The document as stored' }),
    ApiProblems(413, 415),
  );

/**
 * Documents of agreements, services and reviews. Uploads are read from the raw Node request
 * (multipart, streamed), not through a framework body parser.
 */
@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /** The agreement's documents. */
  @Get('agreements/:id/documents')
  agreementDocuments(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<DocumentListDto> {
    return this.documents.list(actor, 'agreement', id);
  }

  /** Adds a document to the agreement (multipart: `kind`, then `file`). */
  @Post('agreements/:id/documents')
  @ApiUpload()
  uploadToAgreement(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<StoredDocumentDto> {
    return this.upload(actor, 'agreement', id, request.raw);
  }

  /** The service's documents. */
  @Get('services/:id/documents')
  serviceDocuments(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<DocumentListDto> {
    return this.documents.list(actor, 'service', id);
  }

  /** Adds a document to the service (multipart: `kind`, then `file`). */
  @Post('services/:id/documents')
  @ApiUpload()
  uploadToService(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<StoredDocumentDto> {
    return this.upload(actor, 'service', id, request.raw);
  }

  /** The review's documents (a DPIA, say). */
  @Get('reviews/:id/documents')
  reviewDocuments(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
  ): Promise<DocumentListDto> {
    return this.documents.list(actor, 'review', id);
  }

  /** Adds a document to the review: only its reviewer role may (multipart: `kind`, then `file`). */
  @Post('reviews/:id/documents')
  @ApiUpload()
  uploadToReview(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Req() request: FastifyRequest,
  ): Promise<StoredDocumentDto> {
    return this.upload(actor, 'review', id, request.raw);
  }

  /** The document's bytes, as an attachment of its sniffed type. */
  @Get('documents/:id/content')
  @ApiProduces(...Object.values(DOCUMENT_MEDIA_TYPES))
  @ApiOkResponse({
    description: 'The file as an attachment (`nosniff`)',
    content: Object.fromEntries(Object.values(DOCUMENT_MEDIA_TYPES).map((type) => [type, FILE])),
  })
  async download(@UuidParam('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const { stream, headers } = await this.documents.download(id);
    const response = takeRawResponse(reply);
    response.writeHead(200, headers);
    await pipeline(stream, response);
  }

  /** Takes the document off its record (kept, and named in the record's history). */
  @Delete('documents/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  remove(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<void> {
    return this.documents.remove(actor, id);
  }

  private upload(
    actor: Actor,
    type: DocumentOwnerType,
    id: string,
    request: IncomingMessage,
  ): Promise<StoredDocumentDto> {
    return this.documents.upload(actor, type, id, request);
  }
}
