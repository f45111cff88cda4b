// A static server for the release build (dist/) on loopback, plus misbehaving routes for tests.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Test routes under /fixtures/: name -> (request, response) handler. */
export const fixtures = new Map();

/** Extra headers for HTML pages (a test sets a Content-Security-Policy here). */
export const pageHeaders = {};

/** Types a `gzip` server compresses (as a CDN does; wasm included). */
const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg']);

/** Starts the server on a free loopback port; resolves to { url, close }. With `gzip`, files are
 * served gzip-compressed to clients that accept it (the benchmark's profiles; off for tests). */
export function serve(root, { gzip = false } = {}) {
  const compressed = new Map();
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const fixture = fixtures.get(path);
    if (fixture) {
      fixture(request, response);
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const html = extname(file) === '.html';
      // The widget's files may be loaded by other origins' pages (the script embed): CORS, as
      // the README asks of a real deployment.
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'access-control-allow-origin': '*' };
      if (gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        if (!compressed.has(file)) compressed.set(file, gzipSync(body, { level: 9 }));
        response.writeHead(200, { ...headers, ...(html ? pageHeaders : {}), 'content-encoding': 'gzip', vary: 'accept-encoding' });
        response.end(compressed.get(file));
        return;
      }
      response.writeHead(200, { ...headers, ...(html ? pageHeaders : {}) });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }) });
    });
  });
}

if (process.argv[1] && process.argv[1].endsWith('server.mjs')) {
  const root = process.argv[2] ?? 'dist';
  serve(root).then(({ url }) => console.log(`serving ${root} at ${url}`));
}
