// One load run with autocannon, measured from this process: requests per second and latency
// percentiles taken from every response (autocannon's own summary has no 95th percentile).
import autocannon from 'autocannon';
import http from 'node:http';

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/**
 * Runs `options` (autocannon's: url, connections, duration, requests, overallRate…) and returns
 * { rps, p50, p95, p99, ok, failed }. Any status but 2xx counts as failed.
 */
export function runLoad(options) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let ok = 0;
    let failed = 0;
    const statuses = {};
    const started = performance.now();
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error);
      const seconds = (performance.now() - started) / 1000;
      const sorted = Float64Array.from(latencies).sort();
      resolve({
        rps: (ok + failed) / seconds,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        ok,
        failed: failed + result.errors + result.timeouts,
        statuses: { ...statuses, errors: result.errors, timeouts: result.timeouts },
      });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode >= 200 && statusCode < 300) ok += 1;
      else {
        failed += 1;
        statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      }
    });
  });
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * An open-loop load at a steady rate: a request every 1000/rate ms whether or not the earlier
 * ones have answered (autocannon's rate limit sends each second's share in a burst, which
 * measures its own queueing). Returns latency percentiles in ms.
 */
export async function runSteady({ url, path, headers, rate, seconds }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL(path, url);
  const latencies = [];
  let ok = 0;
  let failed = 0;
  const one = () =>
    new Promise((resolve) => {
      const started = performance.now();
      const request = http.get(target, { agent, headers }, (response) => {
        response.resume();
        response.on('end', () => {
          latencies.push(performance.now() - started);
          if (response.statusCode >= 200 && response.statusCode < 300) ok += 1;
          else failed += 1;
          resolve();
        });
      });
      request.on('error', () => {
        failed += 1;
        resolve();
      });
    });
  const pending = [];
  const start = performance.now();
  for (let n = 0; n < rate * seconds; n += 1) {
    const due = start + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(one());
  }
  await Promise.all(pending);
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    ok,
    failed,
  };
}
