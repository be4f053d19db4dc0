import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The pg pool under the DataSource (the same PreparingClient connections). For a hot read of one
 * statement outside a transaction, where TypeORM's query runner around it adds only its cost.
 */
export function pgPoolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}
