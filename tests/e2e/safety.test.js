// Safety: pasted or linked input never runs, the page talks to nobody but
// its own origin, the CSP holds, and a 20 MB paste keeps the page responsive.
import { test, before, after } from 'node:test';
import { spawn } from 'node:child_process';
import net from 'node:net';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import path from 'node:path';
import { serve, launch, openPage, paste, readGrid, root } from './harness.js';

const PAYLOAD = '<img src=x onerror="window.pwned = 1"><script>window.pwned = 2</script>' +
  '<svg onload="window.pwned = 3"></svg>"><iframe src="javascript:window.pwned = 4">\n' +
  'Moscow rejected the ceasefire proposal. <b onmouseover="window.pwned = 5">Kyiv</b> backed the truce.';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A page that records CSP violations from before any script runs. */
async function guardedPage(url, options) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.errors = [];
  page.requests = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('request', (r) => page.requests.push(r.url()));
  await page.goto(url);
  return page;
}

test('pasted HTML and script payloads run nothing and show as text', async () => {
  const page = await guardedPage(server.url);
  await page.waitForSelector('#fg-text');
  await paste(page, PAYLOAD);
  await page.waitForSelector('td.fg-cell[data-stance]');
  // Hover, focus and open everything a payload might hook into.
  for (const summary of await page.$$('summary')) await summary.click();
  await page.hover('.fg-article-body');
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.evaluate(() => document.querySelectorAll('.fg-app img, .fg-app script, .fg-app svg, .fg-app iframe').length), 0);
  assert.match(await page.locator('.fg-article-body').innerText(), /<img src=x onerror=/);
  assert.equal((await readGrid(page))['russia/ceasefire'], 'opposes');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a permalink carrying a payload runs nothing', async () => {
  const data = zlib.deflateRawSync(Buffer.from(PAYLOAD)).toString('base64url');
  const page = await guardedPage(`${server.url}/#text=${data}`);
  await page.waitForFunction((t) => document.querySelector('#fg-text')?.value === t, PAYLOAD);
  await page.waitForSelector('td.fg-cell[data-stance]');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  // A "bomb" that inflates beyond the limit is refused, not expanded.
  const bomb = zlib.deflateRawSync(Buffer.alloc(25 * 1024 * 1024, 'a')).toString('base64url');
  await page.goto('about:blank');
  await page.goto(`${server.url}/#text=${bomb}`);
  await page.locator('[role=alert]').filter({ hasText: 'larger than 20 MB once unpacked' }).waitFor();
  await page.context().close();
});

test('payloads in <fact-grid> attributes run nothing', async () => {
  const page = await guardedPage(`${server.url}/demo-two.html`);
  await page.evaluate((payload) => {
    const el = document.createElement('fact-grid');
    el.setAttribute('text', payload);
    el.setAttribute('theme', '"><img src=x onerror="window.pwned = 6">');
    document.body.append(el);
    const named = document.createElement('fact-grid');
    named.setAttribute('profile', JSON.stringify({
      parties: [{ id: 'x', label: '<img src=x onerror="window.pwned = 7">', aliases: [{ text: 'Moscow', kind: 'capital' }] }],
      topics: [{ id: 't', label: '<script>window.pwned = 8</script>', terms: ['ceasefire'] }],
    }));
    named.setAttribute('text', 'Moscow rejected the ceasefire.');
    named.id = 'named';
    document.body.append(named);
    const sel = document.createElement('fact-grid');
    sel.setAttribute('for', 'img[src=x]');
    document.body.append(sel);
  }, PAYLOAD);
  await page.waitForFunction(() => document.querySelector('#named')?.shadowRoot?.querySelector('thead th:nth-child(2)'));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.evaluate(() => document.querySelector('#named').shadowRoot.querySelector('thead th:nth-child(2)').textContent), '<img src=x onerror="window.pwned = 7">');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await page.context().close();
});

test('the page requests nothing outside its own origin and the CSP holds', async () => {
  const page = await guardedPage(server.url, { acceptDownloads: true });
  await page.waitForSelector('#fg-text');
  await page.click('text=Try an example');
  await page.waitForSelector('td.fg-cell[data-stance]');
  await Promise.all([page.waitForEvent('download'), page.click('text=Download JSON')]);
  // A large text goes through the worker: its requests count too.
  const big = 'Moscow rejected the ceasefire proposal. '.repeat(10_000);
  await paste(page, big);
  await page.locator('[role=status]').filter({ hasText: / position(s)? found/ }).waitFor({ timeout: 60_000 });
  const foreign = page.requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.ok(page.requests.some((u) => u.endsWith('/worker.js')), 'the large text was analysed in the worker');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a 20 MB paste keeps typing responsive and then shows the result', async () => {
  const page = await guardedPage(server.url);
  await page.waitForSelector('#fg-text');
  const result = await page.evaluate(async () => {
    const unit = 'The Kremlin said it was studying the ceasefire proposal. Kyiv rejected any plan to cede territory.\n';
    const text = unit.repeat(Math.ceil((20 * 1024 * 1024) / unit.length));
    const area = document.querySelector('#fg-text');
    area.focus();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    area.dispatchEvent(paste);
    const tookOver = paste.defaultPrevented;
    await new Promise((r) => setTimeout(r, 1000));
    const note = document.querySelector('.fg-tail-note')?.textContent;
    // Edit the head, and type ten characters, as a reader would, while the analysis runs.
    [...document.querySelectorAll('button')].find((b) => b.textContent.startsWith('Edit the first'))?.click();
    await new Promise((r) => setTimeout(r, 100));
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    for (let i = 0; i < 10; i++) {
      area.setRangeText('x', area.value.length, area.value.length, 'end');
      area.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'x', inputType: 'insertText' }));
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    const status = () => document.querySelector('[role=status]').textContent;
    const busy = status();
    const t0 = performance.now();
    while (!/ position(s)? found/.test(status()) && performance.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 100));
    return { tookOver, boxBytes: area.value.length, note, bytes: text.length, longest: Math.max(0, ...tasks), tasks: tasks.length, busy, status: status(), wait: performance.now() - t0 };
  });
  console.log(`20 MB paste: longest main-thread task while typing ${result.longest.toFixed(0)} ms (${result.tasks} long tasks); result after ${(result.wait / 1000).toFixed(1)} s more`);
  assert.ok(result.tookOver, 'the page takes a huge paste over from the browser');
  assert.ok(result.boxBytes <= 70 * 1024, `the box holds ${result.boxBytes} bytes`);
  assert.match(result.note, /This text is 2\d\.\d MB: the box shows its first 64 KB, read-only/);
  assert.match(result.busy, /Analysing (the first 20\.0 MB of )?[12]\d\.\d MB/);
  assert.ok(result.longest <= 200, `a main-thread task took ${result.longest} ms`);
  assert.match(result.status, / position(s)? found/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the release build has no test hooks and sets no globals', async () => {
  const page = await guardedPage(server.url);
  await page.waitForSelector('#fg-text');
  assert.deepEqual(await page.evaluate(() => [typeof window.wasmBindings, typeof window.factgridTestPanic]), ['undefined', 'undefined']);
  const sources = await page.evaluate(async () => {
    const boot = await (await fetch('boot.js')).text();
    const js = await (await fetch('factgrid.js')).text();
    return { boot, js };
  });
  assert.doesNotMatch(sources.boot, /wasmBindings/);
  assert.doesNotMatch(sources.js, /factgridTestPanic/);
  await page.context().close();
});

test('a panic shows a readable notice with a way back, the text survives, and nothing more is analysed', async () => {
  // The build with test hooks (scripts/test makes it): the release build has none.
  const hooks = await serve(path.join(root, 'target', 'dist-hooks'));
  const page = await guardedPage(hooks.url);
  await page.waitForSelector('#fg-text');
  const big = 'Moscow rejected the ceasefire proposal. '.repeat(10_000);
  await paste(page, big);
  await page.waitForSelector('td[data-party="russia"][data-topic="ceasefire"][data-stance="opposes"]');
  await page.waitForTimeout(800); // the text is saved after a pause
  const before = await page.locator('[role=status]').textContent();
  assert.ok(page.workers().length >= 1, 'the large text went to the worker');
  const thrown = await page.evaluate(() => {
    try { window.wasmBindings.factgridTestPanic(); return null; } catch (e) { return String(e); }
  });
  assert.match(thrown, /unreachable|RuntimeError/);
  const notice = page.locator('#fg-crash[role=alert]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /internal error.*Your text is kept/s);
  // The widget really stopped: no worker left, and new text is not analysed.
  await page.waitForTimeout(300);
  assert.equal(page.workers().length, 0, 'the worker was stopped');
  const errors = page.errors.length;
  await page.evaluate(() => {
    const area = document.querySelector('#fg-text');
    area.value = 'Kyiv backed the truce.';
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  await page.waitForTimeout(1000);
  assert.equal(await page.locator('[role=status]').textContent(), before, 'nothing was analysed after the panic');
  assert.equal(await page.locator('td[data-party="ukraine"]').count() && await page.locator('td[data-party="ukraine"][data-stance]').count(), 0);
  console.log(`after the panic: ${page.errors.length - errors} more errors`);
  await Promise.all([page.waitForNavigation(), notice.locator('a', { hasText: 'Reload factgrid' }).click()]);
  await page.waitForFunction((t) => document.querySelector('#fg-text')?.value === t.slice(0, 64 * 1024), big);
  await page.waitForSelector('td[data-party="russia"][data-topic="ceasefire"][data-stance="opposes"]');
  assert.equal(await page.locator('#fg-crash').count(), 0);
  await page.context().close();
  await hooks.close();
});

test('scripts/serve sends the deployment headers, and no page can frame factgrid', async () => {
  // trunk serve as scripts/serve runs it (Trunk.toml), on a free port.
  const port = await new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)); });
  });
  const trunk = spawn('trunk', ['serve', '--release', '--port', String(port), '--dist', path.join(root, 'target', 'serve-check')],
    { cwd: root, stdio: 'ignore' });
  try {
    let headers = null;
    for (let i = 0; i < 300 && !headers; i++) {
      await new Promise((r) => setTimeout(r, 500));
      headers = await fetch(`http://127.0.0.1:${port}/embed.js`).then((r) => (r.ok ? r.headers : null), () => null);
    }
    assert.ok(headers, 'trunk serve answered');
    assert.equal(headers.get('x-content-type-options'), 'nosniff');
    assert.equal(headers.get('content-security-policy'), "frame-ancestors 'none'");
  } finally {
    trunk.kill();
  }
  // A page framing factgrid (here its own origin, which the page's CSP
  // allows to frame) gets nothing: frame-ancestors 'none'.
  const page = await guardedPage(server.url);
  const framed = await page.evaluate(async (url) => {
    const frame = document.createElement('iframe');
    frame.src = url;
    document.body.append(frame);
    await new Promise((r) => setTimeout(r, 1500));
    try { return frame.contentDocument?.querySelector('#factgrid-app') ? 'shown' : 'blocked'; } catch (_) { return 'blocked'; }
  }, `${server.url}/`);
  assert.equal(framed, 'blocked');
  await page.context().close();
});
