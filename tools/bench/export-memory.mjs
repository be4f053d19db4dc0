// Resident memory of the built API while several large exports run at once: the benchmark's
// municipality (.data/bench, generated once, as `npm run bench` does), the API started as
// `npm start` starts it (same Node flags), N concurrent `GET /api/requests/export` of about
// 100,000 rows each, read by fast or slow clients. Prints the API's resident memory before,
// its peak during (sampled every 20 ms, and the kernel's VmHWM), and what each export answered.
//
//   npm run build && node tools/bench/export-memory.mjs [--exports 4] [--format xlsx|csv]
//     [--slow] [--main dist/apps/api/main.js]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { apiNodeFlags, apiUrlOf, openBenchServer, prepareBenchData } from './database.mjs';
import { BENCH_PASSWORD } from './generate.mjs';
import { signIn } from './session.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: {
    exports: { type: 'string', default: '4' },
    format: { type: 'string', default: 'xlsx' },
    // A slow client: reads 64 KiB, then waits 50 ms (about 1.3 MB/s).
    slow: { type: 'boolean', default: false },
    main: { type: 'string', default: 'dist/apps/api/main.js' },
    port: { type: 'string', default: '3473' },
  },
});
const log = (message) => process.stdout.write(`${message}\n`);
const base = `http://127.0.0.1:${args.port}`;
// The requests in these states: about 100,000 of the 200,000 generated.
const STATES = ['DECIDED', 'IMPLEMENTED', 'WITHDRAWN'];
const EXPORT_PATH = `/api/requests/export?format=${args.format}&state=${STATES.join(',')}`;

const API_NODE_FLAGS = apiNodeFlags(root);

function residentMb(pid, field = 'VmRSS') {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]) / 1024;
}

async function prepareData(url) {
  // The schema of this checkout (as the generator expects), whichever build is measured.
  const client = await prepareBenchData(root, url, { log });
  const counted = await client.query(
    `SELECT count(*)::int AS n FROM request WHERE state = ANY($1)`,
    [STATES],
  );
  await client.end();
  return counted.rows[0].n;
}

/** Reads one export to the end; returns its status, size and Retry-After. */
async function readExport(headers) {
  const response = await fetch(`${base}${EXPORT_PATH}`, { headers });
  let bytes = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      bytes += chunk.length;
      if (args.slow) await sleep(50 * Math.ceil(chunk.length / 65_536));
    }
  }
  return { status: response.status, bytes, retryAfter: response.headers.get('retry-after') };
}

async function main() {
  const server = await openBenchServer(root);
  const rows = await prepareData(server.url);
  const api = spawn('node', [...API_NODE_FLAGS, resolve(root, args.main)], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: server.url,
      DATABASE_APP_URL: apiUrlOf(server.url),
      PORT: args.port,
      NODE_ENV: 'production',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      REMINDER_SCAN_MINUTES: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        // Not listening yet.
      }
      if (attempt > 300) throw new Error('The API did not become healthy.');
      await sleep(200);
    }
    const headers = await signIn(base, 'bench.specialist1', BENCH_PASSWORD);
    // One export first, so that code and caches are warm and "before" is a settled figure.
    await readExport(headers);
    await sleep(1000);
    const before = residentMb(api.pid);
    let peak = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, residentMb(api.pid));
        await sleep(20);
      }
    })();
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: Number(args.exports) }, () => readExport(headers)),
    );
    const seconds = (performance.now() - started) / 1000;
    sampling = false;
    await sampler;
    log(
      `${args.exports} concurrent ${args.format} exports of ${rows.toLocaleString('en')} rows` +
        `${args.slow ? ', slow clients' : ''} (${args.main}):`,
    );
    for (const result of results) {
      log(
        `  ${result.status} ${(result.bytes / 2 ** 20).toFixed(1)} MiB` +
          (result.retryAfter ? ` Retry-After: ${result.retryAfter}` : ''),
      );
    }
    log(
      `  resident before ${before.toFixed(0)} MB, peak ${peak.toFixed(0)} MB ` +
        `(VmHWM ${residentMb(api.pid, 'VmHWM').toFixed(0)} MB), ${seconds.toFixed(1)} s`,
    );
  } finally {
    api.kill('SIGTERM');
    await new Promise((done) => api.once('exit', done));
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
