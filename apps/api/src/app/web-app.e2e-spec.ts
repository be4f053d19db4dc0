import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';

import { createTestApp } from '../test/test-app';

describe('the web app served at /', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    const webDistDir = mkdtempSync(join(tmpdir(), 'lr-web-'));
    writeFileSync(join(webDistDir, 'index.html'), '<!doctype html><title>Licensregistret</title>');
    writeFileSync(join(webDistDir, 'main-ABC123.js'), 'console.log("app")');
    app = await createTestApp({ webDistDir });
  });

  afterAll(async () => {
    await app.close();
  });

  it('serves index.html at / and for a deep link, uncached', async () => {
    for (const path of ['/', '/avtal/42', '/admin/skolenheter']) {
      const response = await request(app.getHttpServer())
        .get(path)
        .expect(200)
        .expect('Content-Type', /text\/html/);
      expect(response.text).toContain('<title>Licensregistret</title>');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed bundles with a long cache', async () => {
    const response = await request(app.getHttpServer()).get('/main-ABC123.js').expect(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('keeps unknown API routes and missing files as 404s, not index.html', async () => {
    await request(app.getHttpServer())
      .get('/api/nope')
      .expect(404)
      .expect('Content-Type', /application\/problem\+json/);
    await request(app.getHttpServer()).get('/api').expect(404);
    await request(app.getHttpServer()).get('/missing-file.js').expect(404);
  });

  it.each(['/', '/api/health', '/api/nope'])('sends security headers on %s', async (path) => {
    const response = await request(app.getHttpServer()).get(path);
    const csp = String(response.headers['content-security-policy']);
    const directive = (name: string) =>
      csp
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .find(([first]) => first === name)
        ?.slice(1);
    expect(directive('default-src')).toEqual(["'self'"]);
    // Scripts only from the app's own files: no inline script, no eval, no inline handlers.
    expect(directive('script-src')).toEqual(["'self'"]);
    expect(directive('script-src-attr')).toEqual(["'none'"]);
    expect(directive('object-src')).toEqual(["'none'"]);
    expect(directive('frame-ancestors')).toEqual(["'none'"]);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('publishes the OpenAPI document', async () => {
    const response = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toContain('/api/health');
    await request(app.getHttpServer()).get('/api/docs').expect(200).expect('Content-Type', /html/);
  });
});
