import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

import { PRODUCT_NAME, SESSION_COOKIE, XSRF_COOKIE, XSRF_HEADER } from '@licensregistret/domain';

import { BLOCKER_MODELS, REVIEW_MODELS } from '../reviews/dto/review-responses.dto';
import { PUBLISHED_REVIEW_MODELS } from '../sharing/dto/sharing-responses.dto';
import {
  CSRF_COOKIE_SCHEME,
  CSRF_HEADER_SCHEME,
  SESSION_SCHEME,
  applyAccessPolicy,
} from './access-security';
import { ProblemDto } from './problem.dto';

/** Tags in the order the document lists them, each with what it covers. */
const TAGS: [name: string, description: string][] = [
  ['auth', 'Signing in and out, the signed-in person, single sign-on'],
  ['health', 'The API and its database'],
  ['organisation', 'Administrations and school units, and their CSV import'],
  ['accounts', 'Accounts and their roles (administrators)'],
  ['catalogue', 'Suppliers, digital services and the catalogue schools choose from'],
  ['agreements', 'Agreements, their contract status, deadlines and cost split'],
  ['licences', 'Licences under agreements and which units they reach'],
  ['reviews', 'Data protection, information security and procurement reviews of a service'],
  ['requests', 'Requests for tools and the decision routine'],
  ['notifications', 'The signed-in person’s notifications'],
  ['public', 'What anyone may see without signing in'],
  ['record-of-processing', 'The record of processing (GDPR art. 30)'],
  ['dashboard', 'The governance figures'],
  ['calendar', 'A person’s calendar feed of deadlines'],
];

/**
 * The OpenAPI document served at /api/docs-json: the controllers and DTOs as the swagger plugin
 * reads them, the session cookie and CSRF header as security schemes, and each operation's
 * security and common errors from the access policy (access-security.ts).
 */
export function createOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle(`${PRODUCT_NAME} API`)
    .setDescription(
      'Licences, agreements and requests for the digital services of schools. Sign in with ' +
        '`POST /api/auth/login` (after `GET /api/auth/config`, which sets the XSRF-TOKEN cookie); ' +
        `every POST, PATCH and DELETE repeats the ${XSRF_COOKIE} cookie in the ${XSRF_HEADER} ` +
        'header. Errors are `application/problem+json`.',
    )
    .setVersion(version)
    .addServer('/', 'This API, where the document is served')
    .addCookieAuth(
      SESSION_COOKIE,
      { type: 'apiKey', in: 'cookie', description: 'The session, set by signing in (httpOnly)' },
      SESSION_SCHEME,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: XSRF_HEADER,
        description: `On writes: the ${XSRF_COOKIE} cookie's value, which the API sets`,
      },
      CSRF_HEADER_SCHEME,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'cookie',
        name: XSRF_COOKIE,
        description: 'Signed out (the sign-in itself): the cookie the header must repeat',
      },
      CSRF_COOKIE_SCHEME,
    );
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ProblemDto, ...REVIEW_MODELS, ...PUBLISHED_REVIEW_MODELS, ...BLOCKER_MODELS],
  });
  applyAccessPolicy(document);
  typeNullableUnions(document);
  return document;
}

/**
 * In OpenAPI 3.0 `nullable` admits null only beside a `type`, which Nest drops from a property
 * declared with `oneOf`/`anyOf`/`allOf` (a review of any kind, or none): put `type: object` back.
 */
function typeNullableUnions(document: OpenAPIObject): void {
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    if (!('properties' in schema)) continue;
    for (const property of Object.values(schema.properties ?? {})) {
      const union = 'oneOf' in property || 'anyOf' in property || 'allOf' in property;
      if ('nullable' in property && property.nullable && union && !property.type) {
        property.type = 'object';
      }
    }
  }
}
