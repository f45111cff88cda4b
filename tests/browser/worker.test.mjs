// Files of a megabyte or more are read in a Web Worker, ended after the reading: the same
// figures as reading on the widget's own thread (which is what happens where no worker can
// start), a Pantau file with ready-made sections handed back and read by the widget, and the
// script embed on another origin, where no worker may start, reading on its own thread.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { start } from './harness.mjs';

let app;
let hostUrl;
const requests = new Map();
const METHODS = ['Tender', 'E-Purchasing', 'Pengadaan Langsung', 'Penunjukan Langsung'];

/** A SiRUP-style CSV of about 1,5 MB (more than the worker's threshold), always the same. */
function bigCsv() {
  const lines = ['kd_rup;nama_paket;nama_satker;lokasi;metode_pengadaan;jenis_pengadaan;tahun_anggaran;tanggal_kontrak;pagu;nilai_kontrak;status_pdn;status_ukm'];
  for (let row = 0; row < 12_000; row += 1) {
    const pagu = 10_000_000 + ((row * 7_919) % 5_000) * 100_000;
    lines.push([40_000_000 + row, `Paket pengadaan nomor ${row} untuk keperluan dinas`, `Dinas ${String(row % 14).padStart(2, '0')}`, `Kab. ${row % 9}`,
      METHODS[row % METHODS.length], row % 3 ? 'Barang' : 'Jasa Lainnya', 2024, `${String(1 + (row % 28)).padStart(2, '0')}/${String(1 + (row % 12)).padStart(2, '0')}/2024`,
      pagu.toLocaleString('id-ID'), Math.round(pagu * 0.9).toLocaleString('id-ID'), row % 5 ? 'Ya' : 'Tidak', row % 2 ? 'Ya' : 'Tidak'].join(';'));
  }
  return `${lines.join('\n')}\n`;
}

before(async () => {
  app = await start();
  hostUrl = app.url.replace('127.0.0.1', 'localhost');
  const counted = (name, type, body) => app.fixtures.set(`/fixtures/${name}`, (request, response) => {
    requests.set(name, (requests.get(name) ?? 0) + 1);
    response.writeHead(200, { 'content-type': type, 'access-control-allow-origin': '*' });
    response.end(body);
  });
  const csv = bigCsv();
  assert.ok(csv.length > 1_100_000, `the CSV is ${csv.length} bytes`);
  counted('big.csv', 'text/csv', csv);
  // The same file with its length declared (the widget copies each chunk into place and the
  // worker starts early), and compressed (the declared length is the smaller, compressed one).
  const sized = (name, headers, body) => app.fixtures.set(`/fixtures/${name}`, (request, response) => {
    response.writeHead(200, { 'content-type': 'text/csv', 'content-length': body.length, ...headers });
    // In pieces, as a network delivers it (the first decompressed ones still fit the length).
    const pieces = Array.from({ length: 32 }, (_, index) => body.subarray(Math.floor((index * body.length) / 32), Math.floor(((index + 1) * body.length) / 32)));
    const send = () => (pieces.length ? response.write(pieces.shift(), () => setTimeout(send, 15)) : response.end());
    send();
  });
  sized('sized.csv', {}, Buffer.from(csv));
  // Slowly (50 pieces, 30 ms apart): the worker reads while the rest downloads. Once as UTF-8
  // all through; once with one Windows-1252 byte in the last row, after 10.000 rows of UTF-8
  // (so the whole file is Windows-1252, and the worker must start its reading over).
  const slowly = (name, body) => app.fixtures.set(`/fixtures/${name}`, (request, response) => {
    response.writeHead(200, { 'content-type': 'text/csv', 'content-length': body.length });
    const pieces = Array.from({ length: 50 }, (_, index) => body.subarray(Math.floor((index * body.length) / 50), Math.floor(((index + 1) * body.length) / 50)));
    const send = () => (pieces.length ? response.write(pieces.shift(), () => setTimeout(send, 30)) : response.end());
    send();
  });
  const accented = csv.replaceAll('Dinas 03', 'Dinas Pariwisata é');
  slowly('slow.csv', Buffer.from(accented));
  // The same in 3.000 small pieces (a server may send a file so): passed on to the worker
  // gathered, a few per message.
  app.fixtures.set('/fixtures/tiny.csv', (request, response) => {
    const body = Buffer.from(accented);
    response.writeHead(200, { 'content-type': 'text/csv', 'content-length': body.length });
    const size = Math.ceil(body.length / 3000);
    let at = 0;
    const send = () => {
      if (at >= body.length) return response.end();
      const piece = body.subarray(at, at + size);
      at += size;
      response.write(piece, () => setImmediate(send));
    };
    send();
  });
  slowly('slow-1252.csv', Buffer.concat([Buffer.from(accented), Buffer.from('99;Paket akhir;Dinas Caf\xe9;Kab. 1;Tender;Barang;2024;01/02/2024;1.000.000;900.000;Ya;Ya\n', 'latin1')]));
  sized('gzipped.csv', { 'content-encoding': 'gzip' }, gzipSync(csv));
  // The bundled sample with a megabyte of notes: a Pantau file with ready-made sections.
  const sample = JSON.parse(await readFile(new URL('../../data/kaltim-2024.json', import.meta.url), 'utf8'));
  sample.meta.notes = `Catatan ${'panjang '.repeat(150_000)}`;
  counted('big-pantau.json', 'application/json', JSON.stringify(sample));
  const host = `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Embed</title><script type="module" src="${app.url}/embed.js"></script></head>`
    + `<body><pantau-pbj id="big" src="${app.url}/fixtures/big.csv" lang="id"></pantau-pbj></body></html>`;
  app.fixtures.set('/hosts/big-embed.html', (request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(host);
  });
});
after(async () => app.stop());

/** The spending view's text, whether a worker was started and whether it read the file. */
async function spending(query) {
  const { page, errors, close } = await app.open(query);
  await page.locator('svg.pantau-svg').first().waitFor();
  const text = await page.locator('.pantau-panels').textContent();
  const worker = await page.evaluate(() => performance.getEntriesByName('pantau-pbj:worker-done').length === 1);
  const started = await page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/pantau-ingest_loader.js')));
  await close();
  return { text, worker, started, errors };
}

test('a big CSV is read in a worker, with the same figures as on the widget\'s own thread', async () => {
  requests.clear();
  const inWorker = await spending('?lang=id&src=fixtures/big.csv');
  assert.equal(inWorker.worker, true, 'the worker was started');
  assert.equal(requests.get('big.csv'), 1, 'the file was fetched once');
  assert.match(inWorker.text, /Menurut metode pemilihan/);
  assert.deepEqual(inWorker.errors, []);
  // Where the worker's files cannot be had, the widget reads the file itself.
  app.fixtures.set('/pantau-ingest_loader.js', (request, response) => response.writeHead(404).end());
  try {
    const here = await spending('?lang=id&src=fixtures/big.csv');
    assert.equal(here.worker, false, 'read on the widget\'s own thread');
    assert.equal(here.text, inWorker.text);
    assert.deepEqual(here.errors, []);
  } finally {
    app.fixtures.delete('/pantau-ingest_loader.js');
  }
});

test('a big file reads the same with its length declared, and compressed (the body outgrows its declared length)', async () => {
  const plain = await spending('?lang=id&src=fixtures/big.csv');
  for (const name of ['sized.csv', 'gzipped.csv']) {
    const read = await spending(`?lang=id&src=fixtures/${name}`);
    assert.equal(read.worker, true, `${name}: read in the worker`);
    assert.equal(read.text.replaceAll(name, 'big.csv'), plain.text, `${name}: the same figures`);
    assert.deepEqual(read.errors, []);
  }
});

test('a big file is read while it downloads: the packages come before the last byte, and a file that turns out not to be UTF-8 is read again', async () => {
  const marks = async (page) => page.evaluate(() => Object.fromEntries(['received', 'first-batch', 'worker-done', 'read-on-page'].map((name) => [name, performance.getEntriesByName(`pantau-pbj:${name}`)[0]?.startTime])));
  const read = async (name) => {
    const { page, errors, close } = await app.open(`?lang=id&src=fixtures/${name}`);
    await page.locator('svg.pantau-svg').first().waitFor();
    const text = await page.locator('.pantau-panels').textContent();
    const units = await page.locator('#pantau-filter-unit option').allTextContents();
    const timing = await marks(page);
    await close();
    return { text: text.replaceAll(name, 'file'), units, timing, errors };
  };
  const streamed = await read('slow.csv');
  assert.ok(streamed.timing['first-batch'] < streamed.timing.received, `packages before the last byte: ${JSON.stringify(streamed.timing)}`);
  assert.equal(streamed.timing['read-on-page'], undefined, 'the worker\'s reading was used');
  assert.ok(streamed.units.includes('Dinas Pariwisata é'));
  const tiny = await read('tiny.csv');
  assert.equal(tiny.text, streamed.text, 'in small pieces: the same figures');
  assert.deepEqual(tiny.units, streamed.units);
  assert.equal(tiny.timing['read-on-page'], undefined, 'read by the worker');
  const again = await read('slow-1252.csv');
  assert.ok(again.timing['worker-done'] > again.timing.received);
  assert.equal(again.timing['read-on-page'], undefined, 'the worker\'s reading, started over, was used');
  // The whole file read as Windows-1252 (its `é` byte is Café's); the one name written in UTF-8
  // reads as text encoded twice, `Ã©`, which the text cleaning decodes back (#24).
  assert.ok(again.units.includes('Dinas Café'), 'the whole file read as Windows-1252');
  assert.ok(again.units.includes('Dinas Pariwisata é') && !again.units.some((unit) => unit.includes('Ã')), again.units.join(' | '));
  // The same as the widget reads it on its own thread.
  app.fixtures.set('/pantau-ingest_loader.js', (request, response) => response.writeHead(404).end());
  try {
    for (const [name, inWorker] of [['slow.csv', streamed], ['slow-1252.csv', again]]) {
      const here = await read(name);
      assert.ok(here.timing['read-on-page'] && here.timing['worker-done'] === undefined, 'read on the widget\'s own thread');
      assert.equal(here.text, inWorker.text, `${name}: the same figures`);
      assert.deepEqual(here.units, inWorker.units, `${name}: the same units`);
      assert.deepEqual([...inWorker.errors, ...here.errors], []);
    }
  } finally {
    app.fixtures.delete('/pantau-ingest_loader.js');
  }
});

test('the worker runs under the strict Content-Security-Policy, on the page and on its own script', async () => {
  const csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'";
  const loader = await readFile(new URL('../../dist/pantau-ingest_loader.js', import.meta.url));
  app.pageHeaders['content-security-policy'] = csp;
  app.fixtures.set('/pantau-ingest_loader.js', (request, response) => {
    response.writeHead(200, { 'content-type': 'text/javascript', 'content-security-policy': csp });
    response.end(loader);
  });
  try {
    const context = await app.browser.newContext({ viewport: { width: 900, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await page.goto(`${app.url}/?lang=id&src=fixtures/big.csv`);
    await page.locator('svg.pantau-svg').first().waitFor();
    const done = await page.evaluate(() => performance.getEntriesByName('pantau-pbj:worker-done').length);
    assert.equal(done, 1, 'the worker read the file');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    await context.close();
  } finally {
    delete app.pageHeaders['content-security-policy'];
    app.fixtures.delete('/pantau-ingest_loader.js');
  }
});

test('a big Pantau file with ready-made sections is handed back and read by the widget', async () => {
  requests.clear();
  const { text, worker, started, errors } = await spending('?lang=id&src=fixtures/big-pantau.json');
  assert.equal(started, true, 'a worker was started');
  assert.equal(worker, false, 'and handed the file back');
  assert.equal(requests.get('big-pantau.json'), 1, 'handed back, not fetched again');
  assert.match(text, /Pagu Rp20,7 T/);
  assert.deepEqual(errors, []);
});

test('the script embed on another origin reads a big file in a worker of its own making, or on its own thread where the host forbids it', async () => {
  // The same host page under a policy that admits the widget's origin for scripts, styles and
  // data, and no workers at all.
  const csp = `default-src 'none'; script-src ${app.url} 'wasm-unsafe-eval'; style-src ${app.url}; connect-src ${app.url}; worker-src 'none'`;
  const html = await (await fetch(`${app.url}/hosts/big-embed.html`)).text();
  app.fixtures.set('/hosts/big-embed-strict.html', (request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
    response.end(html);
  });
  const open = async (strict) => {
    const context = await app.browser.newContext({ viewport: { width: 900, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${hostUrl}/hosts/${strict ? 'big-embed-strict' : 'big-embed'}.html`);
    await page.locator('#big svg.pantau-svg').first().waitFor();
    const text = await page.locator('#big .pantau-panels').textContent();
    const worker = await page.evaluate(() => performance.getEntriesByName('pantau-pbj:worker-done').length);
    await context.close();
    return { text, worker, errors };
  };
  const free = await open(false);
  assert.match(free.text, /Menurut metode pemilihan/);
  assert.equal(free.worker, 1, 'read by a worker started from a blob: script');
  assert.deepEqual(free.errors, []);
  const strict = await open(true);
  assert.equal(strict.worker, 0, 'no worker where the host forbids them');
  assert.equal(strict.text, free.text, 'the same figures on the widget\'s own thread');
  assert.deepEqual(strict.errors, []);
});

test('a worker whose code cannot load ends with the widget reading the file itself, not waiting for ever', async () => {
  const loader = await readFile(new URL('../../dist/pantau-ingest_loader.js', import.meta.url), 'utf8');
  const wasm = loader.match(/pantau-ingest-[0-9a-f]+_bg\.wasm/)[0];
  app.fixtures.set(`/${wasm}`, (request, response) => response.writeHead(404, { 'content-type': 'text/plain' }).end('gone'));
  try {
    const { text, worker, started, errors } = await spending('?lang=id&src=fixtures/big.csv');
    assert.equal(started, true, 'a worker was started');
    assert.equal(worker, false, 'and never read the file');
    assert.match(text, /Menurut metode pemilihan/);
    assert.deepEqual(errors, []);
  } finally {
    app.fixtures.delete(`/${wasm}`);
  }
});

test('a worker that says something not of the exchange ends with the widget reading the file itself', async () => {
  // Messages are [header, payload?] (src/load/messages.rs); this worker answers the job with an
  // unknown kind, and then with the old string form: both are errors, never read as defaults.
  for (const answer of ['[new Uint8Array([99])]', "'done'"]) {
    app.fixtures.set('/pantau-ingest_loader.js', (request, response) => {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(`self.onmessage = (event) => { if (event.data[0][0] === 3) postMessage(${answer}); }; postMessage([new Uint8Array([1])]);`);
    });
    try {
      const { text, errors } = await spending('?lang=id&src=fixtures/big.csv');
      assert.match(text, /Menurut metode pemilihan/, answer);
      assert.deepEqual(errors, []);
    } finally {
      app.fixtures.delete('/pantau-ingest_loader.js');
    }
  }
});
