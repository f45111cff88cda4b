// Iframe embeds across origins: the example host pages (a news article with two charts in its
// text, a government transparency page) load the widget from another origin; the widget posts
// its height only when it changes, and the host snippet believes only the frame itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { settled, start, until } from './harness.mjs';

let app;
let hostUrl;
before(async () => {
  app = await start();
  // The host pages are served from localhost, the widget from 127.0.0.1: two origins.
  hostUrl = app.url.replace('127.0.0.1', 'localhost');
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
  for (const name of ['news.html', 'transparency.html', 'pantau-host.js', 'news.css', 'transparency.css']) {
    const body = (await readFile(new URL(`./hosts/${name}`, import.meta.url), 'utf8')).replaceAll('{{WIDGET}}', app.url);
    app.fixtures.set(`/hosts/${name}`, (request, response) => {
      response.writeHead(200, { 'content-type': types[name.slice(name.lastIndexOf('.'))] });
      response.end(body);
    });
  }
});
after(async () => app.stop());

async function openHost(name, width = 800) {
  const context = await app.browser.newContext({ viewport: { width, height: 900 }, locale: 'id-ID' });
  const page = await context.newPage();
  const messages = [];
  await page.exposeFunction('__record', (data) => messages.push(data));
  await page.addInitScript(() => window.addEventListener('message', (event) => window.__record(event.data)));
  await page.goto(`${hostUrl}/hosts/${name}`);
  return { page, context, messages };
}

const frameHeight = (page, id) => page.locator(`#${id}`).evaluate((frame) => frame.getBoundingClientRect().height);
const contentHeight = (page, id) => page.frameLocator(`#${id}`).locator('body').evaluate((body) => Math.ceil(body.getBoundingClientRect().height));

/** Resolves once the host page has received a marker message posted after what was posted
 * before (from the page itself, or from `frame`): messages from one window arrive in order. */
async function delivered(page, frame = null) {
  await page.evaluate(() => {
    window.__marker = false;
    window.addEventListener('message', function seen(event) {
      if (event.data === 'test-marker') {
        window.__marker = true;
        window.removeEventListener('message', seen);
      }
    });
  });
  if (frame) await frame.evaluate(() => window.parent.postMessage('test-marker', '*'));
  else await page.evaluate(() => window.postMessage('test-marker', '*'));
  await page.waitForFunction(() => window.__marker);
  await settled(page);
}

/** Waits until the frame's height follows its content (at most 5 s); returns both. */
async function settle(page, id) {
  let heights = [];
  await until(async () => {
    heights = [await frameHeight(page, id), await contentHeight(page, id)];
    return heights[0] === heights[1];
  }, { what: `${id}'s height to follow its content` }).catch(() => {});
  return heights;
}

test('a news article sizes both of its charts to their content, across origins', async () => {
  const { page, context, messages } = await openHost('news.html');
  for (const id of ['chart-belanja', 'chart-umkk']) {
    await page.frameLocator(`#${id}`).locator('.pantau-panel').first().waitFor();
    const [frame, content] = await settle(page, id);
    assert.equal(frame, content, id);
  }
  const ours = messages.filter((data) => data && data.type === 'pantau-pbj:height');
  assert.ok(ours.every((data) => data.version === 1 && Number.isFinite(data.height)));
  assert.deepEqual([...new Set(ours.map((data) => data.id))].sort(), ['chart-belanja', 'chart-umkk']);
  assert.ok(messages.some((data) => data && data.sentinel === 'amp' && data.type === 'embed-size'));
  // Posted on change (or when the host asks), never on a timer: a quiet page posts nothing.
  const count = messages.length;
  for (const id of ['chart-belanja', 'chart-umkk']) await settled(page.frameLocator(`#${id}`).locator('body'));
  await settled(page);
  assert.equal(messages.length, count, 'no messages while nothing changes');
  // The host's hostile CSS (svg { display: none }, purple text) does not reach into the frame.
  assert.equal(await page.frameLocator('#chart-belanja').locator('svg.pantau-svg').first().isVisible(), true);
  // The frame follows its content when it grows and shrinks.
  const before = await frameHeight(page, 'chart-belanja');
  await page.frameLocator('#chart-belanja').getByRole('button', { name: 'Tabel' }).first().click();
  await page.waitForFunction((old) => document.querySelector('#chart-belanja').getBoundingClientRect().height !== old, before);
  const [frame, content] = await settle(page, 'chart-belanja');
  assert.equal(frame, content);
  await context.close();
});

test('the host snippet ignores forged, foreign and absurd height messages', async () => {
  const { page, context } = await openHost('news.html');
  await page.frameLocator('#chart-belanja').locator('.pantau-panel').first().waitFor();
  const [height] = await settle(page, 'chart-belanja');
  // Forged by the host page itself (not the frame's window).
  await page.evaluate(() => window.postMessage({ type: 'pantau-pbj:height', version: 1, id: 'chart-belanja', height: 12345 }, '*'));
  // Posted from inside the other frame: the right origin, the wrong window.
  await page.frameLocator('#chart-umkk').locator('body').evaluate(() => window.parent.postMessage({ type: 'pantau-pbj:height', version: 1, id: 'chart-belanja', height: 54321 }, '*'));
  // Messages from one window arrive in order: once a marker posted after each has arrived, they
  // have too.
  await delivered(page);
  await delivered(page, page.frameLocator('#chart-umkk').locator('body'));
  assert.equal(await frameHeight(page, 'chart-belanja'), height);
  // From the frame itself, but not a finite number: ignored; absurdly large: clamped.
  const frame = page.frameLocator('#chart-belanja').locator('body');
  await frame.evaluate(() => window.parent.postMessage({ type: 'pantau-pbj:height', version: 1, height: 'Infinity' }, '*'));
  await delivered(page, frame);
  assert.equal(await frameHeight(page, 'chart-belanja'), height);
  await frame.evaluate(() => window.parent.postMessage({ type: 'pantau-pbj:height', version: 1, height: 1e9 }, '*'));
  await page.waitForFunction(() => document.querySelector('#chart-belanja').getBoundingClientRect().height === 6000);
  await context.close();
});

test('a transparency page holds the full widget with its filters, sized to it', async () => {
  const { page, context } = await openHost('transparency.html', 1024);
  const widget = page.frameLocator('#pantau-transparansi');
  await widget.locator('.pantau-panel').first().waitFor();
  assert.equal(await widget.getByLabel('Perangkat daerah', { exact: true }).count(), 1);
  const [frame, content] = await settle(page, 'pantau-transparansi');
  assert.equal(frame, content);
  await context.close();
});
