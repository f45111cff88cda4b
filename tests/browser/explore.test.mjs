// Exploring: the reader's choices live in the address (a reload shows the same view), and the
// table under a chart sorts by any column.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './harness.mjs';

let app;
before(async () => {
  app = await start();
});
after(async () => app.stop());

test('view, language and theme round-trip through the address', async () => {
  const { page, close } = await app.open('?lang=id');
  assert.equal(new URL(page.url()).search, '?lang=id', 'nothing is written before the reader acts');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('tab', { name: 'Targets' }).click();
  const params = new URL(page.url()).searchParams;
  assert.equal(params.get('lang'), 'en');
  assert.equal(params.get('view'), 'targets');
  assert.equal(params.get('theme'), 'auto');
  await page.reload();
  await page.waitForSelector('.pantau-panel');
  assert.equal(await page.getByRole('tab', { name: 'Targets' }).getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('.pantau-panel-title').first().textContent(), 'Produk tayang di e-Katalog');
  assert.match(await page.locator('.pantau-panels').textContent(), /Off track/);
  await close();
});

test('an explicit theme and a data source survive in a shared link', async () => {
  const { page, close } = await app.open('?src=data/kaltim-2024.json&theme=dark&lang=en');
  assert.equal(await page.locator('.pantau-widget').getAttribute('data-theme'), 'dark');
  await page.getByRole('tab', { name: 'Local content' }).click();
  const params = new URL(page.url()).searchParams;
  assert.equal(params.get('src'), 'data/kaltim-2024.json');
  assert.equal(params.get('theme'), 'dark');
  assert.equal(params.get('view'), 'local-content');
  await close();
});

test('the table shows the chart\'s numbers and sorts by a column', async () => {
  const { page, close } = await app.open('?lang=id&view=local-content');
  await page.getByRole('button', { name: 'Tabel' }).first().click();
  const table = page.locator('#pantau-panel-share-umk-k table');
  const firstColumn = () => table.locator('tbody th').allTextContents();
  assert.deepEqual((await firstColumn()).slice(0, 2), ['Keseluruhan', 'Dinas Pekerjaan Umum, Penataan Ruang dan Perumahan Rakyat']);
  await table.getByRole('button', { name: 'UMK-K', exact: true }).click();
  assert.equal(await table.locator('th[aria-sort="ascending"]').count(), 1);
  assert.equal((await firstColumn())[0], 'Dinas Pekerjaan Umum, Penataan Ruang dan Perumahan Rakyat');
  await table.getByRole('button', { name: 'UMK-K', exact: true }).click();
  assert.equal((await firstColumn())[0], 'Sekretariat Daerah');
  const text = await table.textContent();
  assert.match(text, /Rp1\.162\.000\.000\.000/);
  assert.match(text, /Rp438\.000\.000\.000/);
  await page.getByRole('button', { name: 'Grafik' }).first().click();
  assert.equal(await page.locator('#pantau-panel-share-umk-k svg').count(), 1);
  await close();
});
