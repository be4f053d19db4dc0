// What the bench's data looks like to PostgreSQL, for docs/scaling.md: the tables' sizes, any
// index of a municipal table that does not lead with municipality_id, and the plan of the
// decision queue's first page (the bench's queuePath(0)) and its total as the API's role runs
// them, acting for one municipality. Run by tools/bench/plans.mjs.
import { Client, escapeLiteral } from 'pg';

import { type RequestState, todayInSweden } from '@licensregistret/domain';

import { requestRowsSql } from '../app/requests/request-sql';
import { ensureApiLogin } from '../database/api-login';

const OPEN_STATES = ['SUBMITTED', 'IN_TRIAGE', 'QUEUED', 'NEEDS_INFO', 'IN_REVIEW'];

async function main(): Promise<void> {
  const ownerUrl = process.env['DATABASE_URL'] ?? '';
  const apiUrl = process.env['DATABASE_APP_URL'] ?? '';
  const slug = process.env['BENCH_MUNICIPALITY'] ?? '';
  await ensureApiLogin(ownerUrl, apiUrl);
  const out = (line: string) => process.stdout.write(`${line}\n`);

  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  const sizes = await owner.query<{ table: string; rows: string; total: string }>(
    `SELECT c.relname AS table, c.reltuples::bigint::text AS rows,
            pg_size_pretty(pg_total_relation_size(c.oid)) AS total
       FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
        AND pg_total_relation_size(c.oid) > 1024 * 1024
      ORDER BY pg_total_relation_size(c.oid) DESC`,
  );
  out('Tables over 1 MB (rows estimated by ANALYZE, size with indexes and TOAST):');
  for (const row of sizes.rows) out(`  ${row.table}: ${row.rows} rows, ${row.total}`);
  const database = await owner.query<{ size: string }>(
    `SELECT pg_size_pretty(pg_database_size(current_database())) AS size`,
  );
  out(`Database: ${database.rows[0].size}`);
  const unled = await owner.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
       JOIN pg_class t ON t.relname = i.tablename AND t.relnamespace = 'public'::regnamespace
       JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = 'public'::regnamespace
       JOIN pg_index x ON x.indexrelid = c.oid
      WHERE i.schemaname = 'public' AND t.relrowsecurity AND NOT x.indisunique
        AND i.indexdef NOT LIKE '%(municipality_id%'
      ORDER BY i.indexname`,
  );
  out(
    `Non-unique indexes of row-level-secured tables not leading with municipality_id: ${
      unled.rows.length === 0 ? 'none' : ''
    }`,
  );
  for (const row of unled.rows) out(`  ${row.indexdef}`);
  await owner.end();

  const api = new Client({ connectionString: apiUrl });
  await api.connect();
  const { rows } = await api.query<{ id: string }>(`SELECT id FROM municipality WHERE slug = $1`, [
    slug,
  ]);
  await api.query(`SELECT set_config('app.municipality_id', $1, false)`, [rows[0].id]);
  const sql = requestRowsSql(
    { roles: ['OBJECT_SPECIALIST'], schoolUnits: [] },
    { states: OPEN_STATES as RequestState[], sort: 'submittedAt:asc' },
    todayInSweden(),
  );
  for (const [name, [text, values]] of [
    ['The queue’s first page (limit 100)', sql.page({ offset: 0, limit: 100 })],
    ['Its total', sql.count],
  ] as const) {
    // Twice: the second run is the one reported, with the pages in the cache as under load.
    await api.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, [...values]);
    const plan = await api.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, [
      ...values,
    ]);
    out(`${name}, as ${new URL(apiUrl).username} acting for ${slug}:`);
    for (const row of plan.rows) out(`  ${row['QUERY PLAN']}`);
  }
  // The API sends each SQL text as a named prepared statement (PreparingClient): after five runs
  // PostgreSQL may keep a generic plan, made without the parameters' values.
  const [text, values] = sql.page({ offset: 0, limit: 100 });
  await api.query(`PREPARE queue_page AS ${text}`);
  await api.query(`SET plan_cache_mode = force_generic_plan`);
  // EXECUTE takes no bind parameters: the values as literals, of unknown type as the API sends them.
  const literal = (value: unknown): string =>
    value === null || value === undefined
      ? 'NULL'
      : escapeLiteral(
          Array.isArray(value)
            ? `{${value.map((item) => `"${String(item)}"`).join(',')}}`
            : String(value),
        );
  const call = `EXPLAIN (ANALYZE, BUFFERS) EXECUTE queue_page(${values.map(literal).join(', ')})`;
  await api.query(call);
  const generic = await api.query<{ 'QUERY PLAN': string }>(call);
  out(`The queue’s first page, its generic plan:`);
  for (const row of generic.rows) out(`  ${row['QUERY PLAN']}`);
  await api.end();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
