// Shared set-up for browser tests: the release build served on loopback and Debian's Chromium
// driven by playwright-core, with every background network feature off (no request leaves
// the machine).
import { chromium } from 'playwright-core';
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
