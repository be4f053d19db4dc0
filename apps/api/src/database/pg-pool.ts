import { type CustomTypesConfig, type Pool, type QueryConfig, types } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * The pg pool under the DataSource (the same PreparingClient connections). For a hot read of one
 * statement outside a transaction, where TypeORM's query runner around it adds only its cost.
 */
export function pgPoolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

const TIMESTAMPTZ_OID = 1184;
const asText = (value: string) => value;

/**
 * pg's parsers, except that a timestamptz stays PostgreSQL's text: the row mappings turn it into
 * the answer's ISO text (isoInstant) without a Date in between. Per query, not global: TypeORM's
 * other reads expect Dates.
 */
const TIMESTAMPS_AS_TEXT: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ_OID && format !== 'binary'
      ? asText
      : types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};

/** A hot read's query, its timestamps left as text. */
export function withTimestampsAsText(text: string, values: unknown[]): QueryConfig {
  return { text, values, types: TIMESTAMPS_AS_TEXT };
}
