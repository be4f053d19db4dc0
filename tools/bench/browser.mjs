// The browser side of the bench, in Debian's Chromium: how long from navigation to the decision
// queue's first row, and how much JavaScript the first page loads.
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

import { median } from './load.mjs';

const EXECUTABLE = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const kB = (bytes) => `${(bytes / 1024).toFixed(0)} kB`;

/**
 * The scripts a page loads while `action` runs, summed: raw bytes, and bytes after gzip (what
 * a server compressing its answers would send). Read again from the server afterwards, as the
 * browser may have let go of a body by then.
 */
async function scriptsLoadedBy(page, action) {
  const urls = new Set();
  const listener = (response) => {
    if (response.request().resourceType() === 'script') urls.add(response.url());
  };
  page.on('response', listener);
  await action();
  page.off('response', listener);
  const bodies = await Promise.all(
    [...urls].map(async (url) => Buffer.from(await (await fetch(url)).arrayBuffer())),
  );
  const rawBytes = bodies.reduce((sum, body) => sum + body.length, 0);
  const gzipBytes = bodies.reduce((sum, body) => sum + gzipSync(body).length, 0);
  return { files: bodies.length, rawBytes, gzipBytes, raw: kB(rawBytes), gzip: kB(gzipBytes) };
}

/** Milliseconds from the navigation's start to the first row of the queue grid on screen. */
async function timeToFirstQueueRow(page, baseUrl) {
  await page.goto(`${baseUrl}/beslut`, { waitUntil: 'commit' });
  // Polled every animation frame in the page, so the time is the frame the row was painted in.
  const shown = await page.waitForFunction(
    () =>
      document.querySelector('[role="gridcell"][col-id="toolName"]')?.textContent?.trim() &&
      performance.now(),
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  return shown.jsonValue();
}

export async function measureBrowser(baseUrl, username, password) {
  const browser = await chromium.launch({ executablePath: EXECUTABLE });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const firstPageJs = await scriptsLoadedBy(page, async () => {
      await page.goto(`${baseUrl}/logga-in`);
      await page.getByLabel('Användarnamn').waitFor();
    });
    await page.getByLabel('Användarnamn').fill(username);
    await page.getByLabel('Lösenord', { exact: true }).fill(password);
    let coldFirstRowMs = 0;
    const queueJs = await scriptsLoadedBy(page, async () => {
      await page.getByRole('button', { name: 'Logga in', exact: true }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/logga-in'));
      coldFirstRowMs = await timeToFirstQueueRow(page, baseUrl);
    });
    const samples = [];
    for (let run = 0; run < 5; run += 1) samples.push(await timeToFirstQueueRow(page, baseUrl));
    return {
      firstPageJs,
      queueJs,
      coldFirstRowMs,
      firstRowMs: median(samples),
      samples: samples.length,
    };
  } finally {
    await browser.close();
  }
}
