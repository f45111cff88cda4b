// Shared set-up for browser tests: the release build served on loopback and Debian's Chromium
// driven by playwright-core, with every background network feature off (no request leaves
// the machine).
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { serve, fixtures, pageHeaders } from './server.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const DIST = new URL('../../dist/', import.meta.url).pathname;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts the server and the browser; returns helpers and a `stop` function. */
export async function start() {
  const server = await serve(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  /** Opens the widget with `query`; collects page errors; waits until loading is over. */
  async function open(query = '', { width = 900, height = 900, locale = 'id-ID', permissions = [] } = {}) {
    const context = await browser.newContext({ viewport: { width, height }, locale, permissions });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/${query}`);
    await page.waitForSelector('.pantau-widget');
    await page.waitForFunction(() => !document.querySelector('.pantau-loading'));
    return { page, errors, close: () => context.close() };
  }
  return {
    url: server.url,
    fixtures,
    pageHeaders,
    browser,
    open,
    stop: async () => {
      await browser.close();
      await server.close();
    },
  };
}

// axe's rule for WCAG 2.5.3 (a control's accessible name contains its visible label) is
// marked experimental and off unless enabled: it is enabled here, and each run checks that it
// ran (a rule that silently did not run would pass every page).
let axeSource;
const NAME_RULE = 'label-content-name-mismatch';

/** The WCAG 2.1 A/AA violations axe-core finds in `page` (or a frame), as `rule: targets`.
 * `named`: the page has controls named by an ARIA label, so the 2.5.3 rule must have run. */
export async function violations(page, { named = true } = {}) {
  axeSource ??= await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ content: axeSource });
  const { found, ran } = await page.evaluate(async (rule) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { [rule]: { enabled: true } },
    });
    const ran = [...result.passes, ...result.violations, ...result.incomplete].some((entry) => entry.id === rule);
    return { found: result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), ran };
  }, NAME_RULE);
  if (named && !ran) throw new Error(`${NAME_RULE} did not run`);
  return found;
}


/** Holds back the widget's code in `context` (its wasm request waits) until the returned
 * function is called: what a page shows before the code arrives can then be looked at. */
export async function holdCode(context) {
  let release;
  const code = new Promise((resolve) => { release = resolve; });
  await context.route(/pantau-pbj-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await code;
    await route.continue();
  });
  return release;
}

/** Records every layout shift of the pages of `context` in `window.__shifts` (its value) and
 * `window.__shifted` (what moved: element, y and height before and after). */
export async function recordShifts(context) {
  await context.addInitScript(() => {
    window.__shifts = [];
    window.__shifted = [];
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => {
      window.__shifts.push(entry.value);
      window.__shifted.push(entry.sources.map((source) => [source.node?.nodeName, source.previousRect.y, source.currentRect.y, source.previousRect.height, source.currentRect.height]));
    })).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Resolves once `check()` (sync or async) is truthy, polling; throws after `timeout` ms naming
 * `what`. Tests wait for what they need, never for a fixed time. */
export async function until(check, { timeout = 5000, what = 'the condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves once `target` (a page or a frame) has painted twice and then been idle: whatever it
 * was to do after the last change (a layout, a message, a shift) has been done. What a test then
 * finds absent did not happen. A frame out of view paints no frames (the browser throttles it):
 * there, being idle is enough. */
export async function settled(target) {
  await target.evaluate(() => new Promise((resolve) => {
    const idle = () => (window.requestIdleCallback ? window.requestIdleCallback(() => resolve(), { timeout: 2000 }) : setTimeout(resolve, 0));
    requestAnimationFrame(() => requestAnimationFrame(idle));
    // Throttled (out of view, hidden): no frame comes, the idle period alone says it is done.
    if (window.requestIdleCallback) window.requestIdleCallback(() => requestIdleCallback(() => resolve(), { timeout: 2000 }), { timeout: 2000 });
  }));
}
