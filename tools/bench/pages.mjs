// Cold loads of the product's main pages in Chromium under a phone and a desktop profile (Chrome
// DevTools Protocol: CPU throttling and network conditions), each page three times in a fresh
// browser context (empty cache): bytes transferred, largest contentful paint, cumulative layout
// shift and total blocking time, as medians.
import { chromium } from 'playwright-core';

import { median } from './load.mjs';

const EXECUTABLE = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const PROFILES = {
  // A mid-range phone on a poor mobile network: 4× slower CPU, 1.6 Mbit/s down, 150 ms round trips.
  phone: {
    cpu: 4,
    network: { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
    context: {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
    },
  },
  // A school laptop on the school's network: no CPU slow-down, 10 Mbit/s, 40 ms round trips.
  desktop: {
    cpu: 1,
    network: { latency: 40, downloadThroughput: 10_000_000 / 8, uploadThroughput: 10_000_000 / 8 },
    context: { viewport: { width: 1440, height: 900 } },
  },
};

/**
 * Runs in every page before its own scripts: the largest contentful paint, layout shifts (as
 * CLS's largest session window: shifts less than 1 s apart, at most 5 s) and long tasks.
 */
function observePaints() {
  const perf = { lcp: 0, shifts: [], longTasks: [], fcp: 0 };
  window.__benchPerf = perf;
  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({
        type,
        buffered: true,
      });
    } catch {
      // not supported
    }
  };
  observe('largest-contentful-paint', (entry) => (perf.lcp = entry.startTime));
  observe('layout-shift', (entry) => {
    if (!entry.hadRecentInput) perf.shifts.push({ time: entry.startTime, value: entry.value });
  });
  observe('longtask', (entry) =>
    perf.longTasks.push({ start: entry.startTime, duration: entry.duration }),
  );
  observe('paint', (entry) => {
    if (entry.name === 'first-contentful-paint') perf.fcp = entry.startTime;
  });
}

function cumulativeLayoutShift(shifts) {
  let worst = 0;
  let window = { start: -Infinity, last: -Infinity, sum: 0 };
  for (const shift of shifts) {
    if (shift.time - window.last > 1000 || shift.time - window.start > 5000) {
      window = { start: shift.time, last: shift.time, sum: 0 };
    }
    window.sum += shift.value;
    window.last = shift.time;
    worst = Math.max(worst, window.sum);
  }
  return worst;
}

/** Blocking time of the long tasks after the first contentful paint (their time past 50 ms). */
function totalBlockingTime(longTasks, fcp) {
  return longTasks
    .filter((task) => task.start + task.duration > fcp)
    .reduce(
      (sum, task) => sum + Math.max(0, task.start + task.duration - Math.max(task.start, fcp) - 50),
      0,
    );
}

/** Signs the context in through the API, as the sign-in page would (cookies land in the context). */
async function signInContext(context, baseUrl, username, password) {
  await context.request.get(`${baseUrl}/api/auth/config`);
  const xsrf = (await context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
  const response = await context.request.post(`${baseUrl}/api/auth/login`, {
    data: { username, password },
    headers: { 'x-xsrf-token': xsrf ?? '' },
  });
  if (!response.ok()) throw new Error(`sign-in as ${username}: ${response.status()}`);
}

/** Waits until no request has been in flight for `quietMs` (at most `maxMs`). */
async function networkQuiet(tracker, quietMs = 1000, maxMs = 30_000) {
  const started = Date.now();
  while (Date.now() - started < maxMs) {
    if (tracker.inFlight.size === 0 && Date.now() - tracker.lastActivity >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function coldLoad(browser, baseUrl, page, profile, password) {
  const context = await browser.newContext({ ...profile.context, locale: 'sv-SE' });
  try {
    if (page.account) await signInContext(context, baseUrl, page.account, password);
    await context.addInitScript(observePaints);
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    const tracker = {
      inFlight: new Map(),
      lastActivity: Date.now(),
      bytes: { script: 0, total: 0 },
    };
    const types = new Map();
    const errors = [];
    tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    cdp.on('Network.requestWillBeSent', (event) => {
      tracker.inFlight.set(event.requestId, true);
      types.set(event.requestId, event.type);
      tracker.lastActivity = Date.now();
    });
    const finish = (event) => {
      tracker.inFlight.delete(event.requestId);
      tracker.lastActivity = Date.now();
    };
    cdp.on('Network.loadingFinished', (event) => {
      finish(event);
      tracker.bytes.total += event.encodedDataLength;
      if (types.get(event.requestId) === 'Script') tracker.bytes.script += event.encodedDataLength;
    });
    cdp.on('Network.loadingFailed', finish);
    await tab.goto(`${baseUrl}${page.path}`, { waitUntil: 'load', timeout: 60_000 });
    await tab.locator(page.ready).first().waitFor({ timeout: 60_000 });
    const scriptAtReady = tracker.bytes.script;
    const failed = await tab.locator('main [role="alert"]').count();
    await networkQuiet(tracker);
    // Give the last paint a frame, then read what the observers saw.
    await tab.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))),
    );
    const perf = await tab.evaluate(() => window.__benchPerf);
    return {
      scriptBytes: tracker.bytes.script,
      scriptAtReady,
      totalBytes: tracker.bytes.total,
      lcp: perf.lcp,
      cls: cumulativeLayoutShift(perf.shifts),
      tbt: totalBlockingTime(perf.longTasks, perf.fcp),
      errors,
      failed,
    };
  } finally {
    await context.close();
  }
}

/**
 * The pages, with who opens them and what shows that the page has its data. `ids` holds a
 * decided request (its page), an open request (the decision panel) and an agreement.
 */
export function benchPages(ids) {
  const specialist = 'bench.specialist1';
  return [
    { name: 'sign-in', path: '/logga-in', ready: 'input[autocomplete="username"]' },
    { name: 'public list', path: '/tjanster', ready: 'main table tbody tr, main li' },
    { name: 'start page', path: '/', account: 'bench.skola2', ready: 'main h1' },
    { name: 'queue', path: '/beslut', account: specialist, ready: '[role="gridcell"]' },
    {
      name: 'decision panel',
      path: `/beslut?begaran=${ids.openRequest}`,
      account: specialist,
      ready: 'lr-request-panel h2',
    },
    {
      name: 'a request',
      path: `/begaranden/${ids.request}`,
      account: specialist,
      ready: 'main h1',
    },
    {
      name: 'agreements',
      path: '/avtal',
      account: 'bench.procurement1',
      ready: '[role="gridcell"]',
    },
    {
      name: 'an agreement',
      path: `/avtal/${ids.agreement}`,
      account: 'bench.procurement1',
      ready: 'main h1',
    },
    { name: 'request form', path: '/begaranden/ny', account: 'bench.skola2', ready: 'main form' },
    // The key figures (or, before them, the first part; or the alert when the figures fail).
    {
      name: 'dashboard',
      path: '/oversikt',
      account: specialist,
      ready: 'main ul[aria-label="Nyckeltal"][aria-busy="false"], main h2, main [role="alert"]',
    },
  ];
}

const kB = (bytes) => (bytes / 1024).toFixed(0);

/** Measures every page under every profile; returns rows and prints a table through `log`. */
export async function measurePages(
  baseUrl,
  ids,
  password,
  { runs = 3, log, only, profiles = Object.keys(PROFILES) } = {},
) {
  const browser = await chromium.launch({ executablePath: EXECUTABLE });
  const rows = [];
  try {
    for (const profileName of profiles) {
      const profile = PROFILES[profileName];
      for (const page of benchPages(ids).filter(
        (p) => !only || only.some((w) => p.name.includes(w)),
      )) {
        const samples = [];
        for (let run = 0; run < runs; run += 1) {
          try {
            samples.push(await coldLoad(browser, baseUrl, page, profile, password));
          } catch (error) {
            log?.(
              `  ${profileName} ${page.name}: run ${run + 1} failed: ${error.message.split('\n')[0]}`,
            );
          }
        }
        if (samples.length === 0) continue;
        const m = (key) => median(samples.map((sample) => sample[key]));
        const row = {
          profile: profileName,
          page: page.name,
          jsKb: kB(m('scriptBytes')),
          jsAtReadyKb: kB(m('scriptAtReady')),
          totalKb: kB(m('totalBytes')),
          lcpMs: m('lcp').toFixed(0),
          cls: m('cls').toFixed(3),
          tbtMs: m('tbt').toFixed(0),
          consoleErrors: samples[0].errors.length,
          failed: samples.some((sample) => sample.failed),
        };
        rows.push(row);
        log?.(
          `  ${profileName.padEnd(7)} ${page.name.padEnd(15)} JS ${row.jsKb.padStart(5)} kB ` +
            `(${row.jsAtReadyKb} kB when ready) | total ${row.totalKb.padStart(5)} kB | ` +
            `LCP ${row.lcpMs.padStart(5)} ms | CLS ${row.cls} | TBT ${row.tbtMs.padStart(5)} ms` +
            (row.consoleErrors ? ` | console errors: ${row.consoleErrors}` : '') +
            (row.failed ? ' | the page showed an error' : ''),
        );
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}
