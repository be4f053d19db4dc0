// Times GET /api/todo's one query (TODO_SQL, imported from the API) on the benchmark's data, for
// one account of each role, through the API's own preparing client (named statements, so the
// plan PostgreSQL settles on after a few calls is the one measured). Started by
// tools/bench/todo.mjs; prints one line per role.
import { Pool, types } from 'pg';

import { type Role, todayInSweden } from '@licensregistret/domain';

import { ACCOUNT_UNITS_JSON } from '../app/accounts/account-units.sql';
import { TODO_SQL, todoParameters } from '../app/todo/todo-rows';
import { PreparingClient } from '../database/preparing-client';

types.setTypeParser(1082, (value: string) => value);

const ROLES: Role[] = [
  'OBJECT_SPECIALIST',
  'OBJECT_MANAGER',
  'PROCUREMENT',
  'DATA_PROTECTION',
  'INFORMATION_SECURITY',
  'PRINCIPAL',
  'REQUESTER',
];
const WARM_UP = 10;
const RUNS = Number(process.env['TODO_RUNS'] ?? 100);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main(): Promise<void> {
  const pool = new Pool({
    connectionString: process.env['DATABASE_URL'],
    max: 1,
    Client: PreparingClient,
  });
  const today = todayInSweden();
  for (const role of ROLES) {
    const { rows } = await pool.query<{ id: string; roles: Role[]; units: { id: string }[] }>(
      `SELECT a.id, a.roles, ${ACCOUNT_UNITS_JSON} AS units FROM account a
        WHERE $1 = ANY (a.roles) AND a.active ORDER BY a.username LIMIT 1`,
      [role],
    );
    const account = rows[0];
    if (!account) {
      process.stdout.write(`${role}: no account\n`);
      continue;
    }
    const parameters = todoParameters(
      { id: account.id, roles: account.roles, unitIds: account.units.map((unit) => unit.id) },
      today,
      100_000,
      null,
    );
    const times: number[] = [];
    let answer = { rows: 0, total: 0 };
    for (let run = 0; run < WARM_UP + RUNS; run += 1) {
      const started = performance.now();
      const result = await pool.query<{ total: number }>(TODO_SQL, parameters);
      const elapsed = performance.now() - started;
      if (run >= WARM_UP) times.push(elapsed);
      answer = { rows: result.rows.length, total: result.rows[0]?.total ?? 0 };
    }
    times.sort((a, b) => a - b);
    process.stdout.write(
      `${role.padEnd(20)} p50 ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms` +
        `  max ${times[times.length - 1].toFixed(2)} ms  (${answer.total} waiting, ${answer.rows} rows)\n`,
    );
  }
  await pool.end();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
