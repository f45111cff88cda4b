// The layout check in a real browser: the rules of src/chart/layout.rs (every text inside its
// chart, no two texts overlapping, no line or filled mark through a text without a halo) on
// the boxes Chromium measures with the real font (getBBox), over every view × page width ×
// language × dataset (the bundled samples, long unit names, many units, huge amounts). The host
// check estimates text widths; this one proves the estimate holds where the text is drawn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start } from './harness.mjs';

const WIDTHS = [320, 360, 390, 480, 768, 1000];
const VIEWS = ['spending', 'local-content', 'targets', 'oversight'];
const SAMPLE = JSON.parse(readFileSync(new URL('../../data/kaltim-2024.json', import.meta.url)));

const longName = (index) => {
  let name = `Unit ${index} Dinas Pekerjaan Umum, Penataan Ruang dan Perumahan Rakyat `;
  while (name.length < 300) name += 'Bidang Bina Marga dan Sumber Daya Air ';
  return name.slice(0, 300);
};
const units = (count, name, total) => Array.from({ length: count }, (_, index) => {
  const whole = Math.max(1, total(index));
  return {
    unit: name(index),
    total: whole,
    pdn: Math.floor(whole / 100) * (40 + ((index * 7) % 60)),
    umkk: Math.floor(whole / 100) * (10 + ((index * 11) % 50)),
    illustrative: true,
  };
});
const edited = (edit) => {
  const file = structuredClone(SAMPLE);
  edit(file);
  return JSON.stringify(file);
};
const scaled = (value, factor) => {
  if (Array.isArray(value)) return value.map((item) => scaled(item, factor));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key,
      ['amount', 'total', 'pdn', 'umkk'].includes(key) && typeof field === 'number'
        ? Math.max(1, Math.round(field * factor)) : scaled(field, factor)]));
  }
  return value;
};

const DATASETS = {
  sample: '',
  packages: 'src=data/contoh-paket.json',
  'packages counted': 'src=data/contoh-paket.json&measure=count',
  'long-names': 'src=/fixtures/long-names.json',
  'many-units': 'src=/fixtures/many-units.json',
  'one-unit': 'src=/fixtures/one-unit.json',
  huge: 'src=/fixtures/huge.json',
  tiny: 'src=/fixtures/tiny.json',
  'targets-far': 'src=/fixtures/targets-far.json',
};

const target = (label, achieved, goal) => ({
  id: label.toLowerCase().replaceAll(' ', '-'), label, unit: 'produk', baseline: 0, start: '2024-01-01',
  target: goal, deadline: '2024-12-31', achieved, as_of: '2024-06-30', legal_basis: 'Rapat koordinasi', source: 'rakor-2024-08',
});

let app;
before(async () => {
  app = await start();
  const serve = (path, body) => app.fixtures.set(path, (request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
  });
  serve('/fixtures/long-names.json', edited((file) => {
    file.local_content.by_unit = units(8, longName, (index) => 900e9 - index * 50e9);
    file.targets[0].label = longName(0);
  }));
  serve('/fixtures/many-units.json', edited((file) => {
    file.local_content.by_unit = units(200, (index) => `Satuan Kerja Perangkat Daerah nomor ${index}`, (index) => 10e9 + index * 3e9);
  }));
  serve('/fixtures/huge.json', JSON.stringify(scaled(SAMPLE, 40000)));
  serve('/fixtures/tiny.json', JSON.stringify(scaled(SAMPLE, 1e-9)));
  serve('/fixtures/one-unit.json', edited((file) => {
    file.local_content.by_unit = units(1, () => 'Sekretariat Daerah', () => 240e9);
    file.spending.by_method = [file.spending.by_method[0]];
  }));
  serve('/fixtures/targets-far.json', edited((file) => {
    file.targets = [target('Produk tayang di e-Katalog', 990000, 1000000), target('Penyedia lokal terdaftar', 3, 250000), target('Paket UMK', 5000000, 20000)];
  }));
});
after(async () => app.stop());

/** Runs in the page: checks every chart's texts with their measured boxes. */
function checkCharts() {
  const HAIR = 0.5;
  const overlaps = (a, b) => a.x0 + HAIR < b.x1 && b.x0 + HAIR < a.x1 && a.y0 + HAIR < b.y1 && b.y0 + HAIR < a.y1;
  const crosses = ([ax, ay], [bx, by], box) => {
    const dx = bx - ax;
    const dy = by - ay;
    let low = 0;
    let high = 1;
    for (const [p, q] of [[-dx, ax - box.x0], [dx, box.x1 - ax], [-dy, ay - box.y0], [dy, box.y1 - ay]]) {
      if (p === 0) {
        if (q <= 0) return false;
      } else if (p < 0) low = Math.max(low, q / p);
      else high = Math.min(high, q / p);
    }
    return low < high;
  };
  const problems = [];
  let texts = 0;
  let charts = 0;
  for (const svg of document.querySelectorAll('.pantau-chart svg.pantau-svg')) {
    const panel = svg.closest('.pantau-panel')?.id ?? '?';
    const width = Number(svg.getAttribute('width'));
    const height = Number(svg.getAttribute('height'));
    const shapes = svg.querySelector('g[aria-hidden="true"]');
    const boxes = [...shapes.querySelectorAll('text')].map((element) => {
      const box = element.getBBox();
      return {
        text: element.textContent,
        haloed: element.hasAttribute('stroke'),
        x0: box.x, y0: box.y, x1: box.x + box.width, y1: box.y + box.height,
      };
    });
    const lines = [...shapes.querySelectorAll('polyline')].map((element) => ({
      reach: Number(element.getAttribute('stroke-width') || 1) / 2 - HAIR,
      points: element.getAttribute('points').trim().split(/\s+/).map((pair) => pair.split(',').map(Number)),
    }));
    const marks = [...shapes.querySelectorAll('rect')]
      .filter((element) => element.getAttribute('fill') !== 'none')
      .map((element) => {
        const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((name) => Number(element.getAttribute(name)));
        return { x0: x, y0: y, x1: x + w, y1: y + h, whole: x <= 0 && y <= 0 && w >= width };
      })
      .filter((mark) => !mark.whole);
    charts += 1;
    texts += boxes.length;
    if (boxes.length === 0) problems.push(`${panel}: no text`);
    boxes.forEach((box, index) => {
      if (box.x0 < -HAIR || box.y0 < -HAIR || box.x1 > width + HAIR || box.y1 > height + HAIR) {
        problems.push(`${panel}: outside ${JSON.stringify(box)} in ${width}×${height}`);
      }
      for (const other of boxes.slice(index + 1)) {
        if (overlaps(box, other)) problems.push(`${panel}: "${box.text}" overlaps "${other.text}"`);
      }
      if (box.haloed) return;
      for (const line of lines) {
        const reach = { x0: box.x0 - line.reach, y0: box.y0 - line.reach, x1: box.x1 + line.reach, y1: box.y1 + line.reach };
        if (line.points.slice(1).some((point, at) => crosses(line.points[at], point, reach))) {
          problems.push(`${panel}: a line crosses "${box.text}"`);
          break;
        }
      }
      if (marks.some((mark) => overlaps(mark, box))) problems.push(`${panel}: a mark covers "${box.text}"`);
    });
  }
  return { texts, charts, problems };
}

test('no chart text is clipped, overlapped or crossed in Chromium at any width, view, language or dataset', async () => {
  let texts = 0;
  let charts = 0;
  const problems = [];
  const empty = [];
  for (const [name, query] of Object.entries(DATASETS)) {
    for (const lang of ['id', 'en']) {
      for (const view of VIEWS) {
        const { page, errors, close } = await app.open(`?${query}&lang=${lang}&view=${view}`, { width: 1000 });
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          // Each chart is drawn anew for its box's width.
          await page.waitForFunction(() => [...document.querySelectorAll('.pantau-chart')].every((chart) => {
            const svg = chart.querySelector('svg.pantau-svg');
            return svg && Math.abs(Number(svg.getAttribute('width')) - Math.max(200, chart.clientWidth)) <= 1;
          }));
          const result = await page.evaluate(checkCharts);
          if (result.charts === 0 && width === WIDTHS[0]) empty.push(`${name} ${lang} ${view}`);
          texts += result.texts;
          charts += result.charts;
          problems.push(...result.problems.map((problem) => `${name} ${lang} ${view} ${width}px ${problem}`));
        }
        assert.deepEqual(errors, [], `${name} ${lang} ${view}`);
        await close();
      }
    }
  }
  console.log(`browser layout check: ${texts} texts in ${charts} charts`);
  console.log(`views without a chart: ${empty.join(', ') || 'none'}`);
  assert.ok(charts >= 500, `${charts} charts checked`);
  assert.deepEqual(problems.slice(0, 40), []);
});

test('at 360 px every plot keeps three quarters of its chart, and long names keep their full name for assistive technology', async () => {
  for (const view of VIEWS) {
    // The oversight view needs packages: the package sample's.
    const data = view === 'oversight' ? `${DATASETS.packages}&` : '';
    const { page, errors, close } = await app.open(`?${data}lang=id&view=${view}`, { width: 360 });
    await page.waitForSelector('.pantau-panel svg.pantau-svg');
    // The plot's width is the longest horizontal line drawn: the grid lines or the axis.
    const spans = await page.locator('svg.pantau-svg').evaluateAll((svgs) => svgs.map((svg) => {
      const longest = Math.max(...[...svg.querySelectorAll('polyline')].map((line) => {
        const points = line.getAttribute('points').trim().split(/\s+/).map((pair) => pair.split(',').map(Number));
        const flat = points.every(([, y]) => y === points[0][1]);
        return flat ? Math.max(...points.map(([x]) => x)) - Math.min(...points.map(([x]) => x)) : 0;
      }));
      return { width: Number(svg.getAttribute('width')), longest };
    }));
    assert.ok(spans.length > 0, view);
    for (const { width, longest } of spans) assert.ok(longest >= 0.75 * width, `${view}: plot ${longest} of ${width} px`);
    assert.deepEqual(errors, []);
    await close();
  }
  const { page, errors, close } = await app.open(`?${DATASETS['long-names']}&lang=id&view=local-content`, { width: 360 });
  await page.waitForSelector('.pantau-panel svg.pantau-svg');
  const hits = await page.locator('#pantau-panel-share-pdn .pantau-hit').evaluateAll(
    (elements) => elements.map((element) => element.getAttribute('aria-label')),
  );
  assert.ok(hits.some((label) => label.includes(longName(1).trim())), hits[1]);
  const drawn = await page.locator('#pantau-panel-share-pdn g[aria-hidden="true"] text').allTextContents();
  assert.ok(drawn.some((text) => text.startsWith('Unit 1 Dinas')), drawn.slice(0, 6).join(' | '));
  assert.ok(drawn.some((text) => text.endsWith('…')), 'a 300-character name is shortened on screen, after two lines');
  assert.deepEqual(errors, []);
  await close();
});

test('the browser check finds a clipped, an overlapping and a crossed text', async () => {
  const { page, close } = await app.open('?lang=en&view=spending', { width: 360 });
  await page.waitForSelector('.pantau-panel svg.pantau-svg');
  await page.evaluate(() => {
    // Three bad texts added to the first chart.
    const svg = document.querySelector('.pantau-chart svg.pantau-svg');
    const group = svg.querySelector('g[aria-hidden="true"]');
    const first = group.querySelector('text');
    const add = (x, y, content) => {
      const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      text.setAttribute('x', x);
      text.setAttribute('y', y);
      text.setAttribute('font-size', '12');
      text.textContent = content;
      group.append(text);
    };
    add(Number(svg.getAttribute('width')) - 10, 60, 'clipped at the right');
    add(first.getAttribute('x'), first.getAttribute('y'), 'on top of another');
    const grid = group.querySelector('polyline').getAttribute('points').split(' ')[0].split(',');
    add(Number(grid[0]) + 40, Number(grid[1]) + 4, 'crossed');
  });
  const { problems } = await page.evaluate(checkCharts);
  assert.ok(problems.some((problem) => problem.includes('outside')), problems.join('\n'));
  assert.ok(problems.some((problem) => problem.includes('"on top of another"')), problems.join('\n'));
  assert.ok(problems.some((problem) => problem.includes('crosses "crossed"')), problems.join('\n'));
  await close();
});
