// Embedding safety in headless Chromium: the widget runs under the strict Content-Security-
// Policy documented for hosts with no violation, sets no cookie and uses no storage, and asks
// for nothing but its own files and the configured data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './harness.mjs';

const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'";
let app;
before(async () => {
  app = await start();
});
after(async () => app.stop());

/** Opens the widget with every Content-Security-Policy violation and request recorded. */
async function openRecorded(query, options) {
  const context = await app.browser.newContext({ viewport: { width: 900, height: 900 }, locale: 'id-ID', ...options });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (request) => requests.push(new URL(request.url())));
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(`${app.url}/${query}`);
  await page.waitForSelector('.pantau-panel');
  return { page, context, requests, problems };
}

test('the widget runs under the strict Content-Security-Policy with no violation', async () => {
  app.pageHeaders['content-security-policy'] = CSP;
  try {
    for (const view of ['spending', 'local-content', 'targets']) {
      const { page, context, problems } = await openRecorded(`?lang=id&view=${view}`);
      // Interact: tooltips (positioned through the CSSOM), table, legend, filters, language.
      await page.locator('.pantau-hit').first().hover();
      await page.locator('.pantau-tooltip').first().waitFor();
      await page.getByRole('button', { name: 'Tabel' }).first().click();
      await page.getByRole('button', { name: 'English' }).click();
      assert.ok((await page.locator('.pantau-panel').count()) > 0, view);
      assert.deepEqual(await page.evaluate(() => window.__violations), [], view);
      assert.deepEqual(problems, [], view);
      assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script in the page');
      assert.equal(await page.locator('style').count(), 0, 'no style element');
      await context.close();
    }
  } finally {
    delete app.pageHeaders['content-security-policy'];
  }
});

test('no cookies, no storage, and no request but the widget\'s own files and its data', async () => {
  const { page, context, requests } = await openRecorded('?src=data/contoh-paket.json&lang=id');
  await page.getByRole('tab', { name: 'Konten lokal' }).click();
  await page.locator('#pantau-panel-by-unit .pantau-hit, .pantau-hit').first().hover();
  assert.deepEqual(await context.cookies(), []);
  const storage = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
  assert.deepEqual(storage, { local: 0, session: 0, cookie: '' });
  const origin = new URL(app.url).origin;
  const foreign = requests.filter((url) => url.origin !== origin);
  assert.deepEqual(foreign.map(String), []);
  const paths = requests.map((url) => url.pathname);
  const expected = /^\/($|index\.html$|pantau-[0-9a-f]+\.css$|pantau-boot-[0-9a-f]+\.js$|pantau-pbj-[0-9a-f]+(_bg\.wasm|\.js)$|data\/contoh-paket\.json$)/;
  assert.deepEqual(paths.filter((path) => !expected.test(path)), [], 'only the widget\'s files and its data');
  assert.equal(paths.filter((path) => path === '/data/contoh-paket.json').length, 1, 'the data is fetched once');
  await context.close();
});

test('before the code runs the page holds its place; if the code cannot load, a message replaces it', async () => {
  const context = await app.browser.newContext({ viewport: { width: 900, height: 900 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${app.url}/?lang=id`);
  assert.match(await page.locator('main#pantau').textContent(), /Memuat data… \/ Loading data…/);
  assert.ok((await page.locator('.pantau-loading').boundingBox()).height >= 600, 'the loading state is about a view tall');
  await context.close();
  const broken = await app.browser.newContext();
  await broken.route('**/*_bg.wasm', (route) => route.abort());
  const failing = await broken.newPage();
  await failing.goto(`${app.url}/?lang=id`);
  const alert = failing.getByRole('alert');
  await alert.waitFor();
  assert.equal(await alert.textContent(), 'Pantau PBJ tidak dapat dimuat. / Pantau PBJ could not be loaded.');
  await broken.close();
});

test('render flags: plain drops header and footer, static all controls and focus, transparent the background', async () => {
  const open = async (query) => {
    const context = await app.browser.newContext({ viewport: { width: 900, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${app.url}/${query}`);
    await page.waitForSelector('.pantau-panel');
    return { page, context };
  };
  const plain = await open('?lang=id&plain');
  assert.equal(await plain.page.locator('.pantau-header').isVisible(), false);
  assert.equal(await plain.page.locator('.pantau-footer').isVisible(), false);
  assert.equal(await plain.page.locator('.pantau-source').first().isVisible(), true, 'the source line stays');
  await plain.context.close();
  const fixed = await open('?lang=id&static=1');
  for (const control of ['.pantau-tabs', '.pantau-toolbar', '.pantau-legend', '.pantau-share']) {
    assert.equal(await fixed.page.locator(control).first().isVisible(), false, control);
  }
  await fixed.page.keyboard.press('Tab');
  assert.equal(await fixed.page.evaluate(() => document.activeElement.closest('.pantau-panels')), null, 'no mark takes focus');
  assert.equal(await fixed.page.locator('svg.pantau-svg').first().isVisible(), true);
  await fixed.context.close();
  const clear = await open('?lang=id&transparent=true&theme=dark');
  const colours = await clear.page.evaluate(() => ({
    widget: getComputedStyle(document.querySelector('.pantau-widget')).backgroundColor,
    page: getComputedStyle(document.documentElement).backgroundColor,
    chart: getComputedStyle(document.querySelector('.pantau-svg > g > rect')).fill,
  }));
  assert.deepEqual(colours, { widget: 'rgba(0, 0, 0, 0)', page: 'rgba(0, 0, 0, 0)', chart: 'rgba(0, 0, 0, 0)' });
  await clear.context.close();
  const normal = await open('?lang=id&plain=false');
  assert.equal(await normal.page.locator('.pantau-header').isVisible(), true, 'plain=false is not plain');
  await normal.context.close();
});
