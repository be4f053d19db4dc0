// `npm run bench`: the API and a bare node:http + pg baseline on a large generated municipality,
// loaded in turns by autocannon from this process. See docs/performance.md.
//
//   node tools/bench/run.mjs [--rounds 3] [--seconds 10] [--only queue,moves] [--no-browser]
//                            [--regenerate] [--pages queue,dashboard] [--page-runs 3]
//                            [--profiles phone,desktop] [--cpu-profile] [--municipalities 20]
// `--municipalities N` runs on a database of its own with N generated municipalities (see
// scaleFor in generate.mjs), signed in to the first one.
// `--cpu-profile` runs the API under V8's profiler (its figures then include the profiler's
// cost) and prints, per scenario, the top frames by self time during the API's last measured run;
// the whole profile is kept in .data/profiles.
// `--only browser` runs the browser part alone; `--only import` adds tools/bench/import.mjs;
// `--only documents` uploads and downloads a 20 MB document (tools/bench/documents.mjs).
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';

import { measureBrowser } from './browser.mjs';
import {
  apiNodeFlags,
  apiUrlOf,
  benchDatabaseFor,
  openBenchServer,
  prepareBenchData,
} from './database.mjs';
import { measureDocuments } from './documents.mjs';
import { BENCH_MUNICIPALITY, BENCH_PASSWORD, rowCounts, scaleFor } from './generate.mjs';
import { median, runLoad, runSteady } from './load.mjs';
import { measurePages } from './pages.mjs';
import { startProcess, waitForHealth } from './processes.mjs';
import { formatSummary, profileClock, summariseProfile } from './profile.mjs';
import {
  DEEP_OFFSETS,
  agreementsPath,
  queueAfterPath,
  queueCursors,
  queuePath,
  scenarios,
} from './scenarios.mjs';
import { signIn } from './session.mjs';
import { checkTargets, formatTargets } from './targets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    only: { type: 'string' },
    'no-browser': { type: 'boolean', default: false },
    regenerate: { type: 'boolean', default: false },
    pages: { type: 'string' },
    'page-runs': { type: 'string', default: '3' },
    profiles: { type: 'string' },
    'cpu-profile': { type: 'boolean', default: false },
    municipalities: { type: 'string', default: '1' },
  },
});
const rounds = Number(args.rounds);
const seconds = Number(args.seconds);
const municipalities = Number(args.municipalities);
// The deep blocks in proportion to the signed-in municipality's requests (a tenth of them each
// with several municipalities: its queue is too short for rows 5,000 to 9,500).
const deepOffsets = DEEP_OFFSETS.map(
  (offset) => (offset * scaleFor(municipalities).requests) / scaleFor(1).requests,
);
const log = (message) => process.stdout.write(`${message}\n`);

const BASELINE = join('apps', 'api', 'src', 'bench', 'baseline-server.ts');
const API_PORT = 3471;
const BASELINE_PORT = 3472;
// Linux counts process CPU time in clock ticks of 1/100 s.
const CLOCK_TICKS = 100;
const targets = {
  api: `http://127.0.0.1:${API_PORT}`,
  baseline: `http://127.0.0.1:${BASELINE_PORT}`,
};

const API_NODE_FLAGS = apiNodeFlags(root);
const PROFILE_DIR = join(root, '.data', 'profiles');
const profileName = `api-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`;

/** CPU time a process has used, in ms (utime + stime from /proc). */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** CPU time the whole machine has spent busy, in ms (from /proc/stat). */
function machineCpuMs() {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / CLOCK_TICKS;
}

/**
 * Runs a load and adds the CPU ms per request spent by the server, by this load generator, and
 * by the rest of the machine (PostgreSQL, nearly all of it).
 */
async function measured(options, serverPid) {
  const [server, machine, generator] = [cpuMs(serverPid), machineCpuMs(), process.cpuUsage()];
  const result = await runLoad(options);
  const calls = Math.max(1, result.ok + result.failed);
  const own = process.cpuUsage(generator);
  const serverMs = cpuMs(serverPid) - server;
  const generatorMs = (own.user + own.system) / 1000;
  return {
    ...result,
    cpu: {
      server: serverMs / calls,
      generator: generatorMs / calls,
      database: (machineCpuMs() - machine - serverMs - generatorMs) / calls,
    },
  };
}

/** Peak resident memory of a process so far (VmHWM), in MB. */
function peakMemoryMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}

async function prepareData(url) {
  const client = await prepareBenchData(root, url, {
    regenerate: args.regenerate,
    log,
    municipalities,
  });
  // Earlier runs' moves left dead rows behind: clear them, so that every run starts alike.
  await client.query('VACUUM (ANALYZE) request, event');
  await client.query('CHECKPOINT');
  const counts = await rowCounts(client);
  const historyIds = (
    await client.query(
      `SELECT id FROM request WHERE state <> 'DRAFT' AND ${OWN} ORDER BY number LIMIT 200 OFFSET 1000`,
    )
  ).rows.map((row) => row.id);
  const [openRequest] = (
    await client.query(
      `SELECT id FROM request WHERE state = 'QUEUED' AND ${OWN} ORDER BY number LIMIT 1`,
    )
  ).rows;
  const [agreement] = (
    await client.query(`SELECT id FROM agreement WHERE ${OWN} ORDER BY id LIMIT 1`)
  ).rows;
  const pageIds = { request: historyIds[0], openRequest: openRequest.id, agreement: agreement.id };
  return { client, counts, historyIds, pageIds };
}

/**
 * The bench's own client is the owner, outside row-level security: its picks of rows name the
 * municipality the bench signs in to.
 */
const OWN = `municipality_id = (SELECT id FROM municipality WHERE slug = '${BENCH_MUNICIPALITY}')`;

async function moveSlots(client) {
  const { rows } = await client.query(
    `SELECT id, state, version FROM request WHERE state IN ('IN_TRIAGE', 'QUEUED') AND ${OWN}
      ORDER BY number LIMIT 64`,
  );
  return rows;
}

/**
 * A move's answer must be what a read of the request gives right after it, from the API and
 * from the baseline alike: a request outside the moves' own, queued (or unqueued) by the API,
 * then moved back by the baseline, each answer compared with the API's read.
 */
async function checkSameMoveAnswers(client, specialist) {
  const [request] = (
    await client.query(
      `SELECT id FROM request WHERE state IN ('IN_TRIAGE', 'QUEUED') AND ${OWN}
        ORDER BY number OFFSET 64 LIMIT 1`,
    )
  ).rows;
  const headers = { ...specialist, 'content-type': 'application/json' };
  const read = async () => {
    const response = await fetch(`${targets.api}/api/requests/${request.id}`, { headers });
    return `${response.status} ${await response.text()}`;
  };
  for (const target of ['api', 'baseline']) {
    const before = JSON.parse((await read()).slice(4));
    const response = await fetch(`${targets[target]}/api/requests/${request.id}/moves`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        move: before.state === 'IN_TRIAGE' ? 'QUEUE' : 'UNQUEUE',
        version: before.version,
      }),
    });
    const answer = `${response.status} ${await response.text()}`;
    const after = await read();
    // The API writes a request from its OpenAPI schema, in the schema's order of fields; the
    // baseline with JSON.stringify. The API's own answer is compared byte for byte, the
    // baseline's as JSON.
    const same =
      target === 'api'
        ? answer === after
        : answer.slice(0, 4) === after.slice(0, 4) &&
          isDeepStrictEqual(JSON.parse(answer.slice(4)), JSON.parse(after.slice(4)));
    if (!same) {
      throw new Error(
        `The ${target}'s move answers other than a read after it:\n${answer.slice(0, 300)}\n${after.slice(0, 300)}`,
      );
    }
  }
}

/**
 * The baseline must answer what the API answers, or the comparison means nothing: the same status
 * and the same JSON in as many bytes. The API writes these answers from their OpenAPI schemas
 * (fields in the schema's order), the baseline with JSON.stringify (in the row mapping's order).
 */
const sameAnswer = (api, baseline) =>
  api.status === baseline.status &&
  Buffer.byteLength(api.text) === Buffer.byteLength(baseline.text) &&
  isDeepStrictEqual(JSON.parse(api.text), JSON.parse(baseline.text));

async function checkSameAnswers(specialist, procurement, historyId, deepCursors) {
  const calls = [
    [queuePath(0), specialist],
    [queuePath(300), specialist],
    [queueAfterPath(deepCursors[0]), specialist],
    [agreementsPath, procurement],
    [`/api/requests/${historyId}/events`, specialist],
  ];
  for (const [path, headers] of calls) {
    const [api, baseline] = await Promise.all(
      [targets.api, targets.baseline].map(async (base) => {
        const response = await fetch(`${base}${path}`, { headers });
        return { status: response.status, text: await response.text() };
      }),
    );
    if (!sameAnswer(api, baseline)) {
      throw new Error(
        `The baseline answers ${path} differently from the API:\n${api.status} ${api.text.slice(0, 300)}\n${baseline.status} ${baseline.text.slice(0, 300)}`,
      );
    }
  }
  // And a block read after its cursor is the block read by offset.
  const [byOffset, byKey] = await Promise.all(
    [queuePath(deepOffsets[0]), queueAfterPath(deepCursors[0])].map(async (path) =>
      (await fetch(`${targets.api}${path}`, { headers: specialist })).text(),
    ),
  );
  if (byOffset !== byKey) {
    throw new Error(`The queue's block at ${deepOffsets[0]} differs by offset and by cursor`);
  }
}

const format = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

async function main() {
  log(`Licensregistret bench — ${new Date().toISOString()}`);
  log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  const server = await openBenchServer(root, benchDatabaseFor(municipalities));
  const { client, counts, historyIds, pageIds } = await prepareData(server.url);
  log(
    `Data: ${Object.entries(counts)
      .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
      .join(', ')}`,
  );

  const env = { DATABASE_URL: server.url, DATABASE_APP_URL: apiUrlOf(server.url) };
  const profiling = args['cpu-profile']
    ? (mkdirSync(PROFILE_DIR, { recursive: true }),
      ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${profileName}`])
    : [];
  const api = startProcess(
    'The API',
    'node',
    [...API_NODE_FLAGS, ...profiling, 'dist/apps/api/main.js'],
    {
      ...env,
      PORT: String(API_PORT),
      NODE_ENV: 'production',
      DEMO_DATA: 'false',
      REMINDER_SCAN_MINUTES: '0',
    },
    // BENCH_API_LOG=<file> keeps the API's request log (its stdout) there.
    process.env.BENCH_API_LOG ? openSync(process.env.BENCH_API_LOG, 'w') : 'ignore',
  );
  // The API makes its database login as it starts; the baseline connects with it.
  await waitForHealth(targets.api).catch(async (error) => {
    await api.stop();
    await server.stop();
    throw error;
  });
  // TypeScript run as it is (ts-node), so that it imports the API's own SQL and row mappings.
  const baseline = startProcess(
    'The baseline',
    'node',
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', BASELINE],
    { ...env, PORT: String(BASELINE_PORT), TS_NODE_PROJECT: 'apps/api/tsconfig.app.json' },
  );
  const stopAll = async () => {
    api.stop();
    baseline.stop();
    // The API writes its profile as it exits.
    await Promise.race([api.exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await client.end();
    await server.stop();
  };
  const figures = { scenarios: {} };
  // The stretches of the profile to summarise: each scenario's last measured API run.
  const windows = [];
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => stopAll().finally(() => process.exit(1)));
  }
  try {
    await Promise.all([waitForHealth(targets.api), waitForHealth(targets.baseline)]);
    const specialist = await signIn(
      targets.api,
      'bench.specialist1',
      BENCH_PASSWORD,
      BENCH_MUNICIPALITY,
    );
    const procurement = await signIn(
      targets.api,
      'bench.procurement1',
      BENCH_PASSWORD,
      BENCH_MUNICIPALITY,
    );
    const deepCursors = await queueCursors(targets.api, specialist, deepOffsets);
    await checkSameAnswers(specialist, procurement, historyIds[0], deepCursors);
    await checkSameMoveAnswers(client, specialist);
    log(
      'The baseline gives the same answers as the API (queue pages, by offset and after a ' +
        'cursor, agreements, history, a move).',
    );

    const chosen = args.only?.split(',');
    if (!chosen || chosen.some((word) => 'steady'.includes(word))) {
      // Latency when not saturated: a steady 100 requests per second on the queue's first page,
      // measured first, on a settled database (the write scenarios leave vacuuming behind),
      // after a warm-up at the same rate; the baseline too, to tell the server's share.
      for (const target of ['api', 'baseline']) {
        const steady = { url: targets[target], path: queuePath(0), headers: specialist, rate: 100 };
        await runSteady({ ...steady, seconds: 5 });
        const from = profileClock();
        const result = await runSteady({ ...steady, seconds: Math.max(seconds, 20) });
        if (target === 'api')
          windows.push({ name: 'queue at a steady 100 requests/s', from, to: profileClock() });
        figures.steady = { ...figures.steady, [target]: result.p99 };
        log(
          `queue at a steady 100 requests/s, ${target}: p50 ${format(result.p50)} ` +
            `p95 ${format(result.p95)} p99 ${format(result.p99)} ms ` +
            `(${result.ok} ok, ${result.failed} failed)`,
        );
      }
    }

    const scenarioFor = async (name) =>
      scenarios({
        specialist,
        procurement,
        historyIds,
        deepCursors,
        deepOffsets,
        // The moves start from the requests' states and versions as they are now.
        moveSlots: name === 'decision moves' ? await moveSlots(client) : [],
      })[name];
    const names = Object.keys(
      scenarios({ specialist, procurement, historyIds, moveSlots: [] }),
    ).filter((name) => !chosen || chosen.some((word) => name.includes(word)));
    for (const name of names) {
      const runs = { api: [], baseline: [] };
      // Alternate the two servers, the machine being noisy: api, baseline, api, baseline …
      for (let round = 0; round < rounds; round += 1) {
        for (const target of ['api', 'baseline']) {
          const url = targets[target];
          // A short warm-up, then the measured run (once the warm-up's last answers are in).
          await runLoad({ ...(await scenarioFor(name)), url, duration: 2 });
          await new Promise((resolve) => setTimeout(resolve, 500));
          const pid = target === 'api' ? api.pid : baseline.pid;
          const from = profileClock();
          runs[target].push(
            await measured({ ...(await scenarioFor(name)), url, duration: seconds }, pid),
          );
          if (target === 'api' && round === rounds - 1)
            windows.push({ name, from, to: profileClock() });
        }
      }
      const connections = (await scenarioFor(name)).connections;
      const m = (target, key) => median(runs[target].map((run) => run[key]));
      figures.scenarios[name] = Object.fromEntries(
        ['api', 'baseline'].map((target) => [
          target,
          { rps: m(target, 'rps'), server: median(runs[target].map((run) => run.cpu.server)) },
        ]),
      );
      const failed = [...runs.api, ...runs.baseline].reduce((sum, run) => sum + run.failed, 0);
      const cpu = (target) =>
        ['server', 'database', 'generator']
          .map((part) => `${part} ${format(median(runs[target].map((run) => run.cpu[part])), 2)}`)
          .join(', ');
      log(
        `${name} (${connections} connections): API ${format(m('api', 'rps'), 0)}/s ` +
          `p50 ${format(m('api', 'p50'))} p95 ${format(m('api', 'p95'))} p99 ${format(m('api', 'p99'))} ms | ` +
          `baseline ${format(m('baseline', 'rps'), 0)}/s p50 ${format(m('baseline', 'p50'))} ` +
          `p95 ${format(m('baseline', 'p95'))} p99 ${format(m('baseline', 'p99'))} ms | ` +
          `ratio ${format(m('api', 'rps') / m('baseline', 'rps'), 2)}` +
          `\n    CPU ms per request — API: ${cpu('api')}; baseline: ${cpu('baseline')}` +
          (failed
            ? ` | not 2xx: ${JSON.stringify(runs.api.map((run) => run.statuses))} / ${JSON.stringify(runs.baseline.map((run) => run.statuses))}`
            : ''),
      );
    }

    if (!chosen || chosen.includes('documents')) {
      await measureDocuments({
        base: targets.api,
        headers: procurement,
        agreementId: pageIds.agreement,
        pid: api.pid,
        runs: rounds,
        label: 'PostgreSQL storage',
        log,
      });
    }

    if (!args['no-browser']) {
      const browser = await measureBrowser(targets.api, 'bench.specialist1', BENCH_PASSWORD);
      figures.browser = browser;
      log(
        `browser: first queue row ${browser.firstRowMs.toFixed(0)} ms after navigation ` +
          `(median of ${browser.samples}, signed in, cache warm; cold ${browser.coldFirstRowMs.toFixed(0)} ms); ` +
          `JavaScript of the first page ${browser.firstPageJs.raw} raw / ${browser.firstPageJs.gzip} gzip; ` +
          `up to the queue ${browser.queueJs.raw} raw / ${browser.queueJs.gzip} gzip`,
      );
      log(
        `browser, cold loads (median of ${args['page-runs']}; bytes as transferred, JS also when ` +
          'the page shows its data):',
      );
      await measurePages(targets.api, pageIds, BENCH_PASSWORD, {
        runs: Number(args['page-runs']),
        only: args.pages?.split(','),
        profiles: args.profiles?.split(','),
        log,
      });
    }
    figures.peakMemoryMb = peakMemoryMb(api.pid);
    log(`API peak memory (resident): ${figures.peakMemoryMb.toFixed(0)} MB`);
    log(`Scale: ${municipalities} × ${JSON.stringify(scaleFor(municipalities))}`);
  } finally {
    await stopAll();
  }
  if (args['cpu-profile']) printProfiles(windows);
  log(formatTargets(checkTargets(figures)).join('\n'));
}

function printProfiles(windows) {
  const file = join(PROFILE_DIR, profileName);
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  log(`The API's CPU profile: ${file}`);
  for (const { name, from, to } of windows) {
    log(`${name}, the API's last measured run:`);
    log(
      formatSummary(summariseProfile(profile, { from, to, root }), 15)
        .map((line) => `    ${line}`)
        .join('\n'),
    );
  }
}

/** The import's own benchmark (tools/bench/import.mjs), on its own database, after the rest. */
function importBench() {
  if (args.only && !args.only.split(',').includes('import')) return Promise.resolve();
  return new Promise((done, fail) => {
    const child = spawn('node', [join('tools', 'bench', 'import.mjs')], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error('import bench failed'))));
  });
}

main()
  .then(importBench)
  .catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
