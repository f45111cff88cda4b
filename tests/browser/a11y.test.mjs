// Accessibility in headless Chromium: axe-core finds no WCAG 2.1 A/AA violation in any view,
// theme or language; and what axe cannot see is checked directly: every chart is named and
// described, and every mark is reachable by keyboard with a spoken label.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, violations } from './harness.mjs';

let app;
before(async () => {
  app = await start();
});
after(async () => app.stop());

for (const theme of ['light', 'dark']) {
  for (const lang of ['id', 'en']) {
    test(`no WCAG 2.1 A/AA violation in any view (${theme}, ${lang})`, async () => {
      for (const view of ['spending', 'local-content', 'targets']) {
        const { page, close } = await app.open(`?lang=${lang}&theme=${theme}&view=${view}`);
        assert.deepEqual(await violations(page), [], `${view} chart`);
        await page.locator('.pantau-display').nth(1).click();
        assert.deepEqual(await violations(page), [], `${view} table`);
        await close();
      }
    });
  }
}

test('no WCAG 2.1 A/AA violation with the filters, drilled down, with a hidden legend entry (both themes)', async () => {
  for (const theme of ['light', 'dark']) {
    for (const view of ['spending', 'local-content', 'targets']) {
      const { page, close } = await app.open(`?src=data/contoh-paket.json&lang=id&theme=${theme}&view=${view}&unit=Dinas%20Kesehatan`);
      assert.deepEqual(await violations(page), [], `${theme} ${view} drilled`);
      const legend = page.locator('.pantau-legend-entry').first();
      if (await legend.count()) {
        await legend.click();
        assert.deepEqual(await violations(page), [], `${theme} ${view} legend entry hidden`);
      }
      await close();
    }
  }
});

test('no WCAG 2.1 A/AA violation in the oversight view and the comparison (both themes and languages)', async () => {
  for (const theme of ['light', 'dark']) {
    for (const lang of ['id', 'en']) {
      const { page, close } = await app.open(`?src=data/contoh-paket.json&lang=${lang}&theme=${theme}&view=oversight&compare=previous`);
      await page.waitForSelector('.pantau-compare table');
      assert.deepEqual(await violations(page), [], `${theme} ${lang} oversight chart`);
      await page.locator('.pantau-display', { hasText: lang === 'id' ? 'Tabel' : 'Table' }).first().click();
      assert.deepEqual(await violations(page), [], `${theme} ${lang} oversight table`);
      await close();
    }
  }
});

test('no WCAG 2.1 A/AA violation with the share panel open, the data issues listed, in OCDS-like data', async () => {
  for (const theme of ['light', 'dark']) {
    const { page, close } = await app.open(`?lang=en&theme=${theme}&src=data/contoh-paket.json&sha256=${'ab'.repeat(32)}`);
    await page.locator('.pantau-share summary').click();
    await page.getByRole('button', { name: 'Copy' }).first().click();
    assert.deepEqual(await violations(page), [], theme);
    await close();
  }
});

test('every chart has a name and a description, and its marks can be reached by keyboard', async () => {
  for (const view of ['spending', 'local-content', 'targets']) {
    const { page, close } = await app.open(`?lang=id&view=${view}`);
    const charts = await page.locator('svg.pantau-svg').evaluateAll((svgs) =>
      svgs.map((svg) => ({
        name: svg.getAttribute('aria-label'),
        described: document.getElementById(svg.getAttribute('aria-describedby'))?.textContent ?? '',
        marks: [...svg.querySelectorAll('.pantau-hit')].map((mark) => ({ label: mark.getAttribute('aria-label'), tabindex: mark.getAttribute('tabindex') })),
      })),
    );
    assert.ok(charts.length > 0, view);
    for (const chart of charts) {
      assert.ok(chart.name && chart.name.length > 3, `${view}: chart name`);
      assert.ok(chart.described.length > 20, `${view}: description`);
      assert.ok(chart.marks.length > 0, `${view}: marks`);
      assert.ok(chart.marks.every((mark) => mark.label && mark.label.length > 3), `${view}: mark labels`);
      assert.equal(chart.marks.filter((mark) => mark.tabindex === '0').length, 1, `${view}: one tab stop per chart`);
    }
    // A keyboard walk: Tab reaches the first mark of the first chart, arrows move along.
    const first = page.locator('.pantau-hit').first();
    for (let step = 0; step < 30 && !(await first.evaluate((mark) => mark === document.activeElement)); step += 1) {
      await page.keyboard.press('Tab');
    }
    assert.ok(await first.evaluate((mark) => mark === document.activeElement), `${view}: Tab reaches the chart`);
    assert.ok(await page.locator('.pantau-tooltip').first().isVisible(), `${view}: tooltip on focus`);
    await close();
  }
});

test('the system dark mode applies when the theme is auto', async () => {
  const { page, close } = await app.open('?lang=id');
  assert.equal(await page.locator('.pantau-widget').getAttribute('data-theme'), 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.querySelector('.pantau-widget').dataset.theme === 'dark');
  const background = await page.locator('svg.pantau-svg rect').first().getAttribute('fill');
  assert.equal(background, '#161b22');
  await close();
});
