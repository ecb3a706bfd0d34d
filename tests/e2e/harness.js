// Shared pieces of the end-to-end tests: a static server for the built
// site on 127.0.0.1, Debian's Chromium through playwright-core, axe-core.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
export const shots = path.join(root, 'target', 'e2e');
fs.mkdirSync(shots, { recursive: true });
const require = createRequire(import.meta.url);

/**
 * The headers scripts/serve sends (Trunk.toml, [serve.headers]), sent by
 * the tests' server too, so that every test runs under them.
 */
export const DEPLOY_HEADERS = Object.fromEntries(
  (fs.readFileSync(path.join(root, 'Trunk.toml'), 'utf8').split('[serve.headers]')[1] || '')
    .split(/^\[/m)[0].split('\n').map((l) => l.match(/^([A-Za-z-]+)\s*=\s*"(.*)"\s*$/)).filter(Boolean).map((m) => [m[1], m[2]]),
);

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml',
};

/** Serve `dir` (the release build; `FACTGRID_DIST` names another, e.g. an
 * older build to check that a new test fails on it) on a free port of
 * 127.0.0.1. Resolves to { url, close }. */
export function serve(dir = path.resolve(process.env.FACTGRID_DIST || path.join(root, 'dist'))) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: run 'trunk build --release' first`);
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end('not found'); return; }
      res.writeHead(200, { ...DEPLOY_HEADERS, 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** Launch Debian's Chromium headless. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
}

/** A page that records console errors, page errors and every request. */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.requests = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('request', (r) => page.requests.push(r.url()));
  await page.goto(url);
  return page;
}

/** Run axe-core on the page; resolves to its violations. */
export async function axe(page, context) {
  // Evaluated through the DevTools protocol, which the page's CSP does not
  // govern (a <script> tag would be refused by it, as it should be).
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(async (ctx) => window.axe.run(ctx || document), context || null);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Paste `text` into the textarea as a reader would (paste event, then input). */
export async function paste(page, text, selector = '#fg-text') {
  await page.locator(selector).focus();
  await page.evaluate(({ selector, text }) => {
    const area = document.querySelector(selector);
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    area.dispatchEvent(event);
    // As a browser does: the default action inserts the text, unless the
    // page took the paste over.
    if (!event.defaultPrevented) {
      area.setRangeText(text, area.selectionStart, area.selectionEnd, 'end');
      area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }
  }, { selector, text });
}

/** The grid as { 'party/topic': stance }. */
export function readGrid(page, scope = 'body') {
  return page.evaluate((scope) => {
    const out = {};
    for (const td of document.querySelectorAll(`${scope} td.fg-cell[data-stance]`)) {
      out[`${td.dataset.party}/${td.dataset.topic}`] = td.dataset.stance;
    }
    return out;
  }, scope);
}

/**
 * A page whose every main-thread task over 50 ms is recorded (from before
 * any script runs) in `window.longTasks`, as durations in ms, and with its
 * start in `window.longTaskStarts`.
 */
export async function watchedPage(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.addInitScript(() => {
    window.longTasks = [];
    window.longTaskStarts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.longTasks.push(Math.round(e.duration));
        window.longTaskStarts.push(e.startTime);
      }
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  if (url) await page.goto(url);
  return page;
}

/**
 * Memory of the browser's renderer processes (pages and their workers),
 * from /proc: { rss, peak } in MB, where peak is the largest high-water
 * mark of any one renderer.
 */
export async function rendererMemory(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  await cdp.detach();
  let rss = 0, peak = 0;
  for (const p of processInfo.filter((p) => p.type === 'renderer')) {
    let status;
    try { status = fs.readFileSync(`/proc/${p.id}/status`, 'utf8'); } catch (_) { continue; }
    const kb = (key) => Number((status.match(new RegExp(`${key}:\\s+(\\d+)`)) || [0, 0])[1]);
    rss += kb('VmRSS') / 1024;
    peak = Math.max(peak, kb('VmHWM') / 1024);
  }
  return { rss: Math.round(rss), peak: Math.round(peak) };
}

/**
 * A text without full stops, dense in party names, `bytes` long: a 4 KB
 * unit of names (picked by a fixed pseudo-random sequence) repeated, so
 * that a megabyte of it fits a link of a few kilobytes.
 */
export function denseText(bytes, unitBytes = 4096) {
  const names = ['Moscow', 'Kyiv', 'Washington', 'the Kremlin', 'Zelensky', 'Putin', 'Trump', 'Ukrainian', 'Russian', 'American', 'Peskov', 'Rubio'];
  let unit = '';
  for (let x = 12345; unit.length < unitBytes;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    unit += names[(x >>> 16) % names.length] + ((x >>> 8) & 3 ? ' ' : ', ');
  }
  unit = unit.slice(0, unitBytes - 1) + ' ';
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}
