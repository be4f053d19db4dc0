import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { HealthResponse } from '@licensregistret/domain';

import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.provider';

const DATABASE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
        this.dataSource.query('SELECT 1').then(() => true),
        timeout,
      ]);
      return answered ? Math.round((performance.now() - started) * 10) / 10 : null;
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}
