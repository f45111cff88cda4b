// `pantau publish` (#15): the folder it writes, served as it is from a static server, works as a
// transparency page (its iframe shows the widget, the data's checksum verified), as an iframe
// on another origin, and as a script embed on another origin; readers without JavaScript get
// the snapshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdCode, recordShifts, settled, start, violations } from './harness.mjs';
import { serve } from './server.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
let app;
let published;
let folder;
/** A second folder, published with `--base` its public address: its snippets as written. */
let based;
let basedFolder;
const publish = (out, more = []) => execFileSync('cargo', ['run', '--quiet', '--bin', 'pantau', '--', 'publish', 'data/contoh-paket.json', '--widget', 'dist', '-o', out, ...more], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
before(async () => {
  app = await start();
  folder = mkdtempSync(join(tmpdir(), 'pantau-publish-'));
  publish(folder);
  published = await serve(folder);
  basedFolder = mkdtempSync(join(tmpdir(), 'pantau-based-'));
  based = await serve(basedFolder);
  publish(basedFolder, ['--base', based.url]);
});
after(async () => {
  await published.close();
  await based.close();
  await app.stop();
});

/** The snippets `embed.html` shows, as a publisher copies them. */
function snippetsOf(out) {
  const page = readFileSync(join(out, 'embed.html'), 'utf8');
  const unescape = (text) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  const [iframe, script] = [...page.matchAll(/<pre>([\s\S]*?)<\/pre>/g)].map((match) => unescape(match[1]));
  return { iframe, script };
}

const HASH = () => readFileSync(join(folder, 'SHA256SUMS'), 'utf8').split(/\s+/)[0];

test('the transparency page, served as uploaded, shows the widget with its data verified', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${published.url}/index.html`);
  assert.equal(await page.locator('meta[property="og:image"]').getAttribute('content'), 'og/spending-id.png');
  assert.equal(await page.locator('h1').innerText(), 'Contoh paket pengadaan Pemprov Kalimantan Timur 2023-2024 (ilustratif)');
  const frame = page.frameLocator('iframe[data-pantau]');
  await frame.locator('.pantau-panel svg').first().waitFor({ timeout: 30000 });
  assert.match(await frame.locator('.pantau-integrity').innerText(), /SHA-256 cocok/);
  assert.ok((await page.locator('a[href="SHA256SUMS"]').count()) === 1);
  assert.deepEqual(errors, []);
  await context.close();
  // Without JavaScript: the widget's page shows its snapshot, with its text alternative.
  const still = await app.browser.newContext({ javaScriptEnabled: false });
  const plain = await still.newPage();
  await plain.goto(`${published.url}/index.html`);
  const image = plain.frameLocator('iframe[data-pantau]').locator('.pantau-snapshot-frame img');
  await image.waitFor();
  assert.match(await image.getAttribute('alt'), /^Realisasi belanja kumulatif 2024\. Grafik garis/);
  await image.evaluate((image) => image.decode());
  assert.match(await plain.frameLocator('iframe[data-pantau]').locator('.pantau-snapshot-frame noscript, .pantau-snapshot-frame p').first().innerText(), /membutuhkan JavaScript/);
  await still.close();
});

test('the published widget page drops its picture for an address that asks for another view, language or theme, and draws the dark one for a dark system', async () => {
  const page = `${published.url}/widget/index.html?src=../data/contoh-paket.json&lang=id`;
  for (const [query, scheme] of [['&view=local-content', 'light'], ['&lang=en', 'light'], ['&theme=dark', 'light']]) {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: scheme });
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(page.replace('&lang=id', '') + (query.startsWith('&lang') ? '' : '&lang=id') + query);
    await tab.waitForSelector('svg.pantau-svg > g > *');
    assert.equal(await tab.locator('.pantau-snapshot-frame').count(), 0, query);
    assert.ok(await tab.evaluate(() => document.documentElement.classList.contains('pantau-snapshot-dropped')), query);
    assert.equal(await tab.evaluate(() => getComputedStyle(document.getElementById('pantau')).visibility), 'visible', query);
    assert.deepEqual(errors, [], query);
    await context.close();
  }
  // The address it was drawn for, on a dark system: the dark drawing, then the dark widget.
  const context = await app.browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: 'dark' });
  const tab = await context.newPage();
  const release = await holdCode(context);
  await tab.goto(`${page}&view=spending`);
  const image = tab.locator('.pantau-snapshot-frame img');
  await image.evaluate((image) => image.decode());
  assert.ok((await image.evaluate((image) => image.currentSrc)).endsWith('spending-id-dark-360.svg'));
  // The page as first seen (the picture on its dark page, the widget hidden) passes axe.
  assert.deepEqual(await violations(tab, { named: false }), []);
  release();
  await tab.waitForSelector('.pantau-widget[data-theme="dark"] svg.pantau-svg > g > *');
  assert.equal(await tab.locator('.pantau-snapshot-frame').count(), 0);
  await context.close();
});

test('the snippets work on another origin: an iframe and a script embed', async () => {
  const hash = HASH();
  const snippets = readFileSync(join(folder, 'embed.html'), 'utf8');
  assert.ok(snippets.includes(hash));
  // The snippets with the folder's public address (what --base writes).
  const base = `${published.url}/`;
  const iframe = `<iframe data-pantau src="${base}widget/index.html?src=../data/contoh-paket.json&amp;sha256=${hash}&amp;lang=en" title="t" style="width:100%;height:650px;border:0"></iframe>`;
  const script = `<script type="module" src="${base}widget/embed.js"></script><pantau-pbj src="${base}data/contoh-paket.json" sha256="${hash}" lang="en"></pantau-pbj>`;
  for (const [name, body] of [['iframe', iframe], ['script', script]]) {
    app.fixtures.set(`/fixtures/host-${name}.html`, (request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><h1>News</h1>${body}</body></html>`);
    });
    const context = await app.browser.newContext({ viewport: { width: 900, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${app.url}/fixtures/host-${name}.html`);
    const widget = name === 'iframe' ? page.frameLocator('iframe[data-pantau]') : page.locator('pantau-pbj');
    await widget.locator('.pantau-panel svg').first().waitFor({ timeout: 30000 });
    assert.match(await widget.locator('.pantau-integrity').innerText(), /SHA-256 matches/, name);
    assert.deepEqual(errors, [], name);
    await context.close();
  }
});

test('pantau render writes the very SVG the widget downloads, for each view, language and theme', async () => {
  for (const [view, lang, theme, data] of [['local-content', 'en', 'dark', 'data/kaltim-2024.json'], ['spending', 'id', 'light', 'data/kaltim-2024.json'], ['oversight', 'id', 'dark', 'data/contoh-paket.json']]) {
    const { page, errors, close } = await app.open(`?src=${data}&view=${view}&lang=${lang}&theme=${theme}`);
    await page.waitForSelector('.pantau-panel svg');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.pantau-panel').first().locator('.pantau-download', { hasText: 'SVG' }).click(),
    ]);
    const downloaded = readFileSync(await download.path(), 'utf8');
    const out = join(folder, `${view}-${lang}-${theme}.svg`);
    execFileSync('cargo', ['run', '--quiet', '--bin', 'pantau', '--', 'render', data, '--view', view, '--lang', lang, '--theme', theme, '-o', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    assert.equal(readFileSync(out, 'utf8'), downloaded, `${view} ${lang} ${theme}`);
    assert.deepEqual(errors, []);
    await close();
  }
});

test("the widget's own page shows readers without JavaScript a snapshot of the sample, with its text alternative", async () => {
  const context = await app.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${app.url}/`);
  const image = page.locator('img.pantau-snapshot');
  await image.waitFor({ state: 'attached' });
  assert.match(await image.getAttribute('alt'), /^Realisasi belanja kumulatif 2024\. /);
  await page.waitForFunction(() => [...document.images].some((image) => image.complete && image.naturalWidth > 0));
  // Within a phone's width.
  const box = await image.boundingBox();
  assert.ok(box && box.width <= 360, JSON.stringify(box));
  await context.close();
});

test('the snippets as written show the snapshot at once, then the widget in its place, on another origin, at 360 and 1.000 px', async () => {
  const { iframe, script } = snippetsOf(basedFolder);
  assert.doesNotMatch(iframe, /snapshot=/, 'the widget page of the folder has its snapshot in it');
  assert.match(script, /<picture><source media/);
  for (const [name, body] of [['iframe', iframe], ['script', script]]) {
    app.fixtures.set(`/fixtures/snap-${name}.html`, (request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Berita</title></head><body><h1>Berita</h1><p>Sebelum.</p>${body}<p>Sesudah.</p></body></html>`);
    });
    for (const width of [360, 1000]) {
      const context = await app.browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await recordShifts(context);
      const release = await holdCode(context);
      await page.goto(`${app.url}/fixtures/snap-${name}.html`);
      const image = name === 'iframe' ? page.frameLocator('iframe[data-pantau]').locator('.pantau-snapshot-frame img') : page.locator('pantau-pbj > picture > img');
      await image.waitFor();
      await image.evaluate((image) => image.decode());
      // The drawing for the width: a phone's on a phone.
      const source = await image.evaluate((image) => image.currentSrc);
      assert.ok(width === 360 ? source.endsWith('-360.svg') : source.endsWith('spending-id-light.svg'), `${name} ${width}: ${source}`);
      assert.match(await image.getAttribute('alt'), /^Realisasi belanja kumulatif 2024\. Grafik garis/);
      const box = await image.boundingBox();
      assert.ok(box && box.height > 100, `${name} ${width}: ${JSON.stringify(box)}`);
      const shifted = await page.evaluate(() => window.__shifts.length);
      release();
      const widget = name === 'iframe' ? page.frameLocator('iframe[data-pantau]') : page.locator('pantau-pbj');
      await widget.locator('.pantau-panel svg').first().waitFor({ timeout: 30000 });
      // The picture is gone (the element's own is no longer rendered), the widget visible.
      assert.equal(await widget.locator('.pantau-snapshot-frame').count(), 0, `${name} ${width}`);
      if (name === 'script') assert.equal(await image.boundingBox(), null, `${name} ${width}`);
      assert.ok(await widget.locator('.pantau-title').isVisible());
      await settled(page);
      // The iframe holds its height: nothing on the host moves. (An element grows from the
      // picture's height to the widget's, which moves what follows it once: measured, not
      // asserted away.)
      const shifts = await page.evaluate((from) => window.__shifts.slice(from), shifted);
      if (name === 'iframe') assert.deepEqual(shifts, [], `${name} ${width}`);
      else console.log(`# script embed at ${width} px: layout shift when the widget replaces the picture ${shifts.reduce((sum, value) => sum + value, 0).toFixed(4)}`);
      assert.deepEqual(await page.evaluate((from) => window.__shifts.slice(0, from), shifted), [], `${name} ${width}: nothing moved while the picture showed ${JSON.stringify(await page.evaluate(() => window.__shifted))}`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
  // Without JavaScript the element's own picture shows.
  const still = await app.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  const plain = await still.newPage();
  await plain.goto(`${app.url}/fixtures/snap-script.html`);
  await plain.waitForFunction(() => { const image = document.querySelector('pantau-pbj img'); return image && image.complete && image.naturalWidth > 0; });
  assert.ok((await plain.locator('pantau-pbj img').evaluate((image) => image.currentSrc)).endsWith('-360.svg'));
  await still.close();
});
