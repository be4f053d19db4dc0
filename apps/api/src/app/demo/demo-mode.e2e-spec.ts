import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { Client } from 'pg';

import { loadConfig } from '../../config/app-config';
import { localApiUrl } from '../../database/api-login';
import { type ApiProcess, ApiStartFailure, startApiProcess } from '../../test/api-process';
import { type ScratchDatabase, createScratchDatabase } from '../../test/scratch-database';
import { TestClient } from '../../test/test-client';
import { createApp } from '../create-app';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-data';

/**
 * Demo mode is asked for, never assumed: without DEMO_DATA there are no demo accounts and no
 * password on offer, even with the embedded database; production refuses it; and when it is on,
 * the server listens on this machine only unless HOST says otherwise.
 */

const START_MS = 180_000;

/** Whether a TCP connection to the address and port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(3000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** This machine's addresses that other machines can reach (not loopback). */
function networkAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && !address.internal && address.family === 'IPv4')
    .map((address) => (address as { address: string }).address);
}

describe('demo mode', () => {
  // Each test starts from an empty database of its own: a demo start seeds the one it is given,
  // so tests sharing the file's database would see each other's demo accounts in random order.
  let database: ScratchDatabase;
  let databaseUrl: string;
  let db: Client;

  beforeEach(async () => {
    database = await createScratchDatabase('demo');
    databaseUrl = database.url;
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
  });

  afterEach(async () => {
    await db.end();
    await database.drop();
  });

  it('is off without DEMO_DATA, with no DATABASE_URL either: no demo accounts, no password shown', async () => {
    // The configuration of `node main.js` with nothing set (the embedded database's case);
    // the app is then built on this file's database, as main.ts builds it.
    const config = loadConfig({ LOG_LEVEL: 'silent', REMINDER_SCAN_MINUTES: '0' });
    expect(config.databaseUrl).toBeNull();
    let app: NestFastifyApplication | undefined;
    try {
      app = await createApp(config, localApiUrl(databaseUrl));
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
      const answer = await new TestClient(app).get('/api/auth/config');
      expect(answer.status).toBe(200);
      expect(answer.body.demoPassword).toBeNull();
      expect(JSON.stringify(answer.body)).not.toContain(DEMO_PASSWORD);
    } finally {
      await app?.close();
    }
    const { rows } = await db.query(`SELECT username FROM account WHERE username = ANY($1)`, [
      DEMO_ACCOUNTS.map((account) => account.username),
    ]);
    expect(rows).toEqual([]);
    const [{ units }] = (await db.query(`SELECT count(*)::int AS units FROM school_unit`)).rows;
    expect(units).toBe(0);
  });

  it(
    'is refused at start-up with NODE_ENV=production',
    async () => {
      let outcome: ApiProcess | ApiStartFailure;
      try {
        outcome = await startApiProcess({
          DATABASE_URL: databaseUrl,
          DEMO_DATA: 'true',
          NODE_ENV: 'production',
        });
      } catch (error) {
        if (!(error instanceof ApiStartFailure)) throw error;
        outcome = error;
      }
      if (!(outcome instanceof ApiStartFailure)) {
        await outcome.stop();
        throw new Error('The API started with demo accounts in production.');
      }
      expect(outcome.code).toBe(1);
      expect(outcome.output).toContain('DEMO_DATA=true is refused when NODE_ENV=production');
      // Refused before anything was written.
      const { rows } = await db.query(`SELECT 1 FROM account WHERE username = 'admin'`);
      expect(rows).toEqual([]);
    },
    START_MS,
  );

  it(
    'listens on 127.0.0.1 by default, and on the network only when HOST says so',
    async () => {
      const demo = await startApiProcess({ DATABASE_URL: databaseUrl, DEMO_DATA: 'true' });
      try {
        expect(new URL(demo.url).hostname).toBe('127.0.0.1');
        const config = await fetch(`http://127.0.0.1:${demo.port}/api/auth/config`);
        expect(((await config.json()) as { demoPassword: string }).demoPassword).toBe(
          DEMO_PASSWORD,
        );
        for (const address of networkAddresses()) {
          expect({ address, accepted: await accepts(address, demo.port) }).toEqual({
            address,
            accepted: false,
          });
        }
      } finally {
        await demo.stop();
      }

      const open = await startApiProcess({
        DATABASE_URL: databaseUrl,
        DEMO_DATA: 'true',
        HOST: '0.0.0.0',
      });
      try {
        for (const address of networkAddresses()) {
          expect({ address, accepted: await accepts(address, open.port) }).toEqual({
            address,
            accepted: true,
          });
        }
      } finally {
        await open.stop();
      }
    },
    START_MS * 2,
  );
});
