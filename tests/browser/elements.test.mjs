// The script embed in headless Chromium: a host page on another origin loads embed.js once and
// holds two <pantau-pbj> elements with different data, views, languages and themes, under a
// stylesheet hostile to embedded content. Each widget keeps its own state; styles do not cross
// the shadow boundary either way; removing an element unmounts it and aborts its fetch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { settled, start, until } from './harness.mjs';

let app;
let hostUrl;
const aborted = [];
const requested = [];
before(async () => {
  app = await start();
  hostUrl = app.url.replace('127.0.0.1', 'localhost');
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css' };
  for (const name of ['script-article.html', 'hostile.css']) {
    const body = (await readFile(new URL(`./hosts/${name}`, import.meta.url), 'utf8')).replaceAll('{{WIDGET}}', app.url);
    app.fixtures.set(`/hosts/${name}`, (request, response) => {
      response.writeHead(200, { 'content-type': types[name.slice(name.lastIndexOf('.'))] });
      response.end(body);
    });
  }
  app.fixtures.set('/fixtures/slow-data.json', (request, response) => {
    // Never answers; records that it was asked, and when the browser gives up on the request.
    requested.push(request.url);
    request.on('close', () => aborted.push(request.url));
    response.on('close', () => aborted.push(request.url));
    response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    response.write('{');
  });
});
after(async () => app.stop());

async function openArticle() {
  const context = await app.browser.newContext({ viewport: { width: 900, height: 900 }, locale: 'id-ID' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${hostUrl}/hosts/script-article.html`);
  await page.locator('#first .pantau-panel').first().waitFor();
  await page.locator('#second .pantau-panel').first().waitFor();
  return { page, context, errors };
}

test('two script-embedded widgets render their own data, view, language and theme', async () => {
  const { page, context, errors } = await openArticle();
  assert.match(await page.locator('#first .pantau-panels').textContent(), /Porsi usaha mikro, kecil dan koperasi \(UMK-K\)/);
  assert.match(await page.locator('#second .pantau-panels').textContent(), /By spending unit/);
  assert.equal(await page.locator('#second .pantau-widget').getAttribute('data-theme'), 'dark');
  assert.equal(await page.locator('#second .pantau-header').isVisible(), false, 'plain');
  assert.equal(await page.locator('#first .pantau-header').isVisible(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('each widget keeps its own state, and neither touches the host page or its address', async () => {
  const { page, context } = await openArticle();
  const address = page.url();
  await page.locator('#first').getByRole('button', { name: 'Tabel' }).first().click();
  await page.locator('#second').getByRole('tab', { name: 'Local content' }).click();
  await page.locator('#second').getByLabel('Procurement method', { exact: true }).selectOption('tender');
  assert.equal(await page.locator('#first table').count() > 0, true);
  assert.equal(await page.locator('#second table').count(), 0, 'the second still shows charts');
  assert.equal(await page.locator('#first').getByRole('tab', { name: 'Konten lokal' }).getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('#first').getByLabel('Metode pemilihan', { exact: true }).count(), 0);
  assert.equal(page.url(), address, 'the host\'s address is the host\'s');
  const host = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    margin: getComputedStyle(document.body).marginTop,
    background: getComputedStyle(document.body).backgroundColor,
    svg: getComputedStyle(document.querySelector('#host-svg')).display,
    lead: getComputedStyle(document.querySelector('.lead')).color,
  }));
  assert.deepEqual(host, { lang: 'id', margin: '13px', background: 'rgb(250, 240, 230)', svg: 'none', lead: 'rgb(128, 0, 128)' });
  await context.close();
});

test('each element\'s data starts downloading while the code loads, and is fetched once', async () => {
  const { page, context } = await openArticle();
  const data = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((entry) => entry.name.endsWith('.json'))
    .map((entry) => `${entry.name.split('/').pop()} ${entry.initiatorType}`)
    .sort());
  assert.deepEqual(data, ['contoh-paket.json link', 'kaltim-2024.json link']);
  await context.close();
});

test('the host\'s hostile styles do not reach inside the widgets', async () => {
  const { page, context } = await openArticle();
  for (const id of ['first', 'second']) {
    assert.equal(await page.locator(`#${id} svg.pantau-svg`).first().isVisible(), true, `${id}: svg`);
    assert.equal(await page.locator(`#${id} .pantau-display`).first().isVisible(), true, `${id}: buttons`);
    const inside = await page.locator(`#${id} .pantau-panel-title`).first().evaluate((title) => ({
      color: getComputedStyle(title).color,
      font: getComputedStyle(title).fontFamily,
      padding: getComputedStyle(title.closest('.pantau-widget')).paddingTop,
    }));
    assert.notEqual(inside.color, 'rgb(128, 0, 128)', `${id}: colour`);
    assert.doesNotMatch(inside.font, /Comic Sans/, `${id}: font`);
    assert.equal(inside.padding, '12px', `${id}: padding`);
  }
  await context.close();
});

test('a host brands a script embed with the custom properties on its element', async () => {
  const { page, context } = await openArticle();
  const styles = (id) => page.locator(`#${id} .pantau-tab[aria-selected="true"]`).evaluate((tab) => ({
    accent: getComputedStyle(tab).borderBottomColor,
    font: getComputedStyle(tab.closest('.pantau-widget')).fontFamily,
  }));
  assert.deepEqual(await styles('first'), { accent: 'rgb(200, 0, 0)', font: 'Georgia, serif' });
  const second = await styles('second');
  assert.notEqual(second.accent, 'rgb(200, 0, 0)', 'the other widget keeps its theme');
  await context.close();
});

test('removing an element unmounts its widget and aborts its fetch', async () => {
  const { page, context } = await openArticle();
  await page.evaluate((widget) => {
    const element = document.createElement('pantau-pbj');
    element.id = 'third';
    element.setAttribute('src', `${widget}/fixtures/slow-data.json`);
    document.body.append(element);
  }, app.url);
  await page.locator('#third .pantau-loading').waitFor();
  await until(() => page.evaluate(() => document.querySelector('#third').shadowRoot.querySelector('.pantau-widget')), { what: 'the third widget' });
  await until(() => requested.some((url) => url.includes('slow-data')), { what: 'the request in flight' });
  // The page has taken in the answer's first byte.
  await settled(page);
  assert.equal(aborted.length, 0);
  await page.evaluate(() => document.querySelector('#third').remove());
  await until(() => aborted.length > 0, { timeout: 10000, what: 'the server to see the request aborted' });
  assert.ok(aborted.some((url) => url.includes('slow-data')), 'the server saw the request aborted');
  // The other widgets live on.
  await page.locator('#first').getByRole('tab', { name: 'Target' }).click();
  assert.match(await page.locator('#first .pantau-panels').textContent(), /Produk tayang di e-Katalog/);
  await context.close();
});
