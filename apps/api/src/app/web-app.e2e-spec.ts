import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';

import { createTestApp } from '../test/test-app';

/** The body as bytes; superagent has already decoded the Content-Encoding it names. */
const asBuffer = (test: request.Test) =>
  test.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });

describe('the web app served at /', () => {
  let app: NestFastifyApplication;
  const script = `console.log(${JSON.stringify('app '.repeat(500))});`;
  const indexHtml = `<!doctype html><title>Licensregistret</title><!--${' '.repeat(2000)}-->`;

  beforeAll(async () => {
    const webDistDir = mkdtempSync(join(tmpdir(), 'lr-web-'));
    // As the build leaves them (tools/build/compress-web.mjs): each text file with a brotli and
    // a gzip copy beside it.
    for (const [name, body] of [
      ['index.html', indexHtml],
      ['main-ABC123.js', script],
    ]) {
      writeFileSync(join(webDistDir, name), body);
      writeFileSync(join(webDistDir, `${name}.br`), brotliCompressSync(body));
      writeFileSync(join(webDistDir, `${name}.gz`), gzipSync(body));
    }
    writeFileSync(join(webDistDir, 'styles-DEF456.css'), 'body{margin:0}');
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
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends a script brotli-compressed when the browser accepts brotli, with the same caching', async () => {
    const response = await asBuffer(
      request(app.getHttpServer())
        .get('/main-ABC123.js')
        .set('Accept-Encoding', 'gzip, deflate, br, zstd'),
    ).expect(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((response.body as Buffer).toString()).toBe(script);
  });

  it('sends it gzip-compressed when the browser accepts only gzip', async () => {
    const response = await asBuffer(
      request(app.getHttpServer()).get('/main-ABC123.js').set('Accept-Encoding', 'gzip'),
    ).expect(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((response.body as Buffer).toString()).toBe(script);
  });

  it('sends it as it is when the browser accepts no compression, or has no copy', async () => {
    const plain = await request(app.getHttpServer())
      .get('/main-ABC123.js')
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(script);
    const small = await request(app.getHttpServer())
      .get('/styles-DEF456.css')
      .set('Accept-Encoding', 'br, gzip')
      .expect(200);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('sends index.html compressed but never cached, for a deep link too', async () => {
    for (const path of ['/', '/avtal/42']) {
      const response = await asBuffer(
        request(app.getHttpServer()).get(path).set('Accept-Encoding', 'br'),
      ).expect(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect((response.body as Buffer).toString()).toBe(indexHtml);
    }
  });

  it('compresses API answers of 1 kB or more as accepted, and smaller ones not', async () => {
    const large = await request(app.getHttpServer())
      .get('/api/docs-json')
      .set('Accept-Encoding', 'gzip, deflate, br')
      .expect(200);
    expect(large.headers['content-encoding']).toBe('br');
    expect(large.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(large.body.openapi).toMatch(/^3\./);
    const gzip = await request(app.getHttpServer())
      .get('/api/docs-json')
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const small = await request(app.getHttpServer())
      .get('/api/health')
      .set('Accept-Encoding', 'gzip, br');
    expect(small.headers['content-encoding']).toBeUndefined();
    const plain = await request(app.getHttpServer())
      .get('/api/docs-json')
      .set('Accept-Encoding', 'identity')
      .expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('compresses an API answer as the browser weighs the encodings, to the same bytes', async () => {
    const plain = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    const gzipOnly = await request(app.getHttpServer())
      .get('/api/docs-json')
      .set('Accept-Encoding', 'br;q=0, gzip;q=0.5')
      .expect(200);
    expect(gzipOnly.headers['content-encoding']).toBe('gzip');
    expect(gzipOnly.body).toEqual(plain.body);
    const anything = await request(app.getHttpServer())
      .get('/api/docs-json')
      .set('Accept-Encoding', 'deflate, *;q=0.1')
      .expect(200);
    expect(anything.headers['content-encoding']).toBe('gzip');
    const none = await request(app.getHttpServer())
      .get('/api/docs-json')
      .set('Accept-Encoding', 'deflate')
      .expect(200);
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.headers['vary']).toMatch(/Accept-Encoding/i);
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
