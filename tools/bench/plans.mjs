// The bench data's sizes, its indexes and the decision queue's plan as the API's role, acting for
// the municipality the bench signs in to (apps/api/src/bench/queue-plan.ts). Data as the bench
// generates it (generated here if missing or stale):
//
//   node tools/bench/plans.mjs [--municipalities 20]
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { apiUrlOf, benchDatabaseFor, openBenchServer, prepareBenchData } from './database.mjs';
import { BENCH_MUNICIPALITY } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: { municipalities: { type: 'string', default: '1' } },
});
const municipalities = Number(args.municipalities);
const log = (message) => process.stdout.write(`${message}\n`);

const server = await openBenchServer(root, benchDatabaseFor(municipalities));
try {
  const client = await prepareBenchData(root, server.url, { log, municipalities });
  await client.query('VACUUM (ANALYZE) request, event');
  await client.end();
  await new Promise((done, fail) => {
    const child = spawn(
      'node',
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join('apps', 'api', 'src', 'bench', 'queue-plan.ts'),
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: server.url,
          DATABASE_APP_URL: apiUrlOf(server.url),
          BENCH_MUNICIPALITY,
          TS_NODE_PROJECT: 'apps/api/tsconfig.app.json',
        },
        stdio: 'inherit',
      },
    );
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error('queue-plan failed'))));
  });
} finally {
  await server.stop();
}
