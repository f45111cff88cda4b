// What people publish, in headless Chromium: the OCDS standard's own example, JSON Lines, a
// Windows-1252 SiRUP export, a hostile CSV label; and a misbehaving server for every network
// failure: timeouts, bodies over the size cap with no length, 503 then success, 429 for good,
// an empty dataset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, until } from './harness.mjs';

let app;
const hits = new Map();
before(async () => {
  app = await start();
  const ocds = await readFile(new URL('../data/ocds/fictional-example-1.1-release-package.json', import.meta.url));
  const send = (type, body, extra = {}) => (request, response) => {
    response.writeHead(200, { 'content-type': type, ...extra });
    response.end(body);
  };
  app.fixtures.set('/fixtures/ocds-release-package.json', send('application/json', ocds));
  const releases = JSON.parse(ocds).releases.map((release) => JSON.stringify(release));
  app.fixtures.set('/fixtures/ocds.jsonl', send('application/x-ndjson', [...releases.reverse(), releases[1]].join('\n')));
  app.fixtures.set('/fixtures/empty-ocds.json', send('application/json', '{"releases": []}'));
  const sirup = Buffer.concat([
    Buffer.from('Kd_RUP;Nama Paket;Nama Satker;Metode Pengadaan;Jenis Pengadaan;Pagu;Tanggal Kontrak;Nilai Kontrak;Status PDN;Status UKM\r\n'),
    Buffer.from('1;"Alat; kesehatan";Dinas Kesehatan;Tender;Barang;Rp 1.500.000.000,00;15/03/2024;1.350.000.000;Ya;Tidak\r\n'),
    Buffer.from([...Buffer.from('2;Katering;Sekretariat Daerah '), 0x96, ...Buffer.from(' Biro Umum;Pengadaan Langsung;Jasa Lainnya;150.000.000;2024-04;149.500.000;Ya;Ya\r\n')]),
    Buffer.from('3;Rusak;Dinas PUPR;Lelang;Barang;9.000.000;;;;\r\n'),
  ]);
  app.fixtures.set('/fixtures/sirup.csv', send('text/csv', sirup));
  app.fixtures.set('/fixtures/sirup-as-json', send('application/json', sirup));
  app.fixtures.set('/fixtures/hostile.csv', send('text/csv', 'nama_paket,nama_satker,pagu\n"<img src=x onerror=""window.__pwned=1"">",<script>window.__pwned=2</script>,1000\n'));
  app.fixtures.set('/fixtures/slow.json', () => {}); // never answers
  app.fixtures.set('/fixtures/huge.json', (request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }); // chunked: no length
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < 3 * 1024 * 1024) {
        sent += chunk.length;
        if (!response.write(chunk)) return response.once('drain', pump);
      }
      response.end('{}');
    };
    response.on('error', () => {});
    pump();
  });
  const counted = (name, answer) => (request, response) => {
    const key = new URL(request.url, 'http://x').pathname;
    hits.set(key, (hits.get(key) ?? 0) + 1);
    answer(hits.get(key), response);
  };
  const kaltim = await readFile(new URL('../../data/kaltim-2024.json', import.meta.url));
  app.fixtures.set('/fixtures/slow-big.json', (request, response) => {
    // 3 MB of leading spaces (valid JSON) sent in steps, then the sample: long enough to show progress.
    const body = Buffer.concat([Buffer.alloc(3 * 1024 * 1024, 0x20), kaltim]);
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    let sent = 0;
    const step = () => {
      const next = Math.min(body.length, sent + 512 * 1024);
      response.write(body.subarray(sent, next));
      sent = next;
      if (sent < body.length) setTimeout(step, 250);
      else response.end();
    };
    step();
  });
  app.fixtures.set('/fixtures/flaky.json', counted('flaky', (count, response) => {
    if (count === 1) response.writeHead(503, { 'retry-after': '1' }).end('busy');
    else send('application/json', kaltim)(null, response);
  }));
  app.fixtures.set('/fixtures/always-429.json', counted('429', (count, response) => response.writeHead(429, { 'retry-after': '0' }).end()));
  app.fixtures.set('/fixtures/gone-for-long.json', counted('long', (count, response) => response.writeHead(503, { 'retry-after': '3600' }).end()));
  app.fixtures.set('/fixtures/bad-request.json', counted('400', (count, response) => response.writeHead(400).end()));
});
after(async () => app.stop());

const alertText = (page) => page.getByRole('alert').textContent();

test('the OCDS standard\'s example renders once per process, in pounds, with its supplier indicators', async () => {
  const { page, errors, close } = await app.open('?lang=en&src=fixtures/ocds-release-package.json');
  assert.equal(await page.locator('.pantau-title').textContent(), 'Open Data Services Co-operative Limited (OCDS)');
  const text = await page.locator('.pantau-panels').textContent();
  assert.match(text, /GBP 60 thousand/, 'realised: two transactions');
  assert.doesNotMatch(text, /Rp|IDR/);
  assert.match(text, /London Borough of Barnet/);
  assert.match(await page.locator('#pantau-panel-suppliers').textContent(), /Tenders with a single bidder/);
  assert.match(await page.locator('#pantau-panel-suppliers').textContent(), /0 of 1 packages/);
  await page.getByLabel('Stage of money', { exact: true }).selectOption('komitmen');
  assert.match(await page.locator('.pantau-panels').textContent(), /GBP 11 million/);
  assert.deepEqual(errors, []);
  await close();
});

test('JSON Lines of the same releases, reversed and repeated, give the same figures', async () => {
  const { page, close } = await app.open('?lang=en&src=fixtures/ocds.jsonl');
  assert.match(await page.locator('.pantau-panels').textContent(), /GBP 60 thousand/);
  assert.equal(await page.locator('#pantau-panel-by-unit .pantau-hit').count(), 1);
  await close();
});

test('a Windows-1252 SiRUP export renders, says what it left blank, and reads the same when forced', async () => {
  for (const src of ['fixtures/sirup.csv', 'fixtures/sirup-as-json&format=csv']) {
    const { page, close } = await app.open(`?lang=id&src=${src}`);
    const text = await page.locator('.pantau-widget').textContent();
    assert.match(text, /Sekretariat Daerah – Biro Umum/, src);
    assert.match(await page.locator('.pantau-issues summary').textContent(), /^1 nilai dalam berkas data dilewati/, src);
    await page.locator('.pantau-issues summary').click();
    // An unknown method is left blank and the package still counts.
    assert.match(await page.locator('.pantau-issues li').first().textContent(), /baris 4, kolom Metode Pengadaan: kata tidak dikenal «Lelang»; dibiarkan kosong, paket tetap dihitung/);
    await page.getByRole('tab', { name: 'Konten lokal' }).click();
    assert.match(await page.locator('#pantau-panel-share-pdn').textContent(), /100%/);
    await close();
  }
});

test('labels from a CSV are text, never HTML', async () => {
  const { page, errors, close } = await app.open('?lang=id&src=fixtures/hostile.csv');
  assert.match(await page.locator('.pantau-panels').textContent(), /<script>window.__pwned=2<\/script>/);
  assert.equal(await page.locator('.pantau-widget img, .pantau-widget script').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await close();
});

test('every network failure ends in its own message, in the reader\'s language', async () => {
  const cases = [
    ['fixtures/slow.json&timeout=2', /Server data tidak menjawab tepat waktu/],
    ['fixtures/huge.json&maxmb=1', /terlalu besar/],
    ['fixtures/empty-ocds.json', /tidak memuat angka yang dapat ditampilkan/],
    ['fixtures/bad-request.json', /galat HTTP 400/],
    ['fixtures/gone-for-long.json', /galat HTTP 503/],
  ];
  for (const [src, message] of cases) {
    const { page, close } = await app.open(`?lang=id&src=${src}`);
    assert.match(await alertText(page), message, src);
    await close();
  }
  assert.equal(hits.get('/fixtures/bad-request.json'), 1, '400 is not tried again');
  assert.equal(hits.get('/fixtures/gone-for-long.json'), 1, 'a Retry-After of an hour is not waited for');
  const { page, close } = await app.open('?lang=en&src=fixtures/huge.json&maxmb=1');
  assert.match(await alertText(page), /too large to read in the browser/);
  await close();
});

test('a long load shows its progress, then the charts', async () => {
  const context = await app.browser.newContext();
  const tab = await context.newPage();
  await tab.goto(`${app.url}/?lang=id&src=fixtures/slow-big.json`);
  const bar = tab.locator('progress.pantau-progress');
  await bar.waitFor();
  const max = Number(await bar.getAttribute('max'));
  assert.ok(max > 3 * 1024 * 1024, `${max}`);
  assert.match(await tab.locator('.pantau-progress-text').textContent(), /^\d+(,\d)? \/ \d+(,\d)? MB$/);
  await tab.waitForSelector('.pantau-panel');
  assert.equal(await bar.count(), 0, 'the progress bar goes once the charts are in');
  await context.close();
});

test('transient failures are tried again: 503 with Retry-After then success; 429 three times, then the message', async () => {
  const { page, close } = await app.open('?lang=id&src=fixtures/flaky.json');
  assert.equal(hits.get('/fixtures/flaky.json'), 2);
  assert.equal(await page.locator('.pantau-panel').count(), 3);
  await close();
  const second = await app.open('?lang=id&src=fixtures/always-429.json');
  assert.match(await alertText(second.page), /galat HTTP 429/);
  assert.equal(hits.get('/fixtures/always-429.json'), 3, 'one try and two retries');
  await second.page.getByRole('button', { name: 'Coba lagi' }).click();
  await until(() => hits.get('/fixtures/always-429.json') >= 6, { timeout: 10000, what: 'the retry and its two retries' });
  assert.equal(hits.get('/fixtures/always-429.json'), 6, 'the reader\'s retry starts over');
  assert.match(await alertText(second.page), /galat HTTP 429/);
  await second.close();
});
