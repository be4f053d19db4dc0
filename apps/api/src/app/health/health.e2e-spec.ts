import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';

import type { HealthResponse } from '@licensregistret/domain';

import { createTestApp } from '../../test/test-app';

describe('GET /api/health', () => {
  let app: NestExpressApplication;

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
  const adminUrl = process.env['DATABASE_URL'] as string;
  const name = `lr_health_down_${process.pid}_${Date.now()}`;
  let admin: Client;
  let app: NestExpressApplication;

  beforeAll(async () => {
    admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const previous = process.env['DATABASE_URL'];
    process.env['DATABASE_URL'] = url.toString();
    try {
      app = await createTestApp();
    } finally {
      process.env['DATABASE_URL'] = previous;
    }
  });

  afterAll(async () => {
    await app?.close();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('answers 503 with the database down, then up again once it returns', async () => {
    await request(app.getHttpServer()).get('/api/health').expect(200);

    await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
      name,
    ]);
    const down = await request(app.getHttpServer()).get('/api/health').expect(503);
    expect(down.body).toMatchObject({
      status: 'degraded',
      database: { status: 'down', latencyMs: null },
    });

    await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
    const up = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(up.body).toMatchObject({ status: 'ok', database: { status: 'up' } });
  });
});
