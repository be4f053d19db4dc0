export type DatabaseStatus = 'up' | 'down';

/** Body of `GET /api/health`. */
export interface HealthResponse {
  /** `ok` when every dependency answers; `degraded` otherwise (sent with HTTP 503). */
  status: 'ok' | 'degraded';
  database: {
    status: DatabaseStatus;
    /** Round trip of `SELECT 1`, in milliseconds; null when the database did not answer. */
    latencyMs: number | null;
  };
  version: string;
  uptimeSeconds: number;
}
