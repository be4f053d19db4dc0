import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';

import type { AppConfig } from '../config/app-config';
import { AppModule } from './app.module';
import { answerClientErrorsAsProblems } from './common/client-errors';
import { importBodyParser, jsonBodyParser } from './common/json-body';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { SchemaSerialiser } from './common/schema-serialiser';
import { createValidationPipe } from './common/validation';
import { createOpenApiDocument } from './openapi/openapi-document';

export const API_PREFIX = 'api';

/** Builds the whole application, the same way for `main.ts` and for the API tests. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, databaseUrl),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  // JSON bodies with a size limit and a depth bound, refused as 400/413 problems before parsing.
  // An import carries its workbook base64-encoded: a larger limit on that route only.
  app.use('/api/imports', importBodyParser());
  app.use(jsonBodyParser());
  // A request Node cannot parse (a URL past 16 KB: 431) is a problem document too.
  answerClientErrorsAsProblems(app.getHttpServer());
  app.use(cookieParser());
  // API answers compressed as the browser accepts (brotli at quality 4, else gzip), from 1 kB:
  // a grid page of 46 kB goes as about 9 kB, for well under a millisecond of CPU (see
  // docs/performance.md). The web app's files come compressed from the build instead.
  const compressAnswers = compression({ threshold: 1024 });
  app.use((request: Request, response: Response, next: NextFunction) =>
    isApiPath(request.path) ? compressAnswers(request, response, next) : next(),
  );
  app.set('trust proxy', config.trustProxy);
  // API answers are read fresh every time (no conditional GETs); hashing each body for an ETag
  // cost more than a tenth of a millisecond on a grid page. Static files keep theirs.
  app.set('etag', false);
  app.setGlobalPrefix(API_PREFIX);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Served over plain http on a developer's machine; a TLS proxy in production.
          'upgrade-insecure-requests': null,
          'frame-ancestors': ["'none'"],
        },
      },
      frameguard: { action: 'deny' },
    }),
  );
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  const document = setUpOpenApi(app, config);
  app.useGlobalInterceptors(
    new SchemaSerialiser(app.get(Reflector), API_PREFIX, document, config.checkAnswers ?? false),
  );
  serveWebApp(app, config.webDistDir);
  return app;
}

const isApiPath = (path: string) => path === `/${API_PREFIX}` || path.startsWith(`/${API_PREFIX}/`);

function setUpOpenApi(app: NestExpressApplication, config: AppConfig): OpenAPIObject {
  const document = createOpenApiDocument(app, config.version);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });
  return document;
}

/**
 * Serves the built Angular app at `/`. A deep link (`/avtal/42`) gets `index.html` so the
 * client-side router can take over; `/api/...` and missing files (`/x.js`) stay 404s. The build
 * writes a brotli and a gzip copy of each text file (tools/build/compress-web.mjs): the best one
 * the browser accepts is sent as it is, with `Content-Encoding` and `Vary: Accept-Encoding`.
 */
function serveWebApp(app: NestExpressApplication, webDistDir: string): void {
  const indexFile = join(webDistDir, 'index.html');
  const assets = expressStaticGzip(webDistDir, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      // Angular names its bundles by content hash, so they never change under their name.
      maxAge: '365d',
      immutable: true,
      setHeaders: (response, path) => {
        if (/\.html(\.br|\.gz)?$/.test(path)) {
          response.setHeader('Cache-Control', 'no-cache');
        }
      },
    },
  });
  // Not for API calls: the file lookup (a stat per request) was 4% of the API's time under load.
  app.use((request: Request, response: Response, next: NextFunction) =>
    isApiPath(request.path) ? next() : assets(request, response, next),
  );
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isPageRequest =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !isApiPath(request.path) &&
      extname(request.path) === '';
    if (!isPageRequest || !existsSync(indexFile)) {
      next();
      return;
    }
    request.url = '/index.html';
    assets(request, response, next);
  });
}
