// The widget end to end in headless Chromium against the release build: the three views from
// the bundled sample, hover and keyboard tooltips, the language switch, and a clear message
// for each way the data can fail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start } from './harness.mjs';

let app;
before(async () => {
  app = await start();
  const json = (body) => (request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
  };
  app.fixtures.set('/fixtures/html-page.json', (request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><html><body><h1>Portal maintenance</h1></body></html>');
  });
  app.fixtures.set('/fixtures/server-error.json', (request, response) => response.writeHead(500).end('boom'));
  app.fixtures.set('/fixtures/truncated.json', json('{"format": "pantau-pbj", "version": 1, "meta": {"title": '));
  app.fixtures.set('/fixtures/version-9.json', json('{"format": "pantau-pbj", "version": 9}'));
  app.fixtures.set(
    '/fixtures/hostile.json',
    json(JSON.stringify({
      format: 'pantau-pbj',
      version: 1,
      meta: {
        title: '<img src=x onerror="window.__pwned=1">Judul',
        publisher: '<script>window.__pwned=2</script>',
        license: 'CC0',
        as_of: '2024-06-30',
        period: { start: '2024-01-01', end: '2024-12-31' },
        fiscal_year: 2024,
        currency: 'IDR',
        source_url: 'javascript:window.__pwned=3',
      },
      targets: [{ id: 't', label: '<b onmouseover=alert(1)>Label</b>', start: '2024-01-01', target: 10, deadline: '2024-12-31', achieved: 2, as_of: '2024-06-30' }],
      spending: { stage: 'realisasi', monthly: [{ month: '2024-01', amount: -1 }, { month: '2024-02', amount: 5 }] },
    })),
  );
});
after(async () => app.stop());

test('the data starts downloading while the code loads, and is fetched once', async () => {
  let requests = 0;
  const sample = await readFile(new URL('../../data/kaltim-2024.json', import.meta.url));
  app.fixtures.set('/fixtures/counted.json', (request, response) => {
    requests += 1;
    response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    response.end(sample);
  });
  // The code arrives late (held back 400 ms): the data request must not wait for it.
  const context = await app.browser.newContext({ viewport: { width: 900, height: 900 } });
  await context.route('**/*_bg.wasm', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${app.url}/?lang=id&src=%20fixtures/counted.json%20`);
  await page.waitForSelector('svg.pantau-svg');
  assert.equal(await page.locator('svg.pantau-svg').count(), 3);
  const timing = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource');
    const data = entries.filter((entry) => entry.name.endsWith('/fixtures/counted.json'));
    const wasm = entries.find((entry) => entry.name.endsWith('_bg.wasm'));
    return { data: data.map((entry) => [entry.initiatorType, entry.responseEnd < wasm.responseStart]), left: '__pantauStarted' in window };
  });
  // Sent by the start-up script (a fetch, answered before the code even arrived) and taken by
  // the widget as its own request: the server saw one request, and nothing was left behind.
  assert.deepEqual(timing, { data: [['fetch', true]], left: false });
  assert.equal(requests, 1, 'one request for the data file');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the start-up script, which runs while the page is parsed, mounts the widget only once the page is whole', async () => {
  // The page arrives in two parts, its body 1,5 s after its head (where the start-up script is):
  // the code is in and compiled long before the element it mounts on.
  const html = await readFile(new URL('../../dist/index.html', import.meta.url), 'utf8');
  const cut = html.indexOf('<body>');
  app.fixtures.set('/slow-page.html', (request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.write(html.slice(0, cut));
    setTimeout(() => response.end(html.slice(cut)), 1500);
  });
  const context = await app.browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${app.url}/slow-page.html?lang=id`);
  await page.waitForSelector('svg.pantau-svg');
  assert.equal(await page.locator('svg.pantau-svg').count(), 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a request the start-up script sent for another address is dropped, and a failed one tried again', async () => {
  const counts = { other: 0, flaky: 0 };
  const sample = await readFile(new URL('../../data/kaltim-2024.json', import.meta.url));
  app.fixtures.set('/fixtures/flaky.json', (request, response) => {
    counts.flaky += 1;
    if (counts.flaky === 1) {
      response.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '0' }).end('busy');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(sample);
  });
  // The first answer fails (503): the widget reads that answer as its first attempt, then asks
  // again itself.
  const { page, errors, close } = await app.open('?lang=id&src=fixtures/flaky.json');
  assert.equal(await page.locator('svg.pantau-svg').count(), 3);
  assert.equal(counts.flaky, 2, 'the start-up request and one retry');
  assert.deepEqual(errors, []);
  await close();
  // A request left for another address than the widget's is aborted, and the widget asks for its
  // own (a host of the page could plant one: it is never read).
  app.fixtures.set('/fixtures/other.json', (request, response) => {
    counts.other += 1;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"format":"pantau-pbj","not":"this"}');
  });
  const context = await app.browser.newContext({ viewport: { width: 900, height: 900 } });
  await context.addInitScript(() => {
    const controller = new AbortController();
    const response = fetch('/fixtures/other.json', { signal: controller.signal });
    response.catch(() => {});
    Object.defineProperty(window, '__pantauStarted', {
      configurable: true,
      get: () => ({ url: new URL('/fixtures/other.json', location.href).href, response, controller }),
      set: () => {},
    });
  });
  const planted = await context.newPage();
  await planted.goto(`${app.url}/?lang=id`);
  await planted.waitForSelector('svg.pantau-svg');
  assert.match(await planted.locator('.pantau-widget').textContent(), /Kalimantan Timur/);
  await context.close();
});

test('spending view renders the cumulative chart and both breakdowns from the sample', async () => {
  const { page, errors, close } = await app.open('?lang=id');
  const titles = await page.locator('.pantau-panel-title').allTextContents();
  assert.deepEqual(titles, ['Realisasi belanja kumulatif 2024', 'Menurut metode pemilihan 2024', 'Menurut jenis pengadaan 2024']);
  const text = await page.locator('.pantau-widget').textContent();
  assert.match(text, /Rp7,08 T \*/);
  assert.match(text, /Pagu Rp20,7 T/);
  assert.match(text, /Sebagian angka bersifat ilustratif/);
  assert.equal(await page.locator('svg.pantau-svg').count(), 3);
  assert.equal(await page.locator('svg.pantau-svg text', { hasText: /^Agu$/ }).count(), 1);
  assert.deepEqual(errors, []);
  await close();
});

test('local-content view shows shares against 95% and the 40% legal floor with gaps', async () => {
  const { page, close } = await app.open('?lang=id&view=local-content');
  const text = await page.locator('.pantau-panels').textContent();
  assert.match(text, /Porsi usaha mikro, kecil dan koperasi \(UMK-K\) 2023/);
  assert.match(text, /29,1% · kekurangan Rp438 M \*/);
  assert.match(text, /Perpres 12\/2021 Pasal 65 ayat \(3\)/);
  assert.match(text, /target 95%/);
  await close();
});

test('targets view shows projection, required pace and verdict', async () => {
  const { page, close } = await app.open('?lang=id&view=targets');
  const text = await page.locator('.pantau-panels').textContent();
  assert.match(text, /Produk tayang di e-Katalog/);
  assert.match(text, /191\.044 produk \(19,1%\)/);
  assert.match(text, /4\.918 per hari \(9,4×\)/);
  assert.match(text, /Tidak sesuai jalur/);
  await close();
});

test('hovering a bar shows its exact value', async () => {
  const { page, close } = await app.open('?lang=id');
  const bar = page.locator('#pantau-panel-by-method .pantau-hit').first();
  await bar.hover();
  const tooltip = page.locator('#pantau-panel-by-method .pantau-tooltip');
  await tooltip.waitFor();
  const text = await tooltip.textContent();
  assert.match(text, /E-purchasing/);
  assert.match(text, /Nilai persis: Rp2\.900\.000\.000\.000/);
  assert.match(text, /49,3% dari total/);
  await page.mouse.move(0, 0);
  await tooltip.waitFor({ state: 'detached' });
  await close();
});

test('keyboard focus walks the months and reads each tooltip', async () => {
  const { page, close } = await app.open('?lang=en');
  const first = page.locator('#pantau-panel-cumulative .pantau-hit').first();
  await first.focus();
  const tooltip = page.locator('#pantau-panel-cumulative .pantau-tooltip');
  assert.match(await tooltip.textContent(), /January 2024/);
  await page.keyboard.press('ArrowRight');
  assert.match(await tooltip.textContent(), /February 2024/);
  assert.match(await tooltip.textContent(), /Cumulative: IDR 897 billion \*/);
  const label = await page.locator('#pantau-panel-cumulative .pantau-hit').nth(1).getAttribute('aria-label');
  assert.equal(label, 'February 2024: cumulative 897 billion rupiah, 4.3% of budget ceiling (pagu)');
  await close();
});

test('the language switch and the view tabs work by mouse and keyboard', async () => {
  const { page, close } = await app.open('?lang=id');
  await page.getByRole('button', { name: 'English' }).click();
  assert.equal(await page.locator('.pantau-panel-title').first().textContent(), 'Realised cumulative spending 2024');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.getByRole('tab', { name: 'Spending' }).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByRole('tab', { name: 'Local content' }).getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pantau-tab-local-content', 'focus follows the arrow key');
  assert.match(await page.locator('.pantau-panels').textContent(), /UMK-K/);
  await close();
});

test('a missing data file shows a message in the widget, in the reader\'s language', async () => {
  const { page, close } = await app.open('?lang=id&src=data/tidak-ada.json');
  const alert = page.getByRole('alert');
  assert.match(await alert.textContent(), /Berkas data tidak ditemukan \(HTTP 404\)/);
  assert.equal(await page.getByRole('button', { name: 'Coba lagi' }).count(), 1);
  await close();
});

test('each failing source ends in its own message', async () => {
  const cases = [
    ['fixtures/html-page.json', /halaman web, bukan berkas data/],
    ['fixtures/server-error.json', /galat HTTP 500/],
    ['fixtures/truncated.json', /bukan JSON yang sah \(baris 1, kolom \d+\)/],
    ['fixtures/version-9.json', /Versi format berkas data tidak didukung: 9/],
    ['http://127.0.0.1:9/unreachable.json', /tidak dapat dijangkau/],
  ];
  for (const [src, message] of cases) {
    const { page, close } = await app.open(`?lang=id&src=${encodeURIComponent(src)}`);
    assert.match(await page.getByRole('alert').textContent(), message, src);
    await close();
  }
});

test('text from the data is shown as text, never run as HTML', async () => {
  const { page, errors, close } = await app.open('?lang=id&view=targets&src=fixtures/hostile.json');
  assert.equal(await page.locator('.pantau-title').textContent(), '<img src=x onerror="window.__pwned=1">Judul');
  assert.equal(await page.locator('.pantau-widget img, .pantau-widget script, .pantau-widget b').count(), 0);
  assert.match(await page.locator('.pantau-panels').textContent(), /<b onmouseover=alert\(1\)>Label<\/b>/);
  assert.equal(await page.locator('.pantau-footer a[href^="javascript"]').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.getByRole('tab', { name: 'Belanja' }).click();
  assert.match(await page.locator('.pantau-issues summary').textContent(), /^1 nilai dalam berkas data dilewati/);
  assert.deepEqual(errors, []);
  await close();
});

test('a 320 px phone screen needs no horizontal scrolling', async () => {
  for (const view of ['spending', 'local-content', 'targets']) {
    const { page, close } = await app.open(`?lang=id&view=${view}`, { width: 320, height: 640 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, view);
    await close();
  }
});

test('the English widget has no Indonesian interface text left', async () => {
  const indonesian = /\b(Belanja|Realisasi|Sumber|Penerbit|Lisensi|Perangkat|Keseluruhan|kekurangan|Ambang|Proyeksi|Capaian|Laju|hari|Tabel|Grafik|Nilai|Bulan|Porsi|Tampilan|Tanggal|Keterangan|dari|ilustratif|Semua|Tahun|Wilayah|Metode|Jenis|Tahap|Kembali|Hapus|Saring|Tampilkan|Kumulatif|Lainnya)\b/;
  for (const [view, src] of [['spending', ''], ['local-content', ''], ['targets', ''], ['spending', '&src=data/contoh-paket.json&unit=Dinas%20Kesehatan']]) {
    const { page, close } = await app.open(`?lang=en&view=${view}${src}`);
    for (const table of [false, true]) {
      if (table) await page.getByRole('button', { name: 'Table' }).first().click();
      const chrome = await page
        .locator('.pantau-tab, .pantau-display, .pantau-fact-item, .pantau-table thead, .pantau-illustrative, .pantau-footer > p:first-child, .pantau-source, svg.pantau-svg text, .pantau-filter label, .pantau-filter option, .pantau-clear, .pantau-back, .pantau-drill-unit, .pantau-legend-entry, .pantau-fold')
        .allTextContents();
      const dataText = ['Realisasi belanja APBD', 'Dinas', 'Sekretariat', 'RSUD', 'produk', 'iknpos', 'dimensinews', 'Rapat koordinasi', 'Pantau PBJ (contoh data)', 'Kota ', 'Kab. '];
      for (const text of chrome.filter((text) => !dataText.some((data) => text.includes(data)))) {
        assert.doesNotMatch(text, indonesian, `${view}${table ? ' table' : ''}: ${text}`);
      }
    }
    await close();
  }
});
