// LKPP's services beside the ISB and files of several governments in headless Chromium
// (tests/data/inaproc): each renders with the title its data gives; INAPROC's partial page says
// so in the data issues; a file of three governments offers a government filter, a chart by
// government, and narrows every chart to the one chosen, kept in the address over a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start } from './harness.mjs';

const FIXTURES = new URL('../data/inaproc/', import.meta.url);
const FILES = {
  'api-v1-tender.json': 'Tender Provinsi Kalimantan Barat 2024 (SPSE)',
  'api-v1-ekatalog-v5.json': 'Pembelian e-Katalog Provinsi Kalimantan Barat 2024',
  'realisasi.json': 'Realisasi pengadaan Kabupaten Sanggau 2024 (INAPROC)',
  'sirup-lama.json': 'Rencana pengadaan 2017 (SiRUP)',
  'rup-beberapa-klpd.json': 'Rencana pengadaan 3 K/L/PD 2024 (SiRUP)',
  'rekap-rup-miliar.csv': 'Rekapitulasi pengadaan 3 K/L/PD',
};
let app;
before(async () => {
  app = await start();
  for (const name of Object.keys(FILES)) {
    const body = await readFile(new URL(name, FIXTURES));
    const type = name.endsWith('.csv') ? 'text/csv' : 'application/json';
    app.fixtures.set(`/fixtures/inaproc/${name}`, (request, response) => {
      response.writeHead(200, { 'content-type': type });
      response.end(body);
    });
  }
});
after(async () => app.stop());

test('each service renders with the title its data gives, and a partial page says so', async () => {
  for (const [name, heading] of Object.entries(FILES)) {
    const { page, errors, close } = await app.open(`?src=/fixtures/inaproc/${name}&lang=id`);
    assert.equal(await page.locator('.pantau-title').textContent(), heading, name);
    assert.ok(await page.locator('.pantau-panel svg.pantau-svg').count() > 0, `${name}: a chart`);
    assert.equal(await page.locator('.pantau-error').count(), 0, name);
    if (name === 'api-v1-tender.json') {
      assert.match(await page.locator('.pantau-issues').textContent(), /satu halaman dari jawaban yang lebih panjang/);
      // And under every chart, where the figures are read.
      assert.match(await page.locator('.pantau-panel').first().textContent(), /angka di sini hanya dari sebagian data/);
      // The list of issues downloads as CSV, with its stable codes.
      await page.locator('.pantau-issues summary').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: /Unduh daftar masalah data sebagai CSV/ }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'masalah-data.csv');
      const lines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(lines[0], 'tempat,kode,nilai_asli,tetap_dipakai,keterangan');
      assert.match(lines[1], /^meta\.has_more,more-records,,true,/);
    }
    assert.deepEqual(errors, [], name);
    await close();
  }
});

test('a file of several governments is filtered and charted by government', async () => {
  let { page, errors, close } = await app.open('?src=/fixtures/inaproc/rup-beberapa-klpd.json&lang=en');
  const select = page.getByLabel('Government', { exact: true });
  const choices = await select.locator('option').allTextContents();
  assert.deepEqual(choices, ['All', 'Kabupaten Sanggau', 'Kota Pontianak', 'Provinsi Kalimantan Barat']);
  const byGovernment = page.locator('#pantau-panel-by-government');
  assert.match(await byGovernment.textContent(), /By government \(K\/L\/PD\)/);
  assert.match(await byGovernment.textContent(), /Kota Pontianak/);
  await select.selectOption('Kabupaten Sanggau');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('government') === 'Kabupaten Sanggau');
  // One government is the whole: its breakdown goes, the others count only its packages.
  await page.locator('#pantau-panel-by-government').waitFor({ state: 'detached' });
  const units = await page.locator('#pantau-panel-by-unit').textContent();
  assert.match(units, /Dinas Pendidikan/);
  assert.doesNotMatch(units, /Dinas PUPR|Dinas Perhubungan/);
  const url = page.url();
  assert.deepEqual(errors, []);
  await close();
  ({ page, errors, close } = await app.open(new URL(url).search));
  assert.equal(await page.getByLabel('Government', { exact: true }).inputValue(), 'Kabupaten Sanggau');
  assert.doesNotMatch(await page.locator('#pantau-panel-by-unit').textContent(), /Dinas PUPR/);
  assert.deepEqual(errors, []);
  await close();
});
