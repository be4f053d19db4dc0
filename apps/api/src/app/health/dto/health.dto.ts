import type { DatabaseStatus, HealthResponse } from '@licensregistret/domain';

export class DatabaseHealthDto {
  status!: DatabaseStatus;
  /** Round trip of `SELECT 1`, in milliseconds; null when the database did not answer. */
  latencyMs!: number | null;
}

export class HealthDto implements HealthResponse {
  /** `ok` when every dependency answers; `degraded` otherwise (sent with HTTP 503). */
  status!: 'ok' | 'degraded';
  database!: DatabaseHealthDto;
  version!: string;
  uptimeSeconds!: number;
}
