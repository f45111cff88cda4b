// Promises kept end to end, in headless Chromium: share snippets and permalinks carry every
// option the reader was given (the integrity check included) to a page of another origin; only
// http(s) and relative addresses are loaded; bytes fetched again are checked again; the data
// request carries no cookies unless the page asks, on its own origin; height messages go to the
// origin the page names; the host snippet skips frames it cannot address; labels with
// noncharacters still download as well-formed SVG and PNG, and a PNG that cannot be made says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { settled, start, until } from './harness.mjs';

let app;
let hostUrl;
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

before(async () => {
  app = await start();
  hostUrl = app.url.replace('127.0.0.1', 'localhost');
});
after(async () => app.stop());

/** Serves `html` at /hosts/`name` (on either origin). */
function hostPage(name, html) {
  app.fixtures.set(`/hosts/${name}`, (request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>${html}</body></html>`);
  });
}

test('share snippets and the permalink carry every option given, and the pasted snippet checks the data the same way', async () => {
  const wrong = 'ab'.repeat(32);
  const query = `?lang=en&view=local-content&src=data/kaltim-2024.json&sha256=${wrong}&format=pantau&timeout=20&maxmb=8&plain&transparent&credentials=0&id=frame-1&host=${encodeURIComponent('https://berita.example')}`;
  const { page, close } = await app.open(query);
  assert.match(await page.getByRole('alert').textContent(), /Warning: the data file is not the one its publisher published/);
  await page.locator('.pantau-share summary').click();
  const snippet = await page.getByLabel('Embed code (script)').inputValue();
  const link = await page.getByLabel('Link to this view').inputValue();
  const iframe = await page.getByLabel('Embed code (iframe)').inputValue();
  for (const attribute of [`sha256="${wrong}"`, 'format="pantau"', 'timeout="20"', 'maxmb="8"', 'plain="1"', 'transparent="1"']) {
    assert.ok(snippet.includes(attribute), `${attribute} in ${snippet}`);
  }
  assert.ok(!snippet.includes('credentials'), 'a flag given as off is not carried as on');
  assert.ok(!snippet.includes('host=') && !snippet.includes('frame-1'), 'nor what belongs to this embedding');
  const params = new URL(link).searchParams;
  for (const [name, value] of [['sha256', wrong], ['format', 'pantau'], ['timeout', '20'], ['maxmb', '8'], ['view', 'local-content']]) {
    assert.equal(params.get(name), value, name);
  }
  assert.ok(params.has('plain') && params.has('transparent'));
  assert.ok(!params.has('id') && !params.has('host'), `${link}: no frame name or host origin`);
  assert.equal(iframe.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&'), link);
  const expected = await page.locator('.pantau-panels').textContent();
  await close();

  // Pasted into a page of another origin: the same view, the same warning, the same flags.
  hostPage('pasted-options.html', snippet);
  const context = await app.browser.newContext({ locale: 'id-ID' });
  const host = await context.newPage();
  await host.goto(`${hostUrl}/hosts/pasted-options.html`);
  await host.locator('pantau-pbj .pantau-panel').first().waitFor();
  assert.equal(await host.locator('pantau-pbj .pantau-panels').textContent(), expected);
  assert.match(await host.locator('pantau-pbj .pantau-mismatch').textContent(), /Warning/);
  const flags = await host.locator('pantau-pbj .pantau-widget').evaluate((widget) => [widget.classList.contains('pantau-plain'), widget.classList.contains('pantau-transparent')]);
  assert.deepEqual(flags, [true, true]);
  await context.close();

  // The permalink opens the same view with the same check.
  const again = await app.open(new URL(link).search);
  assert.equal(await again.page.locator('.pantau-panels').textContent(), expected);
  assert.match(await again.page.getByRole('alert').textContent(), /Warning/);
  await again.close();
});

test('a manifest travels in the snippet as an absolute address, escaped for its attribute', async () => {
  const bytes = await readFile(new URL('../../data/kaltim-2024.json', import.meta.url));
  app.fixtures.set('/sums/SHA256SUMS', (request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
    response.end(`${sha256(bytes)}  ../data/kaltim-2024.json\n`);
  });
  app.fixtures.set('/SHA256SUMS', (request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
    response.end(`${sha256(bytes)}  data/kaltim-2024.json\n`);
  });
  const { page, close } = await app.open('?lang=en&manifest=SHA256SUMS%3Fv%3D1%26w%3D2');
  assert.match(await page.locator('.pantau-integrity').textContent(), /SHA-256 matches the published one/);
  await page.locator('.pantau-share summary').click();
  const snippet = await page.getByLabel('Embed code (script)').inputValue();
  assert.ok(snippet.includes(` manifest="${app.url}/SHA256SUMS?v=1&amp;w=2"`), snippet);
  await close();
  hostPage('pasted-manifest.html', snippet);
  const context = await app.browser.newContext({ locale: 'en-GB' });
  const host = await context.newPage();
  await host.goto(`${hostUrl}/hosts/pasted-manifest.html`);
  await host.locator('pantau-pbj .pantau-integrity').waitFor();
  assert.match(await host.locator('pantau-pbj .pantau-integrity').textContent(), /SHA-256 matches the published one/);
  await context.close();
  // `..` climbs out of the manifest's folder: that line names no file below it.
  const climbed = await app.open('?lang=en&manifest=sums/SHA256SUMS');
  assert.match(await climbed.page.locator('.pantau-integrity').textContent(), /cannot be checked/);
  await climbed.close();
});

test('data:, javascript:, blob: and file: sources and manifests end in a clear message', async () => {
  const bad = ['data:application/json,{"format":"pantau-pbj"}', 'javascript:alert(1)', 'blob:http://127.0.0.1/1', 'file:///etc/passwd', ' DATA:text/csv,pagu%0A1'];
  for (const src of bad) {
    for (const [lang, message] of [['id', /Alamat data tidak diterima/], ['en', /The data address is not accepted/]]) {
      const { page, errors, close } = await app.open(`?lang=${lang}&src=${encodeURIComponent(src)}`);
      assert.match(await page.locator('.pantau-error').textContent(), message, src);
      assert.equal(await page.locator('.pantau-panel').count(), 0);
      assert.deepEqual(errors, []);
      await close();
    }
  }
  for (const manifest of ['data:text/plain,abc', 'javascript:1']) {
    const { page, close } = await app.open(`?lang=en&manifest=${encodeURIComponent(manifest)}`);
    assert.match(await page.locator('.pantau-error').textContent(), /manifest address is not accepted/);
    await close();
  }
});

test('bytes fetched again after the reading worker failed are checked again', async () => {
  // A CSV over the worker's threshold, served without a length (so its bytes move to the
  // worker); the second request gets other bytes.
  const rows = ['nama_satker;pagu'];
  for (let row = 0; row < 70_000; row += 1) rows.push(`Dinas ${row % 20};${1_000_000 + row}`);
  const first = Buffer.from(`${rows.join('\n')}\n`);
  const second = Buffer.from(first.toString('utf8').replace('Dinas 0;1000000', 'Dinas 0;9000000'));
  assert.ok(first.length > 1_100_000);
  let served = 0;
  app.fixtures.set('/fixtures/refetched.csv', (request, response) => {
    const body = served++ === 0 ? first : second;
    response.writeHead(200, { 'content-type': 'text/csv' });
    response.write(body.subarray(0, 1000));
    response.end(body.subarray(1000));
  });
  // A worker that takes the bytes and fails. It speaks the exchange of src/load/messages.rs: a
  // message is [header, payload?]; header [1] is "ready", a job's header starts with 3.
  app.fixtures.set('/pantau-ingest_loader.js', (request, response) => {
    response.writeHead(200, { 'content-type': 'text/javascript' });
    response.end("self.onmessage = (event) => { const [header, payload] = event.data; if (header[0] === 3 && payload) throw new Error('the worker failed'); }; postMessage([new Uint8Array([1])]);");
  });
  try {
    const { page, close } = await app.open(`?lang=en&src=fixtures/refetched.csv&sha256=${sha256(first)}`);
    await page.locator('.pantau-panel').first().waitFor();
    assert.equal(served, 2, 'fetched again after the worker failed');
    assert.match(await page.getByRole('alert').textContent(), /Warning/);
    assert.match(await page.locator('.pantau-integrity').textContent(), new RegExp(`expected ${sha256(first).slice(0, 12)}, received ${sha256(second).slice(0, 12)}`));
    await close();
  } finally {
    app.fixtures.delete('/pantau-ingest_loader.js');
  }
});

test('the data request carries the reader\'s cookies only to its own origin, and only when asked', async () => {
  const seen = [];
  const body = await readFile(new URL('../../data/kaltim-2024.json', import.meta.url));
  app.fixtures.set('/fixtures/cookie.json', (request, response) => {
    seen.push({ host: request.headers.host.split(':')[0], cookie: request.headers.cookie ?? null });
    response.writeHead(200, {
      'content-type': 'application/json',
      'access-control-allow-origin': request.headers.origin ?? '*',
      ...(request.headers.origin ? { 'access-control-allow-credentials': 'true' } : {}),
    });
    response.end(body);
  });
  const open = async (query) => {
    const context = await app.browser.newContext();
    await context.addCookies([
      { name: 'sesi', value: 'rahasia', domain: '127.0.0.1', path: '/' },
      { name: 'sesi', value: 'lain', domain: 'localhost', path: '/' },
    ]);
    const page = await context.newPage();
    await page.goto(`${app.url}/${query}`);
    await page.locator('.pantau-panel').first().waitFor();
    await context.close();
  };
  await open('?src=fixtures/cookie.json');
  await open('?src=fixtures/cookie.json&credentials');
  await open(`?src=${encodeURIComponent(`${hostUrl}/fixtures/cookie.json`)}&credentials`);
  assert.deepEqual(seen, [
    { host: '127.0.0.1', cookie: null },
    { host: '127.0.0.1', cookie: 'sesi=rahasia' },
    { host: 'localhost', cookie: null },
  ]);
});

test('height messages go only to the origin the page names with host', async () => {
  const frames = `
    <iframe data-pantau id="named" title="A" src="${app.url}/?lang=id&id=named&host=${encodeURIComponent(hostUrl)}" style="width:600px;height:650px;border:0"></iframe>
    <iframe data-pantau id="other" title="B" src="${app.url}/?lang=id&id=other&host=${encodeURIComponent('https://berita.example')}" style="width:600px;height:650px;border:0"></iframe>`;
  hostPage('host-origin.html', frames);
  const context = await app.browser.newContext();
  const page = await context.newPage();
  const messages = [];
  await page.exposeFunction('__record', (data) => messages.push(data));
  await page.addInitScript(() => window.addEventListener('message', (event) => window.__record(event.data)));
  await page.goto(`${hostUrl}/hosts/host-origin.html`);
  for (const id of ['named', 'other']) await page.frameLocator(`#${id}`).locator('.pantau-panel').first().waitFor();
  await until(() => messages.some((data) => data && data.type === 'pantau-pbj:height' && data.id === 'named'), { what: 'a height message from the named frame' });
  for (const id of ['named', 'other']) await settled(page.frameLocator(`#${id}`).locator('body'));
  await settled(page);
  const ids = new Set(messages.filter((data) => data && data.type === 'pantau-pbj:height').map((data) => data.id));
  assert.deepEqual([...ids], ['named']);
  const keys = messages.filter((data) => data && data.type === 'pantau-pbj:height').map((data) => Object.keys(data).sort().join(','));
  assert.ok(keys.every((names) => names === 'height,id,type,version'), 'nothing but the height');
  await context.close();
});

test('the host snippet skips a frame it cannot address and still sizes the others', async () => {
  const snippet = await readFile(new URL('./hosts/pantau-host.js', import.meta.url), 'utf8');
  app.fixtures.set('/hosts/pantau-host.js', (request, response) => {
    response.writeHead(200, { 'content-type': 'text/javascript' });
    response.end(snippet);
  });
  hostPage('blank-frame.html', `
    <iframe data-pantau id="blank" title="Kosong" src="about:blank" style="height:650px"></iframe>
    <iframe data-pantau id="none" title="Tanpa alamat" style="height:650px"></iframe>
    <iframe data-pantau id="real" title="Pantau" src="${app.url}/?lang=id&id=real" style="width:600px;height:650px;border:0"></iframe>
    <script src="/hosts/pantau-host.js"></script>`);
  const context = await app.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${hostUrl}/hosts/blank-frame.html`);
  await page.frameLocator('#real').locator('.pantau-panel').first().waitFor();
  let heights = [];
  await until(async () => {
    heights = [
      await page.locator('#real').evaluate((frame) => frame.getBoundingClientRect().height),
      await page.frameLocator('#real').locator('body').evaluate((body) => Math.ceil(body.getBoundingClientRect().height)),
    ];
    return heights[0] === heights[1];
  }, { what: 'the real frame to follow its content' }).catch(() => {});
  assert.equal(heights[0], heights[1], 'the real frame follows its content');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a label with noncharacters downloads as well-formed SVG and as PNG', async () => {
  app.fixtures.set('/fixtures/nonchar.csv', (request, response) => {
    response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
    response.end('nama_satker,pagu\nDinas \uFFFE Kese\uFFFFhatan \uFDD0,1000\nDinas B,2000\n');
  });
  const { page, close } = await app.open('?lang=en&src=fixtures/nonchar.csv');
  const save = async (format) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#pantau-panel-by-unit').getByRole('button', { name: `Download ${format}` }).click(),
    ]);
    return readFile(await file.path());
  };
  const svg = (await save('SVG')).toString('utf8');
  assert.ok(!/[\uFFFE\uFFFF\uFDD0]/.test(svg));
  const wellFormed = await page.evaluate((text) => !new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror'), svg);
  assert.ok(wellFormed, 'the SVG parses as XML');
  assert.match(svg, /Dinas Kesehatan/);
  const png = await save('PNG');
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  await close();
});

test('a PNG the page may not make (no blob: images under its policy) is reported, in the reader\'s language', async () => {
  app.pageHeaders['content-security-policy'] = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
  try {
    for (const [lang, name, message] of [['en', 'Download PNG', /The PNG could not be made/], ['id', 'Unduh PNG', /PNG tidak dapat dibuat/]]) {
      const { page, close } = await app.open(`?lang=${lang}`);
      await page.getByRole('button', { name }).first().click();
      await page.locator('.pantau-download-failed').filter({ hasText: /./ }).first().waitFor();
      assert.match(await page.locator('.pantau-download-failed').first().textContent(), message);
      await close();
    }
  } finally {
    delete app.pageHeaders['content-security-policy'];
  }
});
