// The page stays bounded whatever the data holds, in headless Chromium: a filter with more than
// fifty choices is searched (a combobox with at most fifty options in the page, usable by
// keyboard and announced to screen readers), and files with tens of thousands of units,
// sources or targets build at most a few thousand nodes, with folded lists that say what they
// fold.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start } from './harness.mjs';

let app;
let axeSource;

/** A CSV with `count` spending units, one package each (amount 1.000.000 + its number). */
function manyUnits(count) {
  const rows = ['kd_rup;nama_satker;metode_pengadaan;tahun_anggaran;pagu'];
  for (let index = 0; index < count; index += 1) rows.push(`${index};Satuan Kerja ${index};Tender;2024;${1_000_000 + index}`);
  return `${rows.join('\n')}\n`;
}

/** A Pantau file with `sources` sources and `targets` targets. */
function manyOfEach(sources, targets) {
  return JSON.stringify({
    format: 'pantau-pbj',
    version: 1,
    meta: {
      title: 'Uji', publisher: 'Uji', license: 'CC BY 4.0', as_of: '2024-06-30',
      period: { start: '2024-01-01', end: '2024-12-31' }, fiscal_year: 2024, currency: 'IDR',
      sources: Array.from({ length: sources }, (_, index) => ({ id: `s${index}`, title: `Sumber ${index}`, url: `https://x.go.id/${index}` })),
    },
    spending: {
      label: 'Belanja', fiscal_year: 2024, stage: 'realisasi',
      monthly: Array.from({ length: 12 }, (_, month) => ({ month: `2024-${String(month + 1).padStart(2, '0')}`, amount: (month + 1) * 1_000_000, source: `s${month * 997}` })),
    },
    targets: Array.from({ length: targets }, (_, index) => ({
      id: `t${index}`, label: `Target ${index}`, unit: 'produk', baseline: 0, start: '2024-01-01',
      target: 1000 + index, deadline: '2024-12-31', achieved: (index * 37) % 1000, as_of: '2024-06-30',
    })),
  });
}

before(async () => {
  app = await start();
  axeSource = await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  const serve = (path, type, body) => app.fixtures.set(path, (request, response) => {
    response.writeHead(200, { 'content-type': type });
    response.end(body);
  });
  serve('/fixtures/units-200.csv', 'text/csv', manyUnits(200));
  serve('/fixtures/units-16k.csv', 'text/csv', manyUnits(16_000));
  serve('/fixtures/many-of-each.json', 'application/json', manyOfEach(20_000, 3_000));
});
after(async () => app.stop());

/** Nodes inside the widget. */
const widgetNodes = (page) => page.evaluate(() => document.querySelector('.pantau-widget').querySelectorAll('*').length);

test('a filter with more than fifty choices is a combobox: type to narrow, arrows and Enter to choose', async () => {
  const { page, errors, close } = await app.open('?lang=en&src=fixtures/units-200.csv');
  const box = page.getByRole('combobox', { name: 'Spending unit' });
  assert.equal(await box.inputValue(), 'All');
  assert.equal(await page.locator('#pantau-filter-unit option').count(), 0, 'no select with 200 options');
  await box.click();
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.getByRole('option').count(), 51, 'the "all" choice and the first fifty');
  assert.match(await page.locator('.pantau-combo-status').textContent(), /200 matching; the first 50 are shown/);
  await box.fill('kerja 17');
  // "Satuan Kerja 17" and 170-179.
  assert.equal(await page.getByRole('option').count(), 11);
  assert.match(await page.locator('.pantau-combo-status').textContent(), /^11 matching$/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const active = await box.getAttribute('aria-activedescendant');
  assert.equal(await page.locator(`#${active}`).textContent(), 'Satuan Kerja 170');
  await page.keyboard.press('Enter');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.equal(await box.inputValue(), 'Satuan Kerja 170');
  assert.equal(new URL(page.url()).searchParams.get('unit'), 'Satuan Kerja 170');
  assert.match(await page.locator('.pantau-drill-unit').textContent(), /Satuan Kerja 170/);
  // Escape closes and keeps the choice; "All" clears it.
  await box.click();
  await box.fill('zzz');
  await page.keyboard.press('Escape');
  assert.equal(await box.inputValue(), 'Satuan Kerja 170');
  await box.click();
  await page.getByRole('option', { name: 'All' }).click();
  assert.equal(new URL(page.url()).searchParams.get('unit'), null);
  assert.deepEqual(errors, []);
  await close();
});

test('the combobox passes axe, open and closed, in both languages', async () => {
  for (const lang of ['id', 'en']) {
    const { page, close } = await app.open(`?lang=${lang}&src=fixtures/units-200.csv`);
    await page.addScriptTag({ content: axeSource });
    const run = () => page.evaluate(async () => (await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'label-content-name-mismatch': { enabled: true } },
    })).violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`));
    assert.deepEqual(await run(), [], `${lang} closed`);
    await page.getByRole('combobox').first().click();
    await page.keyboard.press('ArrowDown');
    assert.deepEqual(await run(), [], `${lang} open`);
    await close();
  }
});

test('sixteen thousand spending units: a few thousand nodes at most, and a list that says what it folds', async () => {
  const { page, errors, close } = await app.open('?lang=en&src=fixtures/units-16k.csv');
  await page.locator('.pantau-panel').first().waitFor();
  const nodes = await widgetNodes(page);
  assert.ok(nodes < 5000, `${nodes} nodes`);
  // Expanded, the unit breakdown shows fifty rows at most; the table a hundred with a note.
  await page.locator('#pantau-panel-by-unit .pantau-fold').click();
  assert.equal(await page.locator('#pantau-panel-by-unit .pantau-fold').getAttribute('aria-expanded'), 'true');
  await page.locator('#pantau-panel-by-unit .pantau-display').nth(1).click();
  assert.ok(await page.locator('#pantau-panel-by-unit tbody tr').count() <= 100);
  assert.match(await page.locator('#pantau-panel-by-unit .pantau-table-more').textContent(), /Showing 100 of 16[.,]000 rows; the CSV download has them all/);
  assert.ok(await widgetNodes(page) < 5000, 'expanded, with the table');
  await page.getByRole('combobox').first().click();
  assert.ok(await widgetNodes(page) < 5000, 'with the choices open');
  assert.deepEqual(errors, []);
  await close();
});

test('twenty thousand sources and three thousand targets: the first listed, the rest counted', async () => {
  const { page, errors, close } = await app.open('?lang=en&src=fixtures/many-of-each.json&view=targets');
  await page.locator('.pantau-panel').first().waitFor();
  assert.equal(await page.locator('.pantau-panel').count(), 13, 'twelve targets and one overview');
  assert.match(await page.locator('#pantau-title-targets-more').textContent(), /2\.988 more targets|2,988 more targets/);
  assert.equal(await page.locator('.pantau-sources li').count(), 21);
  assert.match(await page.locator('.pantau-sources-more').textContent(), /and 19[.,]980 more/);
  assert.ok(await widgetNodes(page) < 5000, `${await widgetNodes(page)} nodes`);
  // The overview's table holds the charted targets, then every one once the reader asks (the
  // page renders a hundred rows and says the CSV has them all).
  const overview = page.locator('#pantau-panel-targets-more');
  await overview.locator('.pantau-display').nth(1).click();
  assert.equal(await overview.locator('tbody tr').count(), 49);
  assert.match(await overview.locator('.pantau-summary').textContent(), /The table lists those in the chart/);
  const fold = overview.locator('.pantau-fold');
  assert.equal(await fold.textContent(), 'List all in the table');
  await fold.click();
  assert.equal(await overview.locator('.pantau-fold').getAttribute('aria-expanded'), 'true');
  assert.equal(await overview.locator('tbody tr').count(), 100);
  assert.match(await overview.locator('.pantau-table-more').textContent(), /Showing 100 of 2[.,]988 rows/);
  assert.match(await overview.locator('.pantau-summary').textContent(), /The table lists them all/);
  assert.ok(await widgetNodes(page) < 5000, `expanded: ${await widgetNodes(page)} nodes`);
  await page.getByRole('tab', { name: 'Spending' }).click();
  assert.match(await page.locator('.pantau-source').first().textContent(), /and 7 more/);
  assert.deepEqual(errors, []);
  await close();
});
