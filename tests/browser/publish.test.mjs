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
import { start } from './harness.mjs';
import { serve } from './server.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
let app;
let published;
let folder;
before(async () => {
  app = await start();
  folder = mkdtempSync(join(tmpdir(), 'pantau-publish-'));
  execFileSync('cargo', ['run', '--quiet', '--bin', 'pantau', '--', 'publish', 'data/contoh-paket.json', '--widget', 'dist', '-o', folder], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  published = await serve(folder);
});
after(async () => {
  await published.close();
  await app.stop();
});

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
  // Without JavaScript: the snapshot, with its text alternative.
  const still = await app.browser.newContext({ javaScriptEnabled: false });
  const plain = await still.newPage();
  await plain.goto(`${published.url}/index.html`);
  // Scripting off, the noscript's picture is a real image: drawn, with its text alternative.
  const image = plain.locator('noscript img, img[src="snapshots/spending-id-light.svg"]').first();
  await image.waitFor({ state: 'attached' });
  assert.equal(await image.getAttribute('src'), 'snapshots/spending-id-light.svg');
  assert.match(await image.getAttribute('alt'), /^Realisasi belanja kumulatif 2024\. Grafik garis/);
  await plain.waitForFunction(() => [...document.images].some((image) => image.complete && image.naturalWidth > 0));
  await still.close();
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
