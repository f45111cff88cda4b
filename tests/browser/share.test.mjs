// Share and download in headless Chromium: each panel's CSV (UTF-8 with BOM, exact values,
// safe against formulas), SVG and PNG (twice the size) with names that say what they hold; the
// share panel's permalink and iframe snippet reproduce the view; the print stylesheet keeps the
// chart, table, source and permalink and drops the controls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start } from './harness.mjs';

let app;
before(async () => {
  app = await start();
  app.fixtures.set('/fixtures/formula.csv', (request, response) => {
    response.writeHead(200, { 'content-type': 'text/csv' });
    response.end('nama_satker,pagu\n"=HYPERLINK(""http://evil.example"",""klik"")",1000\n@SUM(A1),2000\n');
  });
});
after(async () => app.stop());

async function download(page, panel, format) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`#pantau-panel-${panel}`).getByRole('button', { name: new RegExp(`(Unduh|Download) ${format}`) }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('a panel downloads as CSV with exact values, as SVG and as PNG at twice the size', async () => {
  const { page, close } = await app.open('?lang=id&view=local-content');
  const csv = await download(page, 'share-umk-k', 'CSV');
  assert.equal(csv.name, 'pengadaan-barang-jasa-pemerintah-provinsi_porsi-usaha-mikro-kecil-dan-koperasi-umk-k-2023.csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
  assert.match(lines[0], /^Perangkat daerah,/);
  assert.ok(lines.some((line) => line.startsWith('Keseluruhan,') && line.includes(',1162000000000,')), lines.join('\n'));
  const svg = await download(page, 'share-umk-k', 'SVG');
  assert.match(svg.name, /_porsi-usaha-mikro-kecil-dan-koperasi-umk-k-2023\.svg$/);
  const text = svg.bytes.toString('utf8');
  assert.match(text, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="960"/);
  assert.match(text, /Dinas Pekerjaan Umum/);
  const png = await download(page, 'share-umk-k', 'PNG');
  assert.match(png.name, /\.png$/);
  assert.deepEqual([...png.bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
  const width = png.bytes.readUInt32BE(16);
  const height = png.bytes.readUInt32BE(20);
  assert.equal(width, 1920, 'twice the 960 px chart');
  assert.ok(height > 200, `${height}`);
  await close();
});

test('a CSV download is safe against formula injection', async () => {
  const { page, close } = await app.open('?lang=en&src=fixtures/formula.csv');
  const csv = await download(page, 'by-unit', 'CSV');
  const text = csv.bytes.toString('utf8');
  assert.match(text, /\r\n"'=HYPERLINK\(""http:\/\/evil\.example"",""klik""\)",1000,/);
  assert.match(text, /\r\n'@SUM\(A1\),2000,/);
  await close();
});

test('the share panel\'s permalink and iframe snippet reproduce the view', async () => {
  const { page, close } = await app.open('?src=data/contoh-paket.json&lang=en', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByLabel('Procurement method', { exact: true }).selectOption('tender');
  await page.getByRole('tab', { name: 'Local content' }).click();
  await page.locator('.pantau-share summary').click();
  const link = await page.getByLabel('Link to this view').inputValue();
  const iframe = await page.getByLabel('Embed code (iframe)').inputValue();
  assert.match(iframe, /^<iframe data-pantau src="[^"]+" title="Pantau PBJ: [^"]+" loading="lazy"/);
  const src = iframe.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  assert.equal(src, link);
  const params = new URL(link).searchParams;
  assert.equal(params.get('method'), 'tender');
  assert.equal(params.get('view'), 'local-content');
  assert.equal(params.get('src'), 'data/contoh-paket.json');
  const expected = await page.locator('.pantau-panels').textContent();
  await page.getByRole('button', { name: 'Copy' }).first().click();
  await page.waitForFunction(() => document.querySelector('.pantau-copied').textContent !== '');
  assert.equal(await page.locator('.pantau-copied').textContent(), 'Copied.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'the clipboard holds the link');
  const copy = await app.open(new URL(link).search);
  assert.equal(await copy.page.locator('.pantau-panels').textContent(), expected);
  await copy.close();
  await close();
});

test('printing keeps chart, table, source and permalink, and drops the controls', async () => {
  const { page, close } = await app.open('?lang=id');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.pantau-tabs', '.pantau-langs', '.pantau-toolbar', '.pantau-share', '.pantau-legend']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, hidden);
  }
  assert.equal(await page.locator('svg.pantau-svg').first().isVisible(), true);
  assert.equal(await page.locator('.pantau-source').first().isVisible(), true);
  assert.match(await page.locator('.pantau-print-link').textContent(), /^Tautan: http:\/\/127\.0\.0\.1:\d+\/\?lang=id&view=spending/);
  assert.equal(await page.locator('.pantau-print-link').isVisible(), true);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000);
  await close();
});

test('a published SHA-256 is checked against the bytes received: verified, or a visible warning', async () => {
  const { createHash } = await import('node:crypto');
  const bytes = await readFile(new URL('../../data/kaltim-2024.json', import.meta.url));
  const hash = createHash('sha256').update(bytes).digest('hex');
  for (const path of ['/SHA256SUMS', '/fixtures/SHA256SUMS']) {
    app.fixtures.set(path, (request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(`${'0'.repeat(64)}  other.csv\n${hash}  data/kaltim-2024.json\n`);
    });
  }
  const verified = await app.open(`?lang=id&sha256=${hash}`);
  assert.match(await verified.page.locator('.pantau-integrity').textContent(), new RegExp(`SHA-256 cocok dengan yang diterbitkan: ${hash.slice(0, 12)}$`));
  assert.equal(await verified.page.locator('.pantau-mismatch').count(), 0);
  await verified.close();
  const listed = await app.open('?lang=en&manifest=SHA256SUMS');
  assert.match(await listed.page.locator('.pantau-integrity').textContent(), /SHA-256 matches the published one/);
  await listed.close();
  // A manifest lists paths relative to itself: from fixtures/, `data/kaltim-2024.json` is
  // another file (fixtures/data/…), so nothing can be said of this one.
  const elsewhere = await app.open('?lang=en&manifest=fixtures/SHA256SUMS');
  assert.match(await elsewhere.page.locator('.pantau-integrity').textContent(), /cannot be checked/);
  await elsewhere.close();
  const altered = await app.open(`?lang=id&sha256=${'ab'.repeat(32)}`);
  assert.match(await altered.page.getByRole('alert').textContent(), /Peringatan: berkas data tidak sama/);
  assert.match(await altered.page.locator('.pantau-integrity').textContent(), new RegExp(`diharapkan abababababab, diterima ${hash.slice(0, 12)}`));
  assert.ok(await altered.page.locator('.pantau-panel').count() > 0, 'the figures are still shown, under the warning');
  await altered.close();
  const unusable = await app.open('?lang=en&sha256=not-a-hash');
  assert.match(await unusable.page.locator('.pantau-integrity').textContent(), /cannot be checked/);
  await unusable.close();
});

test('the script snippet reproduces the view on another origin, and its own share links lead back', async () => {
  const { page, close } = await app.open('?src=data/contoh-paket.json&lang=en&view=local-content&region=Kota%20Samarinda');
  await page.locator('.pantau-share summary').click();
  const snippet = await page.getByLabel('Embed code (script)').inputValue();
  assert.match(snippet, /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/embed\.js"><\/script>\n<pantau-pbj src="http:\/\/127\.0\.0\.1:\d+\/data\/contoh-paket\.json" view="local-content" lang="en" theme="auto" region="Kota Samarinda"><a href="[^"]+\/data\/contoh-paket\.json">Data \(Pantau PBJ\)<\/a><\/pantau-pbj>$/);
  const expected = await page.locator('.pantau-panels').textContent();
  await close();
  const hostUrl = app.url.replace('127.0.0.1', 'localhost');
  app.fixtures.set('/hosts/pasted.html', (request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Pasted</title></head><body>${snippet}</body></html>`);
  });
  const context = await app.browser.newContext({ locale: 'id-ID' });
  const host = await context.newPage();
  await host.goto(`${hostUrl}/hosts/pasted.html`);
  await host.locator('pantau-pbj .pantau-panel').first().waitFor();
  assert.equal(await host.locator('pantau-pbj .pantau-panels').textContent(), expected);
  assert.equal(await host.locator('pantau-pbj > a').isVisible(), false, 'the fallback link hides once the widget runs');
  // Inside the element, the permalink leads to the widget's own page with the same view.
  await host.locator('pantau-pbj .pantau-share summary').click();
  const link = await host.locator('pantau-pbj').getByLabel('Link to this view').inputValue();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/\?src=http/);
  const again = await app.open(new URL(link).search);
  assert.equal(await again.page.locator('.pantau-panels').textContent(), expected);
  await again.close();
  await context.close();
});

test('a manifest line is matched by the path relative to the manifest, so last year\'s file is a mismatch', async () => {
  const { createHash } = await import('node:crypto');
  const hash = (text) => createHash('sha256').update(text).digest('hex');
  const lastYear = await readFile(new URL('../../data/kaltim-2024.json', import.meta.url));
  const thisYear = Buffer.from(lastYear.toString('utf8').replace('"as_of": "2024-07-21"', '"as_of": "2024-07-22"'));
  assert.notEqual(hash(lastYear), hash(thisYear));
  const json = (bytes) => (request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(bytes);
  };
  // The publisher's folder: both years listed; the 2024 file was replaced by last year's.
  app.fixtures.set('/pbj/2023/data.json', json(lastYear));
  app.fixtures.set('/pbj/2024/data.json', json(lastYear));
  app.fixtures.set('/pbj/SHA256SUMS', (request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end(`${hash(lastYear)}  2023/data.json\n${hash(thisYear)} *2024/data.json\n`);
  });
  const replaced = await app.open('?lang=en&src=pbj/2024/data.json&manifest=pbj/SHA256SUMS');
  assert.match(await replaced.page.getByRole('alert').textContent(), /Warning/);
  assert.match(await replaced.page.locator('.pantau-integrity').textContent(), new RegExp(`expected ${hash(thisYear).slice(0, 12)}, received ${hash(lastYear).slice(0, 12)}`));
  await replaced.close();
  const honest = await app.open('?lang=en&src=pbj/2023/data.json&manifest=pbj/SHA256SUMS');
  assert.match(await honest.page.locator('.pantau-integrity').textContent(), /SHA-256 matches the published one/);
  await honest.close();
});

test('copying in a frame the clipboard refuses says so and selects the text', async () => {
  const hostUrl = app.url.replace('127.0.0.1', 'localhost');
  app.fixtures.set('/hosts/no-clipboard.html', (request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Frame</title></head><body><iframe id="w" title="Pantau" style="width:900px;height:900px" src="${app.url}/?lang=en"></iframe></body></html>`);
  });
  const context = await app.browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${hostUrl}/hosts/no-clipboard.html`);
  const frame = page.frameLocator('#w');
  await frame.locator('.pantau-panel').first().waitFor();
  await frame.locator('.pantau-share summary').click();
  await frame.getByRole('button', { name: 'Copy' }).first().click();
  await frame.locator('.pantau-copied').filter({ hasText: /./ }).waitFor();
  assert.match(await frame.locator('.pantau-copied').textContent(), /Could not copy to the clipboard: the text is selected/);
  const selection = await frame.getByLabel('Link to this view').evaluate((area) => ({
    focused: document.activeElement === area,
    whole: area.selectionStart === 0 && area.selectionEnd === area.value.length && area.value.length > 10,
  }));
  assert.deepEqual(selection, { focused: true, whole: true });
  await context.close();
});
