import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';

import { closeTestDatabase, createTestAccount } from '../../test/factories';
import { createTestApp } from '../../test/test-app';
import { TestClient } from '../../test/test-client';

describe('request logs', () => {
  let app: NestFastifyApplication;
  const lines: string[] = [];

  beforeAll(async () => {
    app = await createTestApp({
      logLevel: 'info',
      logDestination: { write: (line: string) => void lines.push(line) },
    });
  });

  afterAll(async () => {
    await app.close();
    await closeTestDatabase();
  });

  it('carry no session cookie, CSRF token, device token, password or calendar secret, in short lines', async () => {
    const account = await createTestAccount(['PROCUREMENT']);
    const client = new TestClient(app);
    await client.get('/api/auth/config');
    await client.post('/api/auth/login', { username: account.username, password: 'wrong-Pa55' });
    await client.signIn(account);
    const feed = await client.post('/api/calendar/feed');
    expect(feed.status).toBe(201);
    const calendarSecret = /\/api\/calendar\/([^/]+)\/deadlines\.ics/.exec(feed.body.path)?.[1];
    await request(app.getHttpServer()).get(feed.body.path).expect(200);
    await client.get('/api/auth/me');
    const secrets = {
      session: client.sessionToken ?? '',
      csrf: client.csrfToken ?? '',
      device: client.cookies.get('lr_device') ?? '',
      calendar: calendarSecret ?? '',
      password: account.password,
      wrongPassword: 'wrong-Pa55',
    };
    await client.post('/api/auth/logout');

    const requestLines = lines
      .map(
        (line) =>
          JSON.parse(line) as {
            reqId?: string;
            req?: { url?: string };
            res?: { statusCode?: number };
          },
      )
      .filter((entry) => entry.req && entry.res);
    // One line per request, each naming its request.
    expect(new Set(requestLines.map((entry) => entry.reqId)).size).toBe(requestLines.length);
    expect(requestLines.every((entry) => typeof entry.reqId === 'string')).toBe(true);
    const urls = requestLines.map((entry) => entry.req?.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/calendar/feed',
        '/api/calendar/[redacted]/deadlines.ics',
        '/api/auth/me',
        '/api/auth/logout',
      ]),
    );
    const text = lines.join('');
    for (const [name, value] of Object.entries(secrets).filter(([, value]) => value !== '')) {
      expect({ name, leaked: text.includes(value) }).toEqual({ name, leaked: false });
    }
    for (const line of lines.filter((line) => line.includes('"req"'))) {
      expect(Buffer.byteLength(line)).toBeLessThan(400);
    }
    // Every secret was there to leak: none of the checks above passed for want of a value.
    for (const value of Object.values(secrets)) expect(value.length).toBeGreaterThan(8);
  });

  it('write one line per answered request, named by its id, and none for the health check', async () => {
    await request(app.getHttpServer()).get('/api/health').set('X-Request-Id', 'health-probe-17');
    await request(app.getHttpServer())
      .get('/api/auth/config')
      .set('X-Request-Id', 'trace-me-17')
      .expect(200);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.filter((entry) => entry['reqId'] === 'health-probe-17')).toEqual([]);
    const mine = entries.filter((entry) => entry['reqId'] === 'trace-me-17');
    expect(mine).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        req: { method: 'GET', url: '/api/auth/config' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
    ]);
  });
});
