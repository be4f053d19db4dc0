// The API as stateless instances behind a load balancer: one, two and three API processes behind
// nginx (Debian's `nginx-light`), on loopback, against the bench's data. See docs/scaling.md.
//
//   flock /tmp/bench.lock node tools/bench/scale.mjs [--instances 1,2,3] [--seconds 10]
//                                                    [--connections 32]
//
// First it shows that no instance keeps state a request needs: a session signed in through the
// balancer is accepted by every instance directly, and a move's CSRF double-submit passes on
// whichever instance takes it. Then, for each count, it loads the queue's first page through
// nginx and prints the rate and latency, beside one instance without nginx (the proxy's cost).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { apiNodeFlags, apiUrlOf, openBenchServer, prepareBenchData } from './database.mjs';
import { BENCH_ACCOUNTS, BENCH_PASSWORD } from './generate.mjs';
import { runLoad } from './load.mjs';
import { startProcess, waitForHealth } from './processes.mjs';
import { queuePath } from './scenarios.mjs';
import { signIn } from './session.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: {
    instances: { type: 'string', default: '1,2,3' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
  },
});
const counts = args.instances.split(',').map(Number);
const log = (message) => process.stdout.write(`${message}\n`);

const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const BALANCER_PORT = 3480;
const FIRST_API_PORT = 3481;
const prefix = join(root, '.data', 'scale');
const balancer = `http://127.0.0.1:${BALANCER_PORT}`;
const apiUrl = (index) => `http://127.0.0.1:${FIRST_API_PORT + index}`;

/** nginx in the foreground under .data/scale: round robin over `count` instances, kept-alive. */
function nginxConfig(count) {
  const servers = Array.from(
    { length: count },
    (_, index) => `    server 127.0.0.1:${FIRST_API_PORT + index};`,
  ).join('\n');
  return `daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  upstream api {
${servers}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${BALANCER_PORT};
    client_max_body_size 25m;
    location / {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`;
}

function startNginx(count) {
  mkdirSync(prefix, { recursive: true });
  const config = join(prefix, 'nginx.conf');
  writeFileSync(config, nginxConfig(count));
  const check = spawnSync(NGINX, ['-t', '-q', '-p', prefix, '-c', config], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx refuses its configuration:\n${check.stderr}`);
  return startProcess('nginx', NGINX, ['-p', prefix, '-c', config]);
}

/**
 * What makes instances interchangeable: a session made through the balancer works on each
 * instance directly, and so does a change sent with the CSRF pair (a move, undone at once).
 */
async function checkStateless(count, headers, client) {
  for (let index = 0; index < count; index += 1) {
    const response = await fetch(`${apiUrl(index)}${queuePath(0)}`, { headers });
    if (!response.ok)
      throw new Error(`instance ${index + 1} refuses the session: ${response.status}`);
    await response.arrayBuffer();
  }
  const [request] = (
    await client.query(
      `SELECT id FROM request WHERE state = 'IN_TRIAGE' ORDER BY number OFFSET 100 LIMIT 1`,
    )
  ).rows;
  const json = { ...headers, 'content-type': 'application/json' };
  for (let index = 0; index < count; index += 1) {
    for (const move of ['QUEUE', 'UNQUEUE']) {
      const { version } = await (
        await fetch(`${balancer}/api/requests/${request.id}`, { headers })
      ).json();
      const response = await fetch(`${apiUrl(index)}/api/requests/${request.id}/moves`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ move, version }),
      });
      if (!response.ok) {
        throw new Error(
          `instance ${index + 1} refuses a move: ${response.status} ${await response.text()}`,
        );
      }
      await response.arrayBuffer();
    }
  }
}

const format = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

async function main() {
  log(`Licensregistret scale bench — ${new Date().toISOString()}`);
  log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
  const server = await openBenchServer(root);
  const client = await prepareBenchData(root, server.url, { log });
  const flags = apiNodeFlags(root);
  const instances = [];
  const rows = [];
  let nginx;
  try {
    for (let index = 0; index < Math.max(...counts); index += 1) {
      instances.push(
        startProcess(`API instance ${index + 1}`, 'node', [...flags, 'dist/apps/api/main.js'], {
          DATABASE_URL: server.url,
          DATABASE_APP_URL: apiUrlOf(server.url),
          PORT: String(FIRST_API_PORT + index),
          NODE_ENV: 'production',
          DEMO_DATA: 'false',
          REMINDER_SCAN_MINUTES: '0',
          TRUST_PROXY: 'loopback',
        }),
      );
    }
    await Promise.all(instances.map((_, index) => waitForHealth(apiUrl(index))));
    const specialist = await signIn(apiUrl(0), BENCH_ACCOUNTS.specialist.username, BENCH_PASSWORD);

    const load = async (url) => {
      const options = {
        url: `${url}${queuePath(0)}`,
        headers: specialist,
        connections: Number(args.connections),
      };
      await runLoad({ ...options, duration: 3 }); // warm-up
      return runLoad({ ...options, duration: Number(args.seconds) });
    };

    rows.push({ label: 'one instance, direct', ...(await load(apiUrl(0))) });
    for (const count of counts) {
      nginx = startNginx(count);
      await waitForHealth(balancer);
      const viaBalancer = await signIn(
        balancer,
        BENCH_ACCOUNTS.specialist.username,
        BENCH_PASSWORD,
      );
      await checkStateless(count, viaBalancer, client);
      rows.push({ label: `${count} behind nginx`, ...(await load(balancer)) });
      await nginx.stop();
      nginx = undefined;
    }
  } finally {
    await nginx?.stop();
    await Promise.all(instances.map((instance) => instance.stop()));
    await client.end();
    await server.stop();
  }

  log('');
  log(`Queue, first page with total, ${args.connections} connections, ${args.seconds} s:`);
  log('| API instances | pages/s | p50 ms | p99 ms | failed |');
  log('| --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    log(
      `| ${row.label} | ${format(row.rps, 0)} | ${format(row.p50)} | ${format(row.p99)} | ${row.failed} |`,
    );
  }
  for (const row of rows.filter((row) => row.failed > 0)) {
    log(`${row.label}: failed calls by status ${JSON.stringify(row.statuses)}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
