// The tail at a steady 100 queue pages/s: the API under a few sets of Node.js flags and
// environments, one after another on the bench's data, each with what stretched its tail
// (tools/bench/tail-probe.cjs: GC pauses, the event loop's delay) and its peak memory; then the
// baseline the same way. Run under the bench's lock (it uses the bench's database):
//
//   flock /tmp/bench.lock node tools/bench/tail.mjs [--seconds 20] [--variants start,semi16]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { apiNodeFlags, apiUrlOf, openBenchServer, prepareBenchData } from './database.mjs';
import { BENCH_PASSWORD } from './generate.mjs';
import { runSteady } from './load.mjs';
import { waitForHealth } from './processes.mjs';
import { queuePath } from './scenarios.mjs';
import { signIn } from './session.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    rate: { type: 'string', default: '100' },
    variants: { type: 'string' },
  },
});
const log = (message) => process.stdout.write(`${message}\n`);
const PORT = 3473;
const BASE = `http://127.0.0.1:${PORT}`;
const PROBE = join(root, 'tools', 'bench', 'tail-probe.cjs');

const start = apiNodeFlags(root);
const withoutHeapCap = start.filter((flag) => !flag.startsWith('--max-old-space-size'));
const withPretenuring = start.filter((flag) => flag !== '--no-allocation-site-pretenuring');
/** What to compare: `npm start`'s flags, and changes to them one at a time. */
const VARIANTS = {
  start: { flags: start },
  semi4: { flags: [...start, '--max-semi-space-size=4'] },
  semi8: { flags: [...start, '--max-semi-space-size=8'] },
  semi16: { flags: [...start, '--max-semi-space-size=16'] },
  'no-log': { flags: start, env: { LOG_LEVEL: 'warn' } },
  'no-cap': { flags: withoutHeapCap },
  pretenuring: { flags: withPretenuring },
};
const API = { main: 'dist/apps/api/main.js' };
const BASELINE = {
  main: join('apps', 'api', 'src', 'bench', 'baseline-server.ts'),
  flags: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
  env: { TS_NODE_PROJECT: 'apps/api/tsconfig.app.json' },
};

const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const peakMb = (pid) =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/** One server under one variant: warm-up, then a measured steady stretch. */
async function measure(name, { flags, env = {}, main }, url, headersFor) {
  const out = join(tmpdir(), `tail-probe-${process.pid}-${name}.json`);
  const child = spawn('node', [...flags, '-r', PROBE, main], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      DATABASE_APP_URL: apiUrlOf(url),
      PORT: String(PORT),
      NODE_ENV: 'production',
      DEMO_DATA: 'false',
      REMINDER_SCAN_MINUTES: '0',
      TAIL_PROBE_OUT: out,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await waitForHealth(BASE);
    const headers = await headersFor();
    const steady = { url: BASE, path: queuePath(0), headers, rate: Number(args.rate) };
    // Warm the JIT one call at a time first: a cold server behind an open-loop rate falls behind,
    // and the backlog's live answers make every scavenge dear (see docs/performance.md).
    for (let call = 0; call < 300; call += 1) {
      await (await fetch(new URL(steady.path, BASE), { headers })).arrayBuffer();
    }
    await runSteady({ ...steady, seconds: 5 });
    child.kill('SIGUSR2');
    const cpu = cpuMs(child.pid);
    const result = await runSteady({ ...steady, seconds: Number(args.seconds) });
    const cpuPerRequest = (cpuMs(child.pid) - cpu) / Math.max(1, result.ok + result.failed);
    const peak = peakMb(child.pid);
    child.kill('SIGUSR2');
    for (let wait = 0; wait < 50 && !existsSync(out); wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill('SIGTERM');
    await exited;
    const probe = JSON.parse(readFileSync(out, 'utf8'));
    rmSync(out, { force: true });
    const gc = Object.entries(probe.gc)
      .map(
        ([kind, s]) => `${kind} ${s.count}× ${s.totalMs.toFixed(0)} ms (max ${s.maxMs.toFixed(1)})`,
      )
      .join(', ');
    log(
      `${name.padEnd(9)} p50 ${result.p50.toFixed(1)} p95 ${result.p95.toFixed(1)} p99 ${result.p99.toFixed(1)} ms, ` +
        `CPU ${cpuPerRequest.toFixed(2)} ms/request, peak ${peak.toFixed(0)} MB` +
        `${result.failed ? `, ${result.failed} failed` : ''}\n` +
        `          event loop delay p99 ${probe.loopDelay.p99.toFixed(1)} max ${probe.loopDelay.max.toFixed(1)} ms; ` +
        `GC: ${gc || 'none'}; new space ${probe.heap.new_space.toFixed(1)} MB\n` +
        `          pool: ${probe.pool.queued} of ${probe.pool.asked} connection requests found others ` +
        `waiting (p99 ${probe.pool.p99}, max ${probe.pool.max} waiting)\n` +
        `          at the end (MB): ${Object.entries(probe.heap)
          .filter(([, mb]) => mb >= 1)
          .map(([space, mb]) => `${space} ${mb.toFixed(0)}`)
          .join(', ')}; ${['rss', 'heapUsed', 'external', 'arrayBuffers']
          .map((name) => `${name} ${probe.memory[name].toFixed(0)}`)
          .join(', ')}`,
    );
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
  }
}

async function main() {
  const server = await openBenchServer(root);
  const client = await prepareBenchData(root, server.url, { log });
  await client.end();
  let headers;
  const signedIn = async () =>
    (headers ??= await signIn(BASE, 'bench.specialist1', BENCH_PASSWORD));
  try {
    const names = args.variants?.split(',') ?? Object.keys(VARIANTS);
    log(`A steady ${args.rate} queue pages/s for ${args.seconds} s after 5 s of warm-up:`);
    for (const name of names) {
      await measure(name, { ...VARIANTS[name], ...API }, server.url, signedIn);
    }
    // The baseline answers the API's session cookie, so the API signs in first.
    await measure('baseline', BASELINE, server.url, signedIn);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
