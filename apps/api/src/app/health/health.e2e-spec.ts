import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';

import type { HealthResponse } from '@licensregistret/domain';

import { type ScratchDatabase, createScratchDatabase } from '../../test/scratch-database';
import { createTestApp } from '../../test/test-app';

describe('GET /api/health', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('reports the database as up', async () => {
    const response = await request(app.getHttpServer()).get('/api/health').expect(200);
    const body = response.body as HealthResponse;
    expect(body.status).toBe('ok');
    expect(body.database.status).toBe('up');
    expect(body.database.latencyMs).toEqual(expect.any(Number));
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('echoes a safe request id and makes one otherwise', async () => {
    const given = await request(app.getHttpServer())
      .get('/api/health')
      .set('X-Request-Id', 'trace-123')
      .expect(200);
    expect(given.headers['x-request-id']).toBe('trace-123');

    const made = await request(app.getHttpServer())
      .get('/api/health')
      .set('X-Request-Id', 'bad id <script>')
      .expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GET /api/health when the database stops answering', () => {
  let database: ScratchDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    database = await createScratchDatabase('lr_health_down', false);
    app = await createTestApp({}, database.url);
  });

  afterAll(async () => {
    await app?.close();
    await database.drop();
  });

  it('answers 503 with the database down, then up again once it returns', async () => {
    const name = new URL(database.url).pathname.slice(1);
    await request(app.getHttpServer()).get('/api/health').expect(200);

    await database.admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
    await database.admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
      [name],
    );
    const down = await request(app.getHttpServer()).get('/api/health').expect(503);
    expect(down.body).toMatchObject({
      status: 'degraded',
      database: { status: 'down', latencyMs: null },
    });

    await database.admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
    const up = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(up.body).toMatchObject({ status: 'ok', database: { status: 'up' } });
  });
});
