import {
  OREBRO,
  chooseMunicipality,
  expect,
  expectNoSeriousA11yViolations,
  signIn,
  test,
} from './fixtures';

/** How the built app reaches the browser: compressed, cached right, and quiet when signed out. */
test.describe('delivery of the web app', () => {
  test('a public page opened signed out logs no console error and no failed request', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      // A warning too: Chromium warns of a preload that the page did not use.
      if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });

    await page.goto('/logga-in');
    await expect(page.getByLabel('Användarnamn')).toBeVisible();
    // index.html asks who is signed in while the scripts load, and the app uses that answer
    // rather than asking again.
    const sessionLoads = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname === '/api/auth/session')
        .map((entry) => (entry as PerformanceResourceTiming).initiatorType),
    );
    expect(sessionLoads).toEqual(['link']);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('link', { name: 'Tjänster och beslut' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await chooseMunicipality(page, OREBRO);
    await expect(page.locator('main table tbody tr').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    expect(errors).toEqual([]);
  });

  test('the sign-in page and the request form load neither the grid nor the charts', async ({
    page,
  }) => {
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.url());
    });
    const loaded = async () =>
      Promise.all(scripts.map(async (url) => (await page.request.get(url)).text()));
    // ag-grid's own class name and Chart.js's dashed-line option: in their chunks alone.
    const heavy = (bodies: string[]) =>
      bodies.filter((body) => body.includes('ag-root-wrapper') || body.includes('borderDash'));

    await page.goto('/logga-in');
    await expect(page.getByLabel('Användarnamn')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    expect(scripts.length).toBeGreaterThan(0);
    expect(heavy(await loaded())).toEqual([]);

    await signIn(page, 'skola');
    await page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('link', { name: 'Begäranden' })
      .click();
    // The list has the grid; what the form adds must hold neither.
    await expect(page.locator('lr-server-grid .ag-root-wrapper')).toBeVisible();
    await page.waitForLoadState('networkidle');
    scripts.length = 0;
    await page.locator('main').getByRole('link', { name: 'Ny begäran' }).last().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny begäran');
    await expect(page.locator('main form')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    expect(scripts.length).toBeGreaterThan(0);
    expect(heavy(await loaded())).toEqual([]);
  });

  test('scripts come brotli- or gzip-compressed as accepted, cached for a year; index.html is not cached', async ({
    request,
  }) => {
    const index = await request.get('/', { headers: { 'Accept-Encoding': 'br, gzip' } });
    // index.html is under a kilobyte, below what the build compresses: it is sent as it is.
    expect(index.headers()['cache-control']).toBe('no-cache');
    const main = /src="(main-[\w-]+\.js)"/.exec(await index.text())?.[1];
    expect(main).toBeTruthy();

    for (const [accepted, encoding] of [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip, deflate', 'gzip'],
    ]) {
      const script = await request.get(`/${main}`, { headers: { 'Accept-Encoding': accepted } });
      expect(script.status()).toBe(200);
      expect(script.headers()['content-encoding']).toBe(encoding);
      expect(script.headers()['vary']).toMatch(/Accept-Encoding/i);
      expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(await script.text()).toContain('lr-root');
    }
  });
});
