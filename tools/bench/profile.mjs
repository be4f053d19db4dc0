// A V8 CPU profile (.cpuprofile, as `node --cpu-prof` writes it) summed up by self time.
//
//   node tools/bench/profile.mjs <file.cpuprofile> [--top 25] [--from µs --to µs]
//
// The bench (`--cpu-profile`) cuts the API's profile to each scenario's measured API run: a
// profile's timestamps are microseconds of the system's monotonic clock, the clock of
// process.hrtime, so a window taken in another process lines up.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** Now on the clock of a profile's timestamps (µs). */
export const profileClock = () => Number(process.hrtime.bigint() / 1000n);

const frameName = ({ functionName, url, lineNumber }, root) => {
  const where = url
    ? `${url.startsWith('file://') ? relative(root, fileURLToPath(url)) : url.startsWith('/') ? relative(root, url) : url}:${lineNumber + 1}`
    : '';
  return `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
};

/** Which package or part a frame belongs to, for a coarser second summary. */
const frameGroup = ({ functionName, url }) => {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + 13).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  return 'the app';
};

/**
 * Self time per frame (function and place) and per group (package, node's own modules, the app,
 * GC and idle), over the samples between `from` and `to` (µs, the profile's clock).
 */
export function summariseProfile(
  profile,
  { from = -Infinity, to = Infinity, root = process.cwd() } = {},
) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const frames = new Map();
  const groups = new Map();
  let time = profile.startTime;
  let total = 0;
  let idle = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    time += profile.timeDeltas[i];
    // A sample's weight is the time until the next one.
    const weight = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (time < from || time > to) continue;
    const { callFrame } = nodes.get(profile.samples[i]);
    if (callFrame.functionName === '(idle)') {
      idle += weight;
      continue;
    }
    total += weight;
    const name = frameName(callFrame, root);
    frames.set(name, (frames.get(name) ?? 0) + weight);
    const group = frameGroup(callFrame);
    groups.set(group, (groups.get(group) ?? 0) + weight);
  }
  const sorted = (map) =>
    [...map].sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ name, ms, share: ms / total }));
  return { totalMs: total, idleMs: idle, frames: sorted(frames), groups: sorted(groups) };
}

/** The summary as lines: the top frames, then the groups. */
export function formatSummary(summary, top = 20) {
  const line = ({ name, ms, share }) =>
    `${(share * 100).toFixed(1).padStart(5)} % ${ms.toFixed(0).padStart(6)} ms  ${name}`;
  return [
    `busy ${summary.totalMs.toFixed(0)} ms, idle ${summary.idleMs.toFixed(0)} ms; top frames by self time:`,
    ...summary.frames.slice(0, top).map(line),
    'by package:',
    ...summary.groups.slice(0, 12).map(line),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      top: { type: 'string', default: '25' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
  });
  if (positionals.length !== 1) {
    process.stderr.write('usage: node tools/bench/profile.mjs <file.cpuprofile> [--top 25]\n');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
  const summary = summariseProfile(profile, {
    from: values.from ? Number(values.from) : undefined,
    to: values.to ? Number(values.to) : undefined,
  });
  process.stdout.write(`${formatSummary(summary, Number(values.top)).join('\n')}\n`);
}
