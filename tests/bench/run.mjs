// Benchmarks that print their numbers (not timed tests): time to first chart against a Chart.js
// page, interaction latency, big-file ingest with the longest main-thread task, memory, and
// twenty widgets on one page. Needs the release build (dist/) and, for the big files,
// `node tests/bench/generate.mjs`. Usage: node tests/bench/run.mjs [runs]
import { readdir, readFile, stat } from 'node:fs/promises';
import { createReadStream, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { start } from '../browser/harness.mjs';
import { serve as serveFolder } from '../browser/server.mjs';
import { gzipSync } from 'node:zlib';

const RUNS = Number(process.argv[2] ?? 11);
const BIG = new URL('../../target/bench-data/', import.meta.url).pathname;
const app = await start();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(1)} ms`;
const results = {};

const chartjs = await readFile(new URL('../../node_modules/chart.js/dist/chart.umd.min.js', import.meta.url));
const chartPage = await readFile(new URL('./chartjs.html', import.meta.url));
// The Chart.js page and its library are gzip-served to a browser that accepts it, as a CDN does.
const serve = (type, body) => {
  const compressed = gzipSync(body, { level: 9 });
  return (request, response) => {
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      response.end(compressed);
      return;
    }
    response.writeHead(200, { 'content-type': type });
    response.end(body);
  };
};
app.fixtures.set('/chart.umd.min.js', serve('text/javascript', chartjs));
app.fixtures.set('/chartjs.html', serve('text/html; charset=utf-8', chartPage));
for (const name of ['packages-100k.csv', 'releases-100k.jsonl']) {
  app.fixtures.set(`/big/${name}`, async (request, response) => {
    const size = (await stat(BIG + name)).size;
    response.writeHead(200, { 'content-type': name.endsWith('.csv') ? 'text/csv' : 'application/x-ndjson', 'content-length': size });
    createReadStream(BIG + name).pipe(response);
  });
}

/** The console message that says a page has its first chart. */
const CHART_SIGNAL = 'pantau-bench:first-chart';
/** Records first-chart time, long tasks and the WebAssembly memory in every page. */
const INIT = (CHART_SIGNAL) => {
  window.__longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => window.__longTasks.push(entry.duration))).observe({ type: 'longtask', buffered: true });
  addEventListener('TrunkApplicationStarted', (event) => { window.__wasm = event.detail.wasm; });
  new MutationObserver((mutations, observer) => {
    // A snapshot (the `snapshot` option): the time its picture is decoded and in the page.
    const picture = document.querySelector('.pantau-snapshot-frame img');
    if (picture && !window.__pictureSeen) {
      window.__pictureSeen = true;
      picture.decode().then(() => { window.__picture = performance.now(); }, () => {});
    }
    const root = document.querySelector('.pantau-widget');
    if (root && !window.__mounted) window.__mounted = performance.now();
    // A chart with data: Pantau's first drawing has its shapes, or Chart.js's canvas is there.
    if (document.querySelector('svg.pantau-svg > g > *, canvas') && !window.__chart) {
      window.__chart = performance.now();
      // Told to the bench through the console: waiting by polling the page would make the bench's
      // own helper script run in the middle of the load it measures (10-12 ms of evaluation).
      console.debug(CHART_SIGNAL);
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function page(options = {}) {
  const context = await app.browser.newContext({ viewport: { width: 900, height: 900 }, locale: 'id-ID', ...options });
  const tab = await context.newPage();
  await tab.addInitScript(INIT, CHART_SIGNAL);
  return { tab, context };
}

async function firstChart(path, chartSelector, { mbit, profile, base = app.url, viewport } = {}) {
  const { tab, context } = await page(viewport ? { viewport } : {});
  if (profile) {
    // A link and a CPU as the profile says, through the DevTools protocol.
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    if (profile.latency) {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.down * 125_000, uploadThroughput: profile.up * 125_000 });
    }
    if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  }
  if (mbit) {
    // A link of `mbit` megabits per second each way (Chromium's network emulation), 5 ms latency.
    const network = await context.newCDPSession(tab);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 5, downloadThroughput: mbit * 125_000, uploadThroughput: mbit * 125_000 });
  }
  const charted = tab.waitForEvent('console', { predicate: (message) => message.text() === CHART_SIGNAL, timeout: 120_000 });
  await tab.goto(`${base}/${path}`);
  await charted;
  await tab.waitForSelector(chartSelector, { timeout: 120_000 });
  const timing = await tab.evaluate(() => {
    const resources = performance.getEntriesByType('resource');
    const end = (pattern) => Math.max(0, ...resources.filter((entry) => pattern.test(entry.name)).map((entry) => entry.responseEnd));
    const data = resources.find((entry) => /data\/|big\//.test(entry.name));
    const chartMark = performance.getEntriesByName('first-chart')[0];
    const markAt = (name) => performance.getEntriesByName(name)[0]?.startTime ?? 0;
    return {
      download: end(/\.(wasm|js|css)$/),
      wasm: end(/\.wasm$/),
      mounted: window.__mounted ?? 0,
      dataStart: data ? data.fetchStart : 0,
      dataEnd: data ? data.responseEnd : 0,
      dataBytes: data ? data.encodedBodySize || data.transferSize : 0,
      chart: chartMark ? chartMark.startTime : window.__chart,
      longest: Math.max(0, ...window.__longTasks),
      received: markAt('pantau-pbj:received'),
      workerReady: markAt('pantau-pbj:worker-ready'),
      workerDone: markAt('pantau-pbj:worker-done'),
      read: markAt('pantau-pbj:read'),
      picture: window.__picture ?? 0,
      interactive: markAt('pantau-pbj:interactive'),
    };
  });
  const cdp = await context.newCDPSession(tab);
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }))).metrics.map((metric) => [metric.name, metric.value]));
  await cdp.send('Performance.enable');
  const heap = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((metric) => [metric.name, metric.value])).JSHeapUsedSize ?? metrics.JSHeapUsedSize;
  const wasmMemory = await tab.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
  await context.close();
  return { ...timing, heap, wasmMemory };
}

async function timeToFirstChart() {
  const rows = { pantau: [], chartjs: [] };
  for (let run = 0; run < RUNS; run += 1) {
    rows.pantau.push(await firstChart('?lang=id', 'svg.pantau-svg'));
    rows.chartjs.push(await firstChart('chartjs.html', 'canvas'));
  }
  const pantau = rows.pantau;
  results.firstChart = {
    pantau: {
      total: median(pantau.map((row) => row.chart)),
      download: median(pantau.map((row) => row.download)),
      // Phases one after another (they add up to the total): the code arrives, compiles and
      // mounts; the data is in hand (its download runs beside the code's, from the preload); it is
      // read; the first chart is rendered.
      compileAndMount: median(pantau.map((row) => row.mounted - row.download)),
      dataWait: median(pantau.map((row) => Math.max(0, row.received - row.mounted))),
      read: median(pantau.map((row) => row.read - row.received)),
      render: median(pantau.map((row) => row.chart - row.read)),
      dataFetch: median(pantau.map((row) => row.dataEnd - row.dataStart)),
    },
    chartjs: {
      total: median(rows.chartjs.map((row) => row.chart)),
      download: median(rows.chartjs.map((row) => row.download)),
      dataFetch: median(rows.chartjs.map((row) => row.dataEnd - row.dataStart)),
      render: median(rows.chartjs.map((row) => row.chart - row.dataEnd)),
    },
    memory: { jsHeap: median(pantau.map((row) => row.heap)), wasm: median(pantau.map((row) => row.wasmMemory)) },
  };
}

/** The profiles of #15: round trip (ms), download and upload (Mbit/s), CPU slowdown. */
const PROFILES = [
  { name: 'loopback', latency: 0, down: 0, up: 0, cpu: 1 },
  { name: 'Indonesian median 4G (60 ms, 25 Mbit/s), CPU ×4', latency: 60, down: 25, up: 10, cpu: 4 },
  { name: "Lighthouse's mobile profile (150 ms, 1,6 Mbit/s), CPU ×4", latency: 150, down: 1.6, up: 0.75, cpu: 4 },
];

/** The snapshots of the sample's first view (the spending view in Indonesian): a phone's and
 * the widest, as `pantau publish` writes them. */
const SNAPSHOT = encodeURIComponent('data/snapshots/spending-id-360.svg 360w, data/snapshots/spending-id.svg 960w');

/** Time to first chart of Pantau (with a snapshot: the picture shown; then interactive, when
 * the widget has replaced it; and without one) and of the Chart.js page, all gzip-served, on each
 * profile, alternating, at a phone's width (360 × 800). */
async function profiles() {
  const gz = await serveFolder(new URL('../../dist/', import.meta.url).pathname, { gzip: true });
  // What `pantau publish` writes for the sample: the widget's page with the snapshot in its
  // markup, opened as its iframe snippet does.
  const folder = new URL('../../target/bench-publish/', import.meta.url).pathname;
  rmSync(folder, { recursive: true, force: true });
  execFileSync('cargo', ['run', '--quiet', '--bin', 'pantau', '--', 'publish', 'data/kaltim-2024.json', '--widget', 'dist', '-o', folder], { cwd: new URL('../../', import.meta.url).pathname, stdio: ['ignore', 'ignore', 'inherit'] });
  const sha256 = readFileSync(`${folder}SHA256SUMS`, 'utf8').split(/\s+/)[0];
  const published = await serveFolder(folder, { gzip: true });
  const viewport = { width: 360, height: 800 };
  results.profiles = [];
  for (const profile of PROFILES) {
    const rows = { pantau: [], picture: [], interactive: [], option: [], optionInteractive: [], chartjs: [] };
    for (let run = 0; run < RUNS; run += 1) {
      rows.pantau.push((await firstChart('?lang=id', 'svg.pantau-svg', { profile, base: gz.url, viewport })).chart);
      const page = await firstChart(`widget/index.html?src=../data/kaltim-2024.json&sha256=${sha256}&lang=id&view=spending`, 'svg.pantau-svg', { profile, base: published.url, viewport });
      rows.picture.push(page.picture);
      rows.interactive.push(page.interactive);
      const option = await firstChart(`?lang=id&snapshot=${SNAPSHOT}`, 'svg.pantau-svg', { profile, base: gz.url, viewport });
      rows.option.push(option.picture);
      rows.optionInteractive.push(option.interactive);
      rows.chartjs.push((await firstChart('chartjs.html', 'canvas', { profile, base: gz.url, viewport })).chart);
    }
    const summary = Object.fromEntries(Object.entries(rows).map(([name, values]) => [name, median(values)]));
    results.profiles.push({ name: profile.name, ...summary, runs: rows });
  }
  await gz.close();
  await published.close();
  results.chartjsGzip = gzipSync(chartjs, { level: 9 }).length;
}

/** Median and worst time from a click to the next frame, over `count` alternating clicks. */
async function interaction(query, clicks, count = 20) {
  const { tab, context } = await page();
  await tab.goto(`${app.url}/${query}`);
  await tab.waitForSelector('svg.pantau-svg', { timeout: 120_000 });
  const times = [];
  for (let index = 0; index < count; index += 1) {
    const click = clicks[index % clicks.length];
    times.push(await tab.evaluate(async (click) => {
      const target = click.select ? document.querySelector(click.select) : [...document.querySelectorAll('[role=tab]')].find((tab) => tab.textContent === click.tab);
      const started = performance.now();
      if (click.select) {
        target.value = click.value;
        target.dispatchEvent(new Event('change', { bubbles: true }));
      } else {
        target.click();
      }
      const handled = performance.now();
      // Re-render: the app's reactive updates run as microtasks after the handler; a message
      // to self runs after all of them, then style and layout are forced (paint excluded).
      await new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(null);
      });
      document.body.getBoundingClientRect();
      const laidOut = performance.now();
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return { handled: handled - started, layout: laidOut - started, frame: performance.now() - started };
    }, click));
  }
  await context.close();
  return {
    handledMedian: median(times.map((time) => time.handled)),
    handledWorst: Math.max(...times.map((time) => time.handled)),
    layoutMedian: median(times.map((time) => time.layout)),
    layoutWorst: Math.max(...times.map((time) => time.layout)),
    frameMedian: median(times.map((time) => time.frame)),
    frameWorst: Math.max(...times.map((time) => time.frame)),
  };
}

async function bigFiles() {
  results.big = {};
  // On loopback the file arrives in a fifth of a second, before the reading worker has started
  // (it starts once the file's length is known); over a 100 Mbit/s link it has started and warmed
  // up by the last byte.
  for (const [name, mbit] of [['packages-100k.csv', 0], ['packages-100k.csv', 100], ['releases-100k.jsonl', 0]]) {
    const label = mbit ? `${name} over ${mbit} Mbit/s` : name;
    try {
      await stat(BIG + name);
    } catch {
      results.big[label] = 'missing: run node tests/bench/generate.mjs';
      continue;
    }
    const row = await firstChart(`?lang=id&maxmb=256&timeout=120&src=big/${name}`, 'svg.pantau-svg', { mbit });
    const bytes = (await stat(BIG + name)).size;
    const readAndChart = row.chart - row.dataEnd;
    results.big[label] = {
      megabytes: bytes / 1e6,
      workerReadyBeforeLastByte: row.workerReady ? row.received - row.workerReady : null,
      download: row.dataEnd - row.dataStart,
      parseAggregateRender: readAndChart,
      read: row.read - row.received,
      // From the moment the worker had both started and the bytes to its answer being done.
      inWorker: row.workerDone ? row.workerDone - Math.max(row.workerReady, row.received) : 0,
      render: row.chart - row.read,
      throughputMBs: bytes / 1e6 / (readAndChart / 1000),
      firstChartFromStart: row.chart,
      longestTask: row.longest,
      jsHeap: row.heap,
      wasm: row.wasmMemory,
    };
    if (mbit) continue;
    results.big[label].interaction = await interaction(`?lang=id&maxmb=256&timeout=120&src=big/${name}`, [
      { select: '#pantau-filter-method', value: name.endsWith('csv') ? 'tender' : 'open' },
      { select: '#pantau-filter-method', value: '' },
    ], 6);
  }
}

async function twentyWidgets() {
  const elements = Array.from({ length: 20 }, (_, index) => `<pantau-pbj src="data/kaltim-2024.json" view="${['spending', 'local-content', 'targets'][index % 3]}" lang="id"></pantau-pbj>`).join('\n');
  app.fixtures.set('/twenty.html', serve('text/html; charset=utf-8', `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>20</title><script type="module" src="embed.js"></script></head><body>${elements}</body></html>`));
  const { tab, context } = await page();
  const started = Date.now();
  await tab.goto(`${app.url}/twenty.html`);
  await tab.waitForFunction(() => [...document.querySelectorAll('pantau-pbj')].every((element) => element.shadowRoot?.querySelector('svg.pantau-svg')), null, { timeout: 120_000 });
  const elapsed = Date.now() - started;
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((metric) => [metric.name, metric.value]));
  // The twenty widgets share one WebAssembly instance: its memory, through the module embed.js
  // loaded (initialising it again only returns the instance).
  const bindings = (await readFile(new URL('../../dist/index.html', import.meta.url), 'utf8')).match(/href="\.\/(pantau-pbj-[0-9a-f]+\.js)"/)[1];
  const wasm = await tab.evaluate(async (file) => (await (await import(`./${file}`)).default()).memory.buffer.byteLength, bindings);
  results.twenty = { allChartsMs: elapsed, jsHeap: metrics.JSHeapUsedSize, nodes: metrics.Nodes, wasm };
  await context.close();
}

function adversarialLine(row) {
  const longest = row.longest ? `${row.longest.toFixed(1)} ms` : '< 50 ms';
  return `  ${row.name.padEnd(34)} ${row.path.padEnd(10)} ${(row.settled ? row.shown : 'not settled in 180 s').padEnd(8)} longest ${longest.padStart(10)}  ${String(row.nodes).padStart(5)} nodes  ${row.ms} ms${row.path === 'worker' && !row.worker ? ' (read on the page)' : ''}`;
}

/** The adversarial corpus (`cargo bench --bench adversarial` writes it): each file read on the
 * widget's own page (a worker reads files of a megabyte or more) and by a script embed on another
 * origin (no worker may start there: the widget's own thread reads it); the longest main-thread
 * task (long tasks are those over 50 ms) and the widget's DOM nodes once it shows a chart or a
 * message. */
async function adversarial() {
  const folder = new URL('../../target/adversarial/', import.meta.url).pathname;
  let names;
  try {
    // SIZES=1 or SIZES=30 for one size only; NAMES=csv-many-units,… for some families only.
    const sizes = (process.env.SIZES ?? '1,30').split(',');
    const families = process.env.NAMES?.split(',');
    names = (await readdir(folder))
      .filter((name) => sizes.some((size) => name.includes(`-${size}mb.`)))
      .filter((name) => !families || families.some((family) => name.startsWith(`${family}-`))).sort((a, b) => (a.includes('-30mb') - b.includes('-30mb')) || a.localeCompare(b));
  } catch {
    results.adversarial = 'missing: run cargo bench --bench adversarial';
    return;
  }
  const type = (name) => (name.endsWith('.csv') ? 'text/csv' : name.endsWith('.jsonl') ? 'application/x-ndjson' : 'application/json');
  for (const name of names) {
    app.fixtures.set(`/adv/${name}`, async (request, response) => {
      const size = (await stat(folder + name)).size;
      response.writeHead(200, { 'content-type': type(name), 'content-length': size, 'access-control-allow-origin': '*' });
      createReadStream(folder + name).pipe(response);
    });
  }
  const hostUrl = app.url.replace('127.0.0.1', 'localhost');
  results.adversarial = [];
  for (const name of names) {
    // Each file in the view that shows what it holds.
    const view = name.includes('targets') ? 'targets' : name.includes('pantau-many-units') ? 'local-content' : 'spending';
    const options = `maxmb=64&timeout=120&view=${view}`;
    const hostPage = (`<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Embed</title><script type="module" src="${app.url}/embed.js"></script></head><body><pantau-pbj src="${app.url}/adv/${name}" lang="id" maxmb="64" timeout="120" view="${view}"></pantau-pbj></body></html>`);
    // The host page forbids workers, so that the script embed reads on its own thread (with
    // `blob:` workers allowed it would start one: src/app/worker.rs).
    app.fixtures.set('/adv-host.html', (request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "worker-src 'none'" });
      response.end(hostPage);
    });
    for (const [path, address] of [['worker', `${app.url}/?lang=id&${options}&src=adv/${name}`], ['own thread', `${hostUrl}/adv-host.html`]]) {
      const { tab, context } = await page();
      const started = Date.now();
      await tab.goto(address);
      const settled = await tab.waitForFunction(() => {
        const root = document.querySelector('pantau-pbj')?.shadowRoot ?? document;
        return root.querySelector('.pantau-panel, .pantau-error, .pantau-empty') ? true : null;
      }, null, { timeout: 180_000, polling: 200 }).then(() => true, () => false);
      const row = await tab.evaluate(() => {
        const root = document.querySelector('pantau-pbj')?.shadowRoot ?? document;
        const widget = root.querySelector('.pantau-widget');
        return {
          longest: Math.max(0, ...window.__longTasks),
          nodes: widget ? widget.querySelectorAll('*').length : 0,
          shown: root.querySelector('.pantau-error, .pantau-empty') ? 'message' : root.querySelector('.pantau-panel') ? 'chart' : 'nothing',
          worker: performance.getEntriesByName('pantau-pbj:worker-done').length > 0,
        };
      });
      const result = { name, path, settled, ms: Date.now() - started, ...row };
      results.adversarial.push(result);
      // Each row as it comes (a full run takes a while).
      console.error(adversarialLine(result));
      await context.close();
    }
  }
}

// ONLY=first,profiles,interaction,big,twenty,adversarial runs some parts (all by default).
const only = (part) => !process.env.ONLY || process.env.ONLY.split(',').includes(part);
if (only('first')) await timeToFirstChart();
if (only('profiles')) await profiles();
if (only('interaction')) {
  results.interaction = {
    viewSwitchSample: await interaction('?lang=id', [{ tab: 'Konten lokal' }, { tab: 'Belanja' }, { tab: 'Target' }]),
    filterChangePackages: await interaction('?lang=id&src=data/contoh-paket.json', [{ select: '#pantau-filter-method', value: 'tender' }, { select: '#pantau-filter-method', value: '' }]),
  };
}
if (only('big')) await bigFiles();
if (only('twenty')) await twentyWidgets();
if (only('adversarial')) await adversarial();
await app.stop();

const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const f = results.firstChart;
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${mb(os.totalmem())}; ${new Date().toISOString()}`);
if (f) {
  console.log(`\ntime to first chart, median of ${RUNS} (headless Chromium, localhost, bundled sample):`);
  console.log(`  Pantau    total ${ms(f.pantau.total)} = code download ${ms(f.pantau.download)}, compile+mount ${ms(f.pantau.compileAndMount)}, data wait ${ms(f.pantau.dataWait)}, read ${ms(f.pantau.read)}, render ${ms(f.pantau.render)} (medians of each; the data download, ${ms(f.pantau.dataFetch)}, runs beside the code's)`);
  console.log(`  Chart.js  total ${ms(f.chartjs.total)} = download ${ms(f.chartjs.download)}, data ${ms(f.chartjs.dataFetch)}, render ${ms(f.chartjs.render)}`);
  console.log(`  memory (sample): JS heap ${mb(f.memory.jsHeap)}, wasm ${mb(f.memory.wasm)}`);
}
if (results.profiles) {
  console.log(`\ntime to first chart on three profiles at 360 × 800 px, all gzip-served, median of ${RUNS} alternating runs (Chart.js code ${(results.chartjsGzip / 1024).toFixed(1)} KB gzip); with a snapshot, its picture is the first chart and the widget replacing it the interactive one:`);
  for (const row of results.profiles) {
    const runs = (values) => values.map((value) => value.toFixed(0)).join(' ');
    console.log(`  ${row.name}:`);
    console.log(`    Chart.js page ${ms(row.chartjs)} (${runs(row.runs.chartjs)})`);
    const both = (picture, interactive) => `picture ${ms(row[picture])}, ratio ${(row[picture] / row.chartjs).toFixed(2)} (${runs(row.runs[picture])}); interactive ${ms(row[interactive])}, ratio ${(row[interactive] / row.chartjs).toFixed(2)} (${runs(row.runs[interactive])})`;
    console.log(`    Pantau as published (snapshot in the page): ${both('picture', 'interactive')}`);
    console.log(`    Pantau with the snapshot option: ${both('option', 'optionInteractive')}`);
    console.log(`    Pantau without one: first chart ${ms(row.pantau)}, ratio ${(row.pantau / row.chartjs).toFixed(2)} (${runs(row.runs.pantau)})`);
  }
}
if (results.interaction) console.log('\ninteraction, from the click (median / worst): handler; re-render to layout; to the next frame');
const interactionLine = (row) => `handler ${ms(row.handledMedian)} / ${ms(row.handledWorst)}; re-render ${ms(row.layoutMedian)} / ${ms(row.layoutWorst)}; to frame ${ms(row.frameMedian)} / ${ms(row.frameWorst)}`;
for (const [name, row] of Object.entries(results.interaction ?? {})) {
  console.log(`  ${name}: ${interactionLine(row)}`);
}
if (results.big) console.log('\nbig files:');
for (const [name, row] of Object.entries(results.big ?? {})) {
  if (typeof row === 'string') {
    console.log(`  ${name}: ${row}`);
    continue;
  }
  // A worker ready before the last byte read most of the file while it downloaded: the time
  // after the last byte is then no reading speed.
  const streamed = row.workerReadyBeforeLastByte > 0;
  const rate = (milliseconds) => (streamed ? 'after the last byte' : `${(row.megabytes / (milliseconds / 1000)).toFixed(1)} MB/s`);
  console.log(`  ${name}: ${row.megabytes.toFixed(1)} MB; download ${ms(row.download)}; read ${ms(row.read)}${row.inWorker ? ` (in the worker ${ms(row.inWorker)})` : ''} (${rate(row.read)}) + aggregate and render ${ms(row.render)} = ${ms(row.parseAggregateRender)} (${rate(row.parseAggregateRender)}); first chart at ${ms(row.firstChartFromStart)}; worker ready ${row.workerReadyBeforeLastByte === null ? '–' : row.workerReadyBeforeLastByte >= 0 ? `${ms(row.workerReadyBeforeLastByte)} before the last byte` : `${ms(-row.workerReadyBeforeLastByte)} after the last byte`}; longest main-thread task ${ms(row.longestTask)}; JS heap ${mb(row.jsHeap)}, wasm ${mb(row.wasm)}`);
  if (row.interaction) console.log(`    filter change: ${interactionLine(row.interaction)}`);
}
if (results.twenty) console.log(`\ntwenty widgets on one page: all charted in ${results.twenty.allChartsMs} ms; JS heap ${mb(results.twenty.jsHeap)}, wasm ${mb(results.twenty.wasm)} (one instance); ${results.twenty.nodes} DOM nodes`);
if (typeof results.adversarial === 'string') console.log(`\nadversarial corpus: ${results.adversarial}`);
else if (results.adversarial) {
  console.log('\nadversarial corpus (read path; shown; longest main-thread task, long tasks being over 50 ms; DOM nodes in the widget; time to settle):');
  for (const row of results.adversarial) console.log(adversarialLine(row));
}
