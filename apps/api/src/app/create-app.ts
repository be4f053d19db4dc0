import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { extname, join } from 'node:path';

import type { AppConfig } from '../config/app-config';
import { AppModule } from './app.module';
import { answerClientError } from './common/client-errors';
import { compressAnswers } from './common/compression';
import { IMPORT_BODY_LIMIT, JSON_BODY_LIMIT, parseJsonBody } from './common/json-body';
import { AppLogger, createPinoLogger, logRequests } from './common/logging';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { requestId } from './common/request-id';
import { serialiseFromSchemas } from './common/schema-serialiser';
import { createValidationPipe } from './common/validation';
import { createOpenApiDocument } from './openapi/openapi-document';

export const API_PREFIX = 'api';

/** Builds the whole application, the same way for `main.ts` and for the API tests. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: JSON_BODY_LIMIT,
    // A request Node cannot parse (a URL past 16 KB: 431) is a problem document too.
    clientErrorHandler: answerClientError,
    // A deep link (`/avtal/42`) gets the web app's index.html, before routing.
    rewriteUrl: pageRewriter(config.webDistDir),
    genReqId: requestId,
    requestIdHeader: false,
    // As Node's own server (and Express) had them: Fastify would wait for a body forever and
    // keep idle connections for 72 s.
    requestTimeout: 300_000,
    keepAliveTimeout: 5_000,
    // As Express routed: `/api/requests/` is `/api/requests`, and a long id reaches the
    // validation (a 400 naming it) instead of a bare 404.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1_000 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, databaseUrl),
    adapter,
    // The API reads JSON only, with its own parser (readBodies).
    { bufferLogs: true, bodyParser: false },
  );
  const logger = createPinoLogger(config.logLevel, config.logDestination);
  app.useLogger(new AppLogger(logger));
  const fastify = app.getHttpAdapter().getInstance();
  logRequests(fastify, logger);
  // Every answer names its request (the log line's and a problem's id), also one a route
  // writes itself.
  fastify.addHook('onRequest', (request, reply, done) => {
    (request.raw as IncomingMessage & { id?: string }).id = request.id;
    reply.raw.setHeader('X-Request-Id', request.id);
    done();
  });
  configureRoutes(fastify);
  readBodies(fastify);
  await app.register(fastifyCookie);
  // API answers compressed as the browser accepts (brotli at quality 4, else gzip), from 1 kB:
  // a grid page of 46 kB goes as about 9 kB (see docs/performance.md). The web app's files come
  // compressed from the build instead.
  compressAnswers(fastify, (request) => isApiPath(request.url));
  app.setGlobalPrefix(API_PREFIX);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        // Served over plain http on a developer's machine; a TLS proxy in production.
        'upgrade-insecure-requests': null,
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
  });
  app.useGlobalPipes(createValidationPipe());
  // Also what Fastify refuses before a route runs (a body too large, of a type the API does not
  // read): Nest hands Fastify's errors to its filters.
  app.useGlobalFilters(new ProblemDetailsFilter());
  const document = setUpOpenApi(app, config);
  serialiseFromSchemas(fastify, document, config.checkAnswers ?? false);
  await serveWebApp(app, config.webDistDir);
  return app;
}

const ROUTES = new WeakMap<FastifyInstance, string[]>();

/** Every route the app answers, as `METHOD /path` (HEAD among them), as Fastify registered it. */
export function registeredRoutes(app: NestFastifyApplication): readonly string[] {
  return ROUTES.get(app.getHttpAdapter().getInstance()) ?? [];
}

/**
 * Per route, as Fastify registers it: the import reads larger bodies (its workbook travels
 * base64-encoded); and the list of routes is kept (registeredRoutes).
 */
function configureRoutes(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    if (route.url === `/${API_PREFIX}/imports`) route.bodyLimit = IMPORT_BODY_LIMIT;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const known = ROUTES.get(fastify) ?? [];
    known.push(...methods.map((method) => `${method} ${route.url}`));
    ROUTES.set(fastify, known);
  });
}

/**
 * The API reads JSON bodies, with a size limit and a depth bound, refused as 400/413 problems
 * before parsing. A document upload is read as a stream by its route (busboy on the Node
 * request), so multipart is left unread here. Any other body is a 415.
 */
function readBodies(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer, request.headers['content-type']));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  fastify.addContentTypeParser('multipart/form-data', (_request, _payload, done) => done(null));
}

const isApiPath = (path: string) => path === `/${API_PREFIX}` || path.startsWith(`/${API_PREFIX}/`);

function setUpOpenApi(app: NestFastifyApplication, config: AppConfig): OpenAPIObject {
  const document = createOpenApiDocument(app, config.version);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });
  return document;
}

/** A page of the web app: a GET or HEAD outside the API of a path without a file extension. */
function isPageRequest(method: string | undefined, path: string): boolean {
  return (method === 'GET' || method === 'HEAD') && !isApiPath(path) && extname(path) === '';
}

/**
 * Fastify's `rewriteUrl`: a page request (`/avtal/42`) becomes `/index.html` so the client-side
 * router can take over, as long as the web app is built; `/api/...` and missing files (`/x.js`)
 * stay 404s.
 */
function pageRewriter(webDistDir: string): (request: IncomingMessage) => string {
  const indexFile = join(webDistDir, 'index.html');
  return (request) => {
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    return isPageRequest(request.method, path) && existsSync(indexFile) ? '/index.html' : url;
  };
}

/**
 * Serves the built Angular app at `/`. The build writes a brotli and a gzip copy of each text
 * file (tools/build/compress-web.mjs): the best one the browser accepts is sent as it is, with
 * `Content-Encoding` and `Vary: Accept-Encoding`. An unknown `/api/...` path passes through here
 * to the API's 404.
 */
async function serveWebApp(app: NestFastifyApplication, webDistDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDistDir,
    index: false,
    preCompressed: true,
    // Angular names its bundles by content hash, so they never change under their name.
    maxAge: '365d',
    immutable: true,
    setHeaders: (reply, path) => {
      if (/\.html(\.br|\.gz)?$/.test(path)) {
        reply.header('Cache-Control', 'no-cache');
      }
    },
  });
}
