// Preloaded into a server by tools/bench/tail.mjs (`node -r ./tools/bench/tail-probe.cjs …`):
// what stretches the tail while it serves a steady rate. A first SIGUSR2 starts a measured
// stretch, the next writes it as JSON to TAIL_PROBE_OUT: GC pauses by kind (perf_hooks), the
// event loop's delay histogram (monitorEventLoopDelay), the heap's spaces, and how many calls
// were already waiting for one of the pg pool's connections when a call asked for one.
const { monitorEventLoopDelay, PerformanceObserver, constants } = require('node:perf_hooks');
const { writeFileSync } = require('node:fs');
const v8 = require('node:v8');

const KINDS = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};
let gc = {};
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = KINDS[entry.detail?.kind ?? entry.kind] ?? 'other';
    const stats = (gc[kind] ??= { count: 0, totalMs: 0, maxMs: 0 });
    stats.count += 1;
    stats.totalMs += entry.duration;
    stats.maxMs = Math.max(stats.maxMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });

let measuring = false;
let poolWaits = [];
try {
  // The same module the server's pg loads (both resolve to the root's node_modules).
  const Pool = require('pg-pool');
  const connect = Pool.prototype.connect;
  Pool.prototype.connect = function (...args) {
    if (measuring) poolWaits.push(this.waitingCount);
    return connect.apply(this, args);
  };
} catch {
  // A server without pg (none of ours): no pool figures.
}
process.on('SIGUSR2', () => {
  measuring = !measuring;
  if (measuring) {
    gc = {};
    poolWaits = [];
    delay.reset();
    return;
  }
  const ms = (ns) => ns / 1e6;
  writeFileSync(
    process.env.TAIL_PROBE_OUT,
    JSON.stringify({
      gc,
      loopDelay: {
        p50: ms(delay.percentile(50)),
        p99: ms(delay.percentile(99)),
        max: ms(delay.max),
      },
      pool: poolWaitsSummary(),
      memory: Object.fromEntries(
        Object.entries(process.memoryUsage()).map(([name, bytes]) => [name, bytes / 2 ** 20]),
      ),
      heap: Object.fromEntries(
        v8.getHeapSpaceStatistics().map((space) => [space.space_name, space.space_size / 2 ** 20]),
      ),
    }),
  );
});

/** Of the connection requests in the stretch: how many found others waiting, and the most. */
function poolWaitsSummary() {
  const sorted = [...poolWaits].sort((a, b) => a - b);
  return {
    asked: sorted.length,
    queued: sorted.filter((waiting) => waiting > 0).length,
    p99: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
    max: sorted.at(-1) ?? 0,
  };
}
