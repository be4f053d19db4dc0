import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';

import { createTestApp } from '../../test/test-app';

describe('errors as application/problem+json', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers an unknown API route with a 404 problem', async () => {
    const response = await request(app.getHttpServer())
      .get('/api/nope')
      .expect(404)
      .expect('Content-Type', /^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      instance: '/api/nope',
    });
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
  });

  it('answers a malformed JSON body with a 400 problem and no stack trace', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/health')
      .set('Content-Type', 'application/json')
      .send('{"name": "NE",')
      .expect(400)
      .expect('Content-Type', /^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 400,
      title: 'Bad Request',
      detail: expect.stringContaining('JSON'),
    });
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js:\d+/);
  });

  it('answers a body over the size limit with a 413 problem, not a 500', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/health')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) }))
      .expect(413)
      .expect('Content-Type', /^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 413, title: 'Payload Too Large' });
  });

  it('answers a method the route lacks with a 404 problem, not a 500', async () => {
    await request(app.getHttpServer())
      .delete('/api/health')
      .expect(404)
      .expect('Content-Type', /^application\/problem\+json/);
  });
});
