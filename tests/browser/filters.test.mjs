// Filters, drill-down, stages, legend toggles and long breakdowns in headless Chromium, with
// the package-level sample (data/contoh-paket.json) and the ready-made Kaltim sample.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { settled, start } from './harness.mjs';

const PACKAGES = 'src=data/contoh-paket.json';
let app;
before(async () => {
  app = await start();
  // Forty spending units: more than a chart shows before "Lainnya".
  const units = Array.from({ length: 40 }, (_, index) => ({
    unit: `Unit ${String(index).padStart(2, '0')}`, total: 1000, pdn: 990, umkk: 100 + index * 10,
  }));
  app.fixtures.set('/fixtures/forty-units.json', (request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({
      format: 'pantau-pbj', version: 1,
      meta: { title: 'Empat puluh unit', publisher: 'Uji', license: 'CC0', as_of: '2024-07-21', period: { start: '2024-01-01', end: '2024-12-31' }, fiscal_year: 2024, currency: 'IDR' },
      local_content: { stage: 'realisasi', total: { amount: 40000 }, pdn: { amount: 39600 }, umkk: { amount: 11800 }, by_unit: units },
    }));
  });
});
after(async () => app.stop());

const panelText = (page) => page.locator('.pantau-panels').textContent();
const param = (page, name) => new URL(page.url()).searchParams.get(name);

test('every filter is a labelled select, and a choice narrows the figures and lands in the address', async () => {
  const { page, errors, close } = await app.open(`?${PACKAGES}&lang=id`);
  for (const label of ['Tahun anggaran', 'Perangkat daerah', 'Wilayah', 'Metode pemilihan', 'Jenis pengadaan', 'Tahap anggaran']) {
    assert.equal(await page.getByLabel(label, { exact: true }).count(), 1, label);
  }
  assert.equal(await page.getByLabel('Tahun anggaran', { exact: true }).inputValue(), '2024');
  assert.equal(await page.getByLabel('Tahap anggaran', { exact: true }).inputValue(), 'realisasi');
  const before = await page.locator('#pantau-panel-by-type .pantau-subtitle').textContent();
  await page.getByLabel('Metode pemilihan', { exact: true }).selectOption('tender');
  const after = await page.locator('#pantau-panel-by-type .pantau-subtitle').textContent();
  assert.notEqual(after, before, 'the total changes');
  assert.equal(param(page, 'method'), 'tender');
  assert.deepEqual(await page.locator('#pantau-panel-by-method .pantau-hit').count(), 1);
  await page.getByLabel('Tahun anggaran', { exact: true }).selectOption('2023');
  await page.getByLabel('Tahap anggaran', { exact: true }).selectOption('komitmen');
  assert.equal(param(page, 'year'), '2023');
  assert.equal(param(page, 'stage'), 'komitmen');
  assert.match(await page.locator('.pantau-panel-title').first().textContent(), /2023/);
  assert.match(await page.locator('#pantau-panel-by-type .pantau-subtitle').textContent(), /Komitmen/);
  const figures = await panelText(page);
  // A reload or a shared link shows exactly the same view.
  await page.reload();
  await page.waitForSelector('.pantau-panel');
  assert.equal(await page.getByLabel('Metode pemilihan', { exact: true }).inputValue(), 'tender');
  assert.equal(await page.getByLabel('Tahun anggaran', { exact: true }).inputValue(), '2023');
  assert.equal(await page.getByLabel('Tahap anggaran', { exact: true }).inputValue(), 'komitmen');
  assert.equal(await panelText(page), figures);
  await page.getByRole('button', { name: 'Hapus semua saringan' }).click();
  assert.equal(param(page, 'method'), null);
  assert.equal(param(page, 'year'), null);
  assert.deepEqual(errors, []);
  await close();
});

test('activating a spending unit drills every view down to it, with a visible way back', async () => {
  const { page, close } = await app.open(`?${PACKAGES}&lang=id`);
  const unitBar = page.locator('#pantau-panel-by-unit .pantau-hit').first();
  const name = await unitBar.getAttribute('aria-label');
  assert.match(name, /Pilih untuk menelusuri perangkat daerah ini/);
  const unit = name.split(':')[0];
  await unitBar.click();
  assert.equal(param(page, 'unit'), unit);
  const back = page.getByRole('button', { name: 'Kembali ke semua perangkat daerah' });
  assert.ok(await back.evaluate((button) => button === document.activeElement), 'focus moves to the way back');
  assert.match(await page.locator('.pantau-drill-unit').textContent(), new RegExp(unit.replace(/[().,]/g, '.')));
  assert.equal(await page.locator('#pantau-panel-by-unit .pantau-hit').count(), 1);
  assert.equal(await page.getByLabel('Perangkat daerah', { exact: true }).inputValue(), unit);
  await page.getByRole('tab', { name: 'Konten lokal' }).click();
  assert.equal(await page.locator('#pantau-panel-share-umk-k .pantau-hit').count(), 2, 'overall and the unit');
  await page.getByRole('tab', { name: 'Target' }).click();
  await back.click();
  assert.equal(param(page, 'unit'), null);
  await page.getByRole('tab', { name: 'Belanja' }).click();
  assert.ok((await page.locator('#pantau-panel-by-unit .pantau-hit').count()) > 1);
  await close();
});

test('the keyboard drills down too: Enter on a focused unit bar', async () => {
  const { page, close } = await app.open(`?${PACKAGES}&lang=en&view=local-content`);
  const second = page.locator('#pantau-panel-share-pdn .pantau-hit').nth(1);
  await second.focus();
  const unit = (await second.getAttribute('aria-label')).split(':')[0];
  await page.keyboard.press('Enter');
  assert.equal(param(page, 'unit'), unit);
  assert.equal(await page.locator('#pantau-panel-share-pdn .pantau-hit').count(), 2);
  // The overall bar of a narrowed view drills nowhere further.
  assert.doesNotMatch(await page.locator('#pantau-panel-share-pdn .pantau-hit').nth(1).getAttribute('aria-label'), /drill down/);
  await close();
});

test('filters that match nothing say so, in the reader\'s language, and can be cleared', async () => {
  const { page, errors, close } = await app.open(`?${PACKAGES}&lang=en&unit=${encodeURIComponent('<b>No such unit</b>')}`);
  const empty = page.locator('.pantau-empty');
  assert.match(await empty.textContent(), /There are no figures for the chosen filters\./);
  assert.equal(await page.locator('.pantau-widget b').count(), 0);
  await empty.getByRole('button', { name: 'Clear all filters' }).click();
  assert.ok((await page.locator('.pantau-panel').count()) >= 4);
  assert.deepEqual(errors, []);
  await close();
});

test('a file of ready-made figures drills into its units where it can and says where it cannot', async () => {
  const { page, close } = await app.open('?lang=id&view=local-content');
  assert.equal(await page.getByLabel('Metode pemilihan', { exact: true }).count(), 0, 'no method data to filter by');
  await page.getByLabel('Perangkat daerah', { exact: true }).selectOption('Dinas Kesehatan');
  assert.match(await page.locator('#pantau-panel-share-umk-k').textContent(), /Dinas Kesehatan/);
  await page.getByRole('tab', { name: 'Belanja' }).click();
  assert.match(await page.locator('.pantau-empty').textContent(), /Tidak ada angka untuk pilihan saringan ini/);
  await page.getByRole('tab', { name: 'Target' }).click();
  assert.match(await panelText(page), /Target berlaku untuk seluruh provinsi/);
  assert.match(await panelText(page), /Produk tayang di e-Katalog/);
  await close();
});

test('legend entries hide and show what they name', async () => {
  const { page, close } = await app.open('?lang=id');
  const chart = page.locator('#pantau-panel-cumulative');
  const legend = chart.getByRole('group', { name: 'Keterangan' });
  const pagu = legend.getByRole('button', { name: /^Pagu Rp20,7 T/ });
  assert.equal(await pagu.getAttribute('aria-pressed'), 'true');
  assert.equal(await chart.locator('svg text', { hasText: /^Pagu Rp20,7 T/ }).count(), 1);
  const ticks = () => chart.locator('svg text', { hasText: /^Rp\d/ }).allTextContents();
  const withPagu = await ticks();
  await pagu.click();
  assert.equal(await pagu.getAttribute('aria-pressed'), 'false');
  assert.equal(await chart.locator('svg text', { hasText: /^Pagu Rp20,7 T/ }).count(), 0);
  assert.notDeepEqual(await ticks(), withPagu, 'the axis rescales to what is shown');
  await legend.getByRole('button', { name: 'Kumulatif' }).click();
  assert.equal(await chart.locator('.pantau-hit').count(), 0, 'hidden points cannot be focused');
  await legend.getByRole('button', { name: 'Kumulatif' }).click();
  await pagu.click();
  assert.equal(await chart.locator('svg text', { hasText: /^Pagu Rp20,7 T/ }).count(), 1);
  assert.equal(await chart.locator('.pantau-hit').count(), 7);
  await close();
});

test('a long breakdown shows its top rows and "Lainnya", and expands on request', async () => {
  const { page, close } = await app.open('?lang=id&view=local-content&src=fixtures/forty-units.json');
  const umkk = page.locator('#pantau-panel-share-umk-k');
  assert.equal(await umkk.locator('.pantau-hit').count(), 10);
  assert.match(await umkk.locator('.pantau-hit').last().getAttribute('aria-label'), /^Lainnya \(32\)/);
  const more = umkk.getByRole('button', { name: 'Tampilkan semua (33)' });
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  await more.click();
  assert.equal(await umkk.locator('.pantau-hit').count(), 41);
  await umkk.getByRole('button', { name: 'Tampilkan lebih sedikit' }).click();
  assert.equal(await umkk.locator('.pantau-hit').count(), 10);
  await close();
});

test('320 px wide: filters, charts and tables fit without horizontal scrolling', async () => {
  for (const view of ['spending', 'local-content', 'targets']) {
    for (const src of [PACKAGES, 'src=data/kaltim-2024.json']) {
      const { page, close } = await app.open(`?${src}&lang=id&view=${view}&unit=Dinas%20Kesehatan`, { width: 320, height: 640 });
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(await overflow(), 0, `${src} ${view}`);
      const table = page.getByRole('button', { name: 'Tabel' }).first();
      if (await table.count()) {
        await table.click();
        assert.equal(await overflow(), 0, `${src} ${view} table`);
      }
      await close();
    }
  }
});

test('a filter change or another view updates the panels in place, exactly as a fresh page draws them', async () => {
  // What the panels show: every element with its attributes and text, in order (focus and hover
  // state excepted), so a chart patched in place must equal a chart drawn from scratch.
  const snapshot = (page) => page.locator('.pantau-panels').evaluate((root) => {
    const describe = (node) => node.nodeType === Node.TEXT_NODE ? node.data : node.nodeType !== Node.ELEMENT_NODE ? '' :
      `<${node.localName}${[...node.attributes].map((a) => ` ${a.name}="${a.value}"`).sort().join('')}>${[...node.childNodes].map(describe).join('')}</${node.localName}>`;
    return describe(root);
  });
  const { page, errors, close } = await app.open(`?${PACKAGES}&lang=id`);
  const marked = await page.evaluate(() => {
    for (const node of document.querySelectorAll('.pantau-panel, svg.pantau-svg')) node.__before = true;
    return document.querySelectorAll('.pantau-panel, svg.pantau-svg').length;
  });
  const steps = [
    ['method', 'tender', null], ['type', 'barang', null], ['method', '', null], ['view', null, 'Konten lokal'], ['view', null, 'Target'],
    ['view', null, 'Belanja'],
  ];
  for (const [name, value, tab] of steps) {
    if (tab) await page.getByRole('tab', { name: tab }).click();
    else await page.locator(`#pantau-filter-${name}`).selectOption(value);
    await page.waitForFunction(([name, value]) => name === 'view' || (new URL(location.href).searchParams.get(name) ?? '') === value, [name, value]);
    await settled(page);
    const fresh = await app.open(new URL(page.url()).search);
    assert.equal(await snapshot(page), await snapshot(fresh.page), `after ${name} ${value ?? tab}: in place equals fresh`);
    assert.deepEqual(fresh.errors, []);
    await fresh.close();
    if (name === 'method' && value === '') {
      // Three filter changes later, the panels and charts are the same nodes.
      const kept = await page.evaluate(() => [...document.querySelectorAll('.pantau-panel, svg.pantau-svg')].filter((node) => node.__before).length);
      assert.equal(kept, marked, 'filter changes keep the nodes');
    }
  }
  assert.deepEqual(errors, []);
  await close();
});
