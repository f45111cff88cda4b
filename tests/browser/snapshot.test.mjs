// Snapshot first, interactive after (#15): a page that names a snapshot (the `snapshot` option)
// shows the picture before the code has arrived, with its text alternative; the widget then
// takes its place in one frame, with no layout shift. A picture drawn from other data goes as
// soon as the data is in; one whose data cannot be loaded stays, saying it may not be current.
// A link cannot show a picture from anywhere else. The code is held back here (its request
// waits) so that each state can be looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { holdCode, recordShifts, settled, start, violations } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const SAMPLE_HASH = createHash('sha256').update(readFileSync(`${ROOT}data/kaltim-2024.json`)).digest('hex');
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'";
let app;
before(async () => {
  app = await start();
});
after(async () => app.stop());

/** Opens `query` with the widget's code held back until `release()`; records layout shifts,
 * page errors and Content-Security-Policy violations. */
async function held(query, { width = 360, locale = 'id-ID' } = {}) {
  const context = await app.browser.newContext({ viewport: { width, height: 800 }, locale });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await recordShifts(context);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const release = await holdCode(context);
  await page.goto(`${app.url}/${query}`);
  return { page, errors, release, close: () => context.close() };
}

/** Waits until the snapshot is drawn on screen (and its SVG read, when `read`). */
async function pictureShown(page, { read = true } = {}) {
  await page.waitForFunction((read) => {
    const frame = document.querySelector('.pantau-snapshot-frame');
    const image = frame?.querySelector('img');
    return image && image.complete && image.naturalWidth > 0 && (!read || frame.dataset.sha256);
  }, read);
}

const marks = (page) => page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime])));

test('the snapshot shows before the code, then the widget takes its place in one frame, with no layout shift, under a strict CSP', async () => {
  app.pageHeaders['content-security-policy'] = CSP;
  try {
    for (const [width, lang, picture, tab] of [[360, 'id', 'spending-id', 'Konten lokal'], [1000, 'en', 'spending-en', 'Local content']]) {
      const { page, errors, release, close } = await held(`?lang=${lang}&snapshot=data/snapshots/${picture}.svg`, { width });
      await pictureShown(page);
      const image = page.locator('.pantau-snapshot-frame img');
      // Its text alternative is the chart's title and summary, read from the picture as text.
      assert.match(await image.getAttribute('alt'), lang === 'id' ? /^Realisasi belanja kumulatif 2024\. Grafik garis/ : /^Realised cumulative spending 2024\. Line chart/);
      assert.equal(await page.locator('.pantau-snapshot-frame').getAttribute('data-sha256'), SAMPLE_HASH);
      const box = await image.boundingBox();
      assert.ok(box.width > width * 0.8 && box.width <= Math.min(width, 960) && box.height > 100, JSON.stringify(box));
      // The widget is not seen, nor heard, before it replaces the picture.
      assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('pantau')).visibility), 'hidden');
      assert.equal(await page.getByRole('status').filter({ hasText: lang === 'id' ? 'Memuat grafik interaktif' : 'Loading the interactive chart' }).count(), 1);
      const before = await page.evaluate(() => window.__shifts.length);
      release();
      await page.waitForSelector('svg.pantau-svg > g > *');
      await page.waitForFunction(() => !document.querySelector('.pantau-snapshot-frame'));
      assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('pantau')).visibility), 'visible');
      assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('pantau')).position), 'static');
      await settled(page);
      assert.deepEqual(await page.evaluate((before) => window.__shifts.slice(before), before), [], 'no layout shift once the picture is shown');
      // The picture was the data's: it stayed until the first chart was drawn.
      const at = await marks(page);
      assert.ok(at['pantau-pbj:interactive'] > at['pantau-pbj:read'], JSON.stringify(at));
      // The controls work.
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForSelector('#pantau-panel-by-unit, .pantau-panel');
      assert.equal(await page.getByRole('tab', { name: tab }).getAttribute('aria-selected'), 'true');
      // The address the reader's choices write no longer names the picture (of the first view).
      assert.ok(!page.url().includes('snapshot='), page.url());
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(errors, []);
      await close();
    }
  } finally {
    delete app.pageHeaders['content-security-policy'];
  }
});

test('a snapshot drawn from other data goes as soon as the data is in, before it is read', async () => {
  const { page, errors, release, close } = await held('?src=data/contoh-paket.json&lang=id&snapshot=data/snapshots/spending-id.svg');
  await pictureShown(page);
  assert.deepEqual(await violations(page, { named: false }), [], 'the picture shown, the widget hidden');
  release();
  await page.waitForSelector('svg.pantau-svg > g > *');
  assert.equal(await page.locator('.pantau-snapshot-frame').count(), 0);
  const at = await marks(page);
  assert.ok(at['pantau-pbj:interactive'] >= at['pantau-pbj:received'] && at['pantau-pbj:interactive'] <= at['pantau-pbj:read'], JSON.stringify(at));
  assert.match(await page.locator('.pantau-title').innerText(), /Contoh paket/);
  assert.deepEqual(errors, []);
  await close();
});

test('data that cannot be loaded leaves the snapshot, marked as possibly not current, with the message, in the reader\'s language', async () => {
  for (const [lang, note, message] of [['id', /mungkin tidak lagi terkini/, /tidak ditemukan|404/i], ['en', /may no longer be current/, /not found|404/i]]) {
    const { page, errors, release, close } = await held(`?src=data/tidak-ada.json&lang=${lang}&snapshot=data/snapshots/spending-${lang}.svg`);
    await pictureShown(page);
    release();
    await page.waitForSelector('.pantau-error');
    assert.match(await page.locator('.pantau-error').innerText(), message);
    assert.equal(await page.locator('.pantau-snapshot-frame img').count(), 1, 'the picture stays');
    assert.match(await page.locator('.pantau-snapshot-note').innerText(), note);
    // Nothing still says the chart is loading; the picture, its note and the message pass axe.
    assert.equal(await page.locator('.pantau-snapshot-frame [role=status]').count(), 0);
    assert.deepEqual(await violations(page, { named: false }), [], lang);
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('pantau')).visibility), 'visible');
    assert.deepEqual(errors, []);
    await close();
  }
});

test('a link cannot show a picture from elsewhere: only http(s) on the page\'s or the data\'s origin', async () => {
  const svg = encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>Palsu</title></svg>');
  for (const snapshot of [
    `data:image/svg+xml,${svg}`,
    'javascript:alert(1)',
    'http://127.0.0.2:9/palsu.svg',
    `data/snapshots/spending-id.svg 360w, http://127.0.0.2:9/palsu.svg 960w`,
    'data/snapshots/spending-id.svg lebar',
  ]) {
    const { page, errors, release, close } = await held(`?lang=id&snapshot=${encodeURIComponent(snapshot)}`);
    release();
    await page.waitForSelector('svg.pantau-svg > g > *');
    assert.equal(await page.locator('.pantau-snapshot-frame, img').count(), 0, snapshot);
    assert.deepEqual(errors, [], snapshot);
    await close();
  }
});

test('of several drawings the one for the widget\'s width shows: a phone gets the one drawn for a phone', async () => {
  // Two drawings of the sample at different widths (the 360 px one is the phone's layout).
  const option = encodeURIComponent('data/snapshots/spending-id-360.svg 360w, data/snapshots/spending-id.svg 960w');
  for (const [width, expected] of [[360, 'spending-id-360.svg'], [400, 'spending-id-360.svg'], [1000, 'spending-id.svg']]) {
    const { page, errors, release, close } = await held(`?lang=id&snapshot=${option}`, { width });
    await pictureShown(page, { read: false });
    const source = await page.locator('.pantau-snapshot-frame img').evaluate((image) => image.currentSrc);
    assert.ok(source.endsWith(`/${expected}`), `${width}: ${source}`);
    release();
    await page.waitForSelector('svg.pantau-svg > g > *');
    assert.deepEqual(errors, []);
    await close();
  }
});

test('a <pantau-pbj> element\'s snapshot attribute shows the picture in its shadow root until its widget replaces it, once', async () => {
  app.fixtures.set('/fixtures/snapshot-element.html', (request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Host</title><script type="module" src="/embed.js"></script></head><body><h1>News</h1><pantau-pbj src="/data/kaltim-2024.json" lang="en" snapshot="/data/snapshots/spending-en-360.svg 360w, /data/snapshots/spending-en.svg 960w"></pantau-pbj><p>After.</p></body></html>');
  });
  for (const width of [360, 1000]) {
    const { page, errors, release, close } = await held('fixtures/snapshot-element.html', { width });
    const image = page.locator('pantau-pbj .pantau-snapshot-frame img');
    await image.waitFor();
    await image.evaluate((image) => image.decode());
    assert.ok((await image.evaluate((image) => image.currentSrc)).endsWith(width === 360 ? '/spending-en-360.svg' : '/spending-en.svg'));
    await page.waitForFunction(() => document.querySelector('pantau-pbj').shadowRoot.querySelector('.pantau-snapshot-frame').dataset.sha256);
    assert.match(await image.getAttribute('alt'), /^Realised cumulative spending 2024\. /);
    release();
    await page.locator('pantau-pbj svg.pantau-svg > g > *').first().waitFor();
    assert.equal(await page.locator('pantau-pbj .pantau-snapshot-frame').count(), 0);
    // A changed attribute mounts the widget again, without the picture (it was of the first view).
    await page.evaluate(() => document.querySelector('pantau-pbj').setAttribute('view', 'local-content'));
    await page.locator('pantau-pbj .pantau-tab[aria-selected="true"]', { hasText: 'Local content' }).waitFor();
    assert.equal(await page.locator('pantau-pbj .pantau-snapshot-frame').count(), 0);
    assert.deepEqual(errors, []);
    await close();
  }
});

test('a snapshot that cannot be shown (missing, not a picture) gives its place back to the widget at once', async () => {
  for (const snapshot of ['data/snapshots/tidak-ada.svg', 'data/kaltim-2024.json']) {
    const { page, errors, release, close } = await held(`?lang=id&snapshot=${encodeURIComponent(snapshot)}`);
    // Before the code: no frame, the loading line in its place, seen.
    await page.waitForFunction(() => !document.querySelector('.pantau-snapshot-frame') && document.querySelector('.pantau-stage'));
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('pantau')).visibility), 'visible', snapshot);
    assert.ok(await page.getByText('Memuat data').isVisible(), snapshot);
    release();
    await page.waitForSelector('svg.pantau-svg > g > *');
    assert.deepEqual(errors, [], snapshot);
    await close();
  }
});

test('a snapshot too big to read for its description still shows, with the plain text alternative, and nothing is read past 4 MB', async () => {
  const head = readFileSync(`${ROOT}data/snapshots/spending-id-360.svg`, 'utf8').replace('</svg>', '');
  app.fixtures.set('/fixtures/huge.svg', (request, response) => {
    // Sent in pieces, with no length: 6 MB of comment inside a real drawing.
    response.writeHead(200, { 'content-type': 'image/svg+xml' });
    response.write(head);
    const piece = `<!--${'x'.repeat(1024 * 1024 - 7)}-->`;
    for (let index = 0; index < 6; index += 1) response.write(piece);
    response.end('</svg>');
  });
  const { page, errors, release, close } = await held(`?lang=id&snapshot=${encodeURIComponent('/fixtures/huge.svg')}`);
  await pictureShown(page, { read: false });
  // The picture's text is read, or given up past the limit: then nothing more will be said of it.
  await page.waitForFunction(() => performance.getEntriesByName('pantau-pbj:snapshot-described').length > 0);
  assert.equal(await page.locator('.pantau-snapshot-frame img').getAttribute('alt'), 'Gambar statis grafik Pantau PBJ');
  assert.equal(await page.locator('.pantau-snapshot-frame').getAttribute('data-sha256'), null);
  release();
  await page.waitForSelector('svg.pantau-svg > g > *');
  assert.equal(await page.locator('.pantau-snapshot-frame').count(), 0);
  assert.deepEqual(errors, []);
  await close();
});
