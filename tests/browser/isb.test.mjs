// LKPP's ISB exports in headless Chromium: every family of tests/data/isb renders with its own
// title and stage; contract PDN/UMK values drive local content; the Nilai / Jumlah paket switch
// lands in the address and survives a reload; a file without amounts is counted; a big export
// is read (in the reading worker) with the same result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start } from './harness.mjs';

const FIXTURES = new URL('../data/isb/', import.meta.url);
let app;
before(async () => {
  app = await start();
  const send = (type, body) => (request, response) => {
    response.writeHead(200, { 'content-type': type });
    response.end(body);
  };
  for (const name of ['rup-penyedia.json', 'rup-swakelola.jsonl', 'spse-tender-pengumuman.json', 'spse-nontender-selesai.json',
    'spse-tender-kontrak.json', 'ekatalog-v6.json', 'ekatalog-v5.json', 'spse-pencatatan-nontender.json']) {
    const type = name.endsWith('.jsonl') ? 'application/x-ndjson' : 'application/json';
    app.fixtures.set(`/fixtures/isb/${name}`, send(type, await readFile(new URL(name, FIXTURES))));
  }
  app.fixtures.set('/fixtures/tender-notices.csv', send('text/csv', [
    'kd_tender,nama_paket,nama_satker,mtd_pemilihan,jenis_pengadaan,tgl_pengumuman_tender,nama_klpd,tahun_anggaran',
    '101,Jalan A,Dinas PUPR,Tender,Pekerjaan Konstruksi,2024-02-05 09:00:00,Provinsi Kalimantan Barat,2024',
    '102,Jalan B,Dinas PUPR,Tender,Pekerjaan Konstruksi,2024-02-19 09:00:00,Provinsi Kalimantan Barat,2024',
    '103,Konsultan C,Dinas PUPR,Seleksi,Jasa Konsultansi,2024-03-04 09:00:00,Provinsi Kalimantan Barat,2024',
    '104,Alat D,Dinas Kesehatan,Tender,Barang,2024-03-11 09:00:00,Provinsi Kalimantan Barat,2024',
  ].join('\n')));
  for (const name of ['flattened-paths.csv', 'flattened-underscore.csv']) {
    app.fixtures.set(`/fixtures/ocds-csv/${name}`, send('text/csv', await readFile(new URL(`../data/ocds-csv/${name}`, import.meta.url))));
  }
  app.fixtures.set('/fixtures/rekap.csv', send('text/csv', 'Instansi;Total Nilai RUP;Total Paket RUP\nDinas Pendidikan;1.250.000.000.000;2.310\nDinas Kesehatan;830.500.000.000;1.045\nSekretariat Daerah;120.000.000.000;388\n'));
  // A SiRUP export of 12.000 packages (about 3 MB): read in the worker.
  const big = Array.from({ length: 12000 }, (_, index) => ({
    kd_rup: 50000000 + index, nama_paket: `Paket ${index}`, kd_klpd: 'D197', nama_klpd: 'Provinsi Kalimantan Barat',
    nama_satker: `Satuan Kerja ${index % 150}`, metode_pengadaan: ['Tender', 'Pengadaan Langsung', 'E-Purchasing'][index % 3],
    jenis_pengadaan: 'Barang', pagu: 1000000 + index, status_pdn: 'PDN', status_ukm: index % 2 ? 'UKM' : 'Non UKM',
    tahun_anggaran: 2024, tgl_awal_pemilihan: `2024-${String(1 + (index % 12)).padStart(2, '0')}-01`, status_aktif_rup: true,
  }));
  app.fixtures.set('/fixtures/isb/big-rup.json', send('application/json', JSON.stringify(big)));
});
after(async () => app.stop());

const title = (page) => page.locator('.pantau-title').textContent();

test('every ISB family renders with its own title', async () => {
  const expected = {
    'rup-penyedia.json': 'Rencana pengadaan Provinsi Kalimantan Barat 2024 (SiRUP)',
    'rup-swakelola.jsonl': 'Swakelola Provinsi Kalimantan Barat 2024 (SiRUP/SPSE)',
    'spse-tender-pengumuman.json': 'Tender Provinsi Kalimantan Barat 2024 (SPSE)',
    'spse-nontender-selesai.json': 'Non-tender Provinsi Kalimantan Barat 2024 (SPSE)',
    'spse-tender-kontrak.json': 'Tender Provinsi Kalimantan Barat 2024 (SPSE)',
    'ekatalog-v6.json': 'Pembelian e-Katalog Provinsi Kalimantan Barat 2024',
    'ekatalog-v5.json': 'Pembelian e-Katalog 2024',
    'spse-pencatatan-nontender.json': 'Pencatatan non-tender Provinsi Kalimantan Barat 2024 (SPSE)',
  };
  for (const [name, heading] of Object.entries(expected)) {
    const { page, errors, close } = await app.open(`?src=/fixtures/isb/${name}&lang=id`);
    assert.equal(await title(page), heading, name);
    assert.ok(await page.locator('.pantau-panel svg.pantau-svg').count() > 0, `${name}: a chart`);
    assert.equal(await page.locator('.pantau-error').count(), 0, name);
    assert.deepEqual(errors, [], name);
    await close();
  }
});

test('e-Katalog orders are e-purchasing commitments and contracts give local content from their PDN and UMK values', async () => {
  let { page, errors, close } = await app.open('?src=/fixtures/isb/ekatalog-v6.json&lang=en');
  const panels = await page.locator('.pantau-panels').textContent();
  assert.match(panels, /Committed/);
  assert.match(panels, /E-purchasing/);
  assert.deepEqual(errors, []);
  await close();
  ({ page, errors, close } = await app.open('?src=/fixtures/isb/spse-nontender-selesai.json&lang=id&view=local-content'));
  const pdn = page.locator('#pantau-panel-share-pdn');
  assert.match(await pdn.textContent(), /80,4%/);
  assert.match(await pdn.textContent(), /Dihitung dari nilai PDN dan UMK tiap kontrak/);
  assert.match(await page.locator('#pantau-panel-share-umk-k').textContent(), /58,5%/);
  assert.deepEqual(errors, []);
  await close();
});

test('the Nilai / Jumlah paket switch counts packages, lands in the address and survives a reload', async () => {
  const { page, errors, close } = await app.open('?src=/fixtures/isb/rup-penyedia.json&lang=id');
  const switcher = page.getByRole('group', { name: 'Ukuran' });
  await switcher.getByRole('button', { name: 'Jumlah paket' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('measure') === 'count');
  const byType = page.locator('#pantau-panel-by-type');
  assert.match(await byType.locator('.pantau-subtitle').textContent(), /6 paket/);
  assert.equal(await switcher.getByRole('button', { name: 'Jumlah paket' }).getAttribute('aria-pressed'), 'true');
  await byType.getByRole('button', { name: 'Tabel' }).click();
  assert.match(await byType.locator('table').textContent(), /Jumlah paket/);
  // The share snippets carry the measure.
  await page.locator('.pantau-share summary').click();
  const snippets = await page.locator('.pantau-share').locator('input, textarea').evaluateAll((fields) => fields.map((field) => field.value));
  assert.ok(snippets.length >= 3 && snippets.every((snippet) => /measure(=|=")count/.test(snippet)), snippets.join('\n'));
  await page.reload();
  await page.waitForSelector('.pantau-panel');
  assert.equal(await page.getByRole('group', { name: 'Ukuran' }).getByRole('button', { name: 'Jumlah paket' }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('group', { name: 'Ukuran' }).getByRole('button', { name: 'Nilai' }).click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('measure'));
  assert.match(await page.locator('#pantau-panel-by-type .pantau-subtitle').textContent(), /Rp/);
  assert.deepEqual(errors, []);
  await close();
});

test('a file without amounts is charted by counts, and says that values are missing', async () => {
  const { page, errors, close } = await app.open('?src=/fixtures/tender-notices.csv&lang=en');
  assert.equal(await title(page), 'Tender Provinsi Kalimantan Barat 2024 (SPSE)');
  const text = await page.locator('.pantau-panels').textContent();
  assert.match(text, /This file holds no amounts of money/);
  assert.match(text, /4 packages/);
  const value = page.getByRole('group', { name: 'Measure' }).getByRole('button', { name: 'Value' });
  assert.ok(await value.isDisabled());
  assert.deepEqual(errors, []);
  await close();
});

test('a big ISB export is read in the worker with the same figures', async () => {
  const { page, errors, close } = await app.open('?src=/fixtures/isb/big-rup.json&lang=id&measure=count');
  assert.equal(await title(page), 'Rencana pengadaan Provinsi Kalimantan Barat 2024 (SiRUP)');
  assert.match(await page.locator('#pantau-panel-by-method .pantau-subtitle').textContent(), /12\.000 paket/);
  const used = await page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('pantau-ingest')));
  assert.ok(used, 'the reading worker was started');
  assert.deepEqual(errors, []);
  await close();
});

test('flattened OCDS in both header styles charts one package per ocid, in one currency', async () => {
  for (const name of ['flattened-paths.csv', 'flattened-underscore.csv']) {
    const { page, errors, close } = await app.open(`?src=/fixtures/ocds-csv/${name}&lang=en&measure=count`);
    assert.match(await title(page), /\(OCDS\)$/, name);
    assert.match(await page.locator('#pantau-panel-by-method .pantau-subtitle').textContent(), /2 packages/, name);
    await page.getByRole('group', { name: 'Measure' }).getByRole('button', { name: 'Value' }).click();
    assert.match(await page.locator('#pantau-panel-by-method .pantau-subtitle').textContent(), /IDR 10\.1 billion/, name);
    assert.match(await page.locator('.pantau-issues').textContent(), /another currency/, name);
    assert.deepEqual(errors, [], name);
    await close();
  }
});

test('a table of totals per agency is charted as a breakdown, with a note that it is not package-level', async () => {
  const { page, errors, close } = await app.open('?src=/fixtures/rekap.csv&lang=id');
  const byUnit = page.locator('#pantau-panel-by-unit');
  assert.match(await byUnit.textContent(), /tabel rekap/);
  assert.equal(await byUnit.locator('.pantau-hit').count(), 3);
  assert.match(await byUnit.locator('.pantau-subtitle').textContent(), /Rp2,2 T/);
  await page.getByRole('group', { name: 'Ukuran' }).getByRole('button', { name: 'Jumlah paket' }).click();
  assert.match(await byUnit.locator('.pantau-subtitle').textContent(), /3\.743 paket/);
  // No publisher or licence is made up for a file that names none.
  assert.doesNotMatch(await page.locator('.pantau-footer').textContent(), /–/);
  assert.deepEqual(errors, []);
  await close();
});
