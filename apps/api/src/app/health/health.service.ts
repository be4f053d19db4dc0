import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import type { HealthResponse } from '@licensregistret/domain';

import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.provider';

const DATABASE_TIMEOUT_MS = 2000;

/**
 * The health check asks the database on a connection of its own, outside the pool: with every
 * pooled connection busy the database still answers, and the check says so instead of waiting
 * for the pool. A failed or slow check drops the connection; the next one connects anew.
 */
@Injectable()
export class HealthService implements OnModuleDestroy {
  private connection: Promise<Client> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.drop();
  }

  async check(): Promise<HealthResponse> {
    const latencyMs = await this.pingDatabase();
    return {
      status: latencyMs === null ? 'degraded' : 'ok',
      database: { status: latencyMs === null ? 'down' : 'up', latencyMs },
      version: this.config.version,
      uptimeSeconds: Math.round(process.uptime()),
    };
  }

  /** Round trip of `SELECT 1` in ms, or null when the database does not answer in time. */
  private async pingDatabase(): Promise<number | null> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), DATABASE_TIMEOUT_MS);
    });
    try {
      const answered = await Promise.race([
        this.connect().then((client) => client.query('SELECT 1').then(() => true)),
        timeout,
      ]);
      // Not awaited: closing a connection to a hung server must not hold up the answer.
      if (!answered) void this.drop();
      return answered ? Math.round((performance.now() - started) * 10) / 10 : null;
    } catch {
      void this.drop();
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  private connect(): Promise<Client> {
    this.connection ??= (async () => {
      const client = new Client({
        connectionString: (this.dataSource.options as { url?: string }).url,
        application_name: 'licensregistret-health',
        connectionTimeoutMillis: DATABASE_TIMEOUT_MS,
        statement_timeout: DATABASE_TIMEOUT_MS,
      });
      // A connection the server drops is replaced at the next check.
      client.on('error', () => void this.drop(client));
      await client.connect();
      return client;
    })();
    return this.connection;
  }

  /** Closes the health connection (only `client`'s, when given). */
  private async drop(client?: Client): Promise<void> {
    const current = this.connection;
    if (!current) return;
    const open = await current.catch(() => undefined);
    if (client && open !== client) return;
    if (this.connection === current) this.connection = undefined;
    await open?.end().catch(() => undefined);
  }
}
