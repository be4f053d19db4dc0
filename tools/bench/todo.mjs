// `node tools/bench/todo.mjs`: the time of "Att göra"'s one query (GET /api/todo) on the
// benchmark's large municipality, per role, p50 and p95 of 100 calls after a warm-up. Needs the
// API built (its migrations); the data is generated once into .data/bench as for `npm run bench`.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { openBenchServer, prepareBenchData } from './database.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (message) => process.stdout.write(`${message}\n`);

const server = await openBenchServer(root);
try {
  const client = await prepareBenchData(root, server.url, { log });
  await client.query('VACUUM (ANALYZE)');
  await client.end();
  await new Promise((resolve, reject) => {
    const timing = spawn(
      'node',
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join('apps', 'api', 'src', 'bench', 'todo-timing.ts'),
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: server.url,
          TS_NODE_PROJECT: 'apps/api/tsconfig.app.json',
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    timing.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`timing: ${code}`))));
  });
} finally {
  await server.stop();
}
