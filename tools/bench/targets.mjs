// Issue 17's targets, checked against one bench run's figures and printed as its last table.

const QUEUE = 'queue, first page with its total';
const HISTORY = "a request's history";
const MOVES = 'decision moves';

/** The first page's JavaScript may not grow past what it was when issue 17 was filed. */
export const FIRST_PAGE_JS_KB = { raw: 347, gzip: 109 };

const fixed = (digits) => (value) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

/**
 * `figures`: { scenarios: { [name]: { api: { rps, server }, baseline: { rps, server } } },
 * steady: { api, baseline } (p99 ms), peakMemoryMb, browser: measureBrowser's answer }.
 * Returns one row per target; a figure this run did not measure (`--only`, `--no-browser`)
 * is "not measured" rather than a pass or a fail.
 */
export function checkTargets(figures) {
  const rows = [];
  const add = (target, api, baseline, ratio, holds, unit, digits = 1) =>
    rows.push({ target, api, baseline, ratio, holds, unit, digits });
  for (const [name, label] of [
    [QUEUE, 'server CPU per request, queue first page ≤ 1.5× baseline'],
    [HISTORY, "server CPU per request, a request's history ≤ 1.5× baseline"],
  ]) {
    const run = figures.scenarios[name];
    const ratio = run ? run.api.server / run.baseline.server : undefined;
    add(label, run?.api.server, run?.baseline.server, ratio, run && ratio <= 1.5, 'ms', 2);
  }
  const moves = figures.scenarios[MOVES];
  const movesRatio = moves ? moves.api.rps / moves.baseline.rps : undefined;
  add(
    'decision moves ≥ 0.8× baseline',
    moves?.api.rps,
    moves?.baseline.rps,
    movesRatio,
    moves && movesRatio >= 0.8,
    '/s',
    0,
  );
  add(
    'decision moves ≥ 700/s',
    moves?.api.rps,
    undefined,
    undefined,
    moves && moves.api.rps >= 700,
    '/s',
    0,
  );
  const steady = figures.steady;
  const steadyRatio = steady ? steady.api / steady.baseline : undefined;
  add(
    'steady 100 queue pages/s, p99 ≤ 1.3× baseline',
    steady?.api,
    steady?.baseline,
    steadyRatio,
    steady && steadyRatio <= 1.3,
    'ms',
    1,
  );
  add(
    'API peak memory ≤ 200 MB',
    figures.peakMemoryMb,
    undefined,
    undefined,
    figures.peakMemoryMb <= 200,
    'MB',
    0,
  );
  const browser = figures.browser;
  add(
    `first queue row in Chromium ≤ 300 ms warm (cold ${browser ? fixed(0)(browser.coldFirstRowMs) + ' ms' : '–'})`,
    browser?.firstRowMs,
    undefined,
    undefined,
    browser && browser.firstRowMs <= 300,
    'ms',
    0,
  );
  for (const kind of ['raw', 'gzip']) {
    const kB = browser ? browser.firstPageJs[`${kind}Bytes`] / 1024 : undefined;
    add(
      `first page's JavaScript ≤ ${FIRST_PAGE_JS_KB[kind]} kB ${kind}`,
      kB,
      undefined,
      undefined,
      browser && kB <= FIRST_PAGE_JS_KB[kind],
      'kB',
      0,
    );
  }
  return rows;
}

/** The rows as aligned lines of text. */
export function formatTargets(rows) {
  const cells = rows.map((row) => [
    row.target,
    Number.isFinite(row.api) ? `${fixed(row.digits)(row.api)} ${row.unit}` : '–',
    Number.isFinite(row.baseline) ? `${fixed(row.digits)(row.baseline)} ${row.unit}` : '–',
    Number.isFinite(row.ratio) ? `${fixed(2)(row.ratio)}×` : '–',
    row.holds === undefined ? 'not measured' : row.holds ? 'holds' : 'MISSED',
  ]);
  const header = ['target', 'API', 'baseline', 'ratio', ''];
  const widths = header.map((_, i) => Math.max(...[header, ...cells].map((c) => c[i].length)));
  const line = (c) =>
    c.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return ["Issue 17's targets (this run):", line(header), ...cells.map(line)];
}
