// Many widgets and their worker (issue 17, items 3 and 4): one worker per
// page for every widget, nothing left running after destroy(), custom
// profiles analysed (and compiled once) in the worker, a page whose
// security policy blocks the worker analysed in slices without long
// tasks, and a burst of setText calls that ends with one text held.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { serve, launch, openPage, watchedPage, rendererMemory, root } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const ARTICLE = 'Moscow rejected the ceasefire proposal on Monday. Ukraine accepted the American plan for a 30-day truce.\n';
const EU_PROFILE = {
  parties: [
    { id: 'russia', label: 'Russia', aliases: [{ text: 'Moscow', kind: 'capital' }] },
    { id: 'eu', label: 'European Union', aliases: [{ text: 'Brussels', kind: 'capital' }] },
  ],
  topics: [
    { id: 'ceasefire', label: 'Ceasefire', terms: ['ceasefire', 'truce'] },
    { id: 'sanctions', label: 'Sanctions', terms: ['sanctions'] },
  ],
};

/** Count the page's workers: created in all, and alive now. */
function countWorkers(page) {
  const seen = { created: 0 };
  page.on('worker', () => { seen.created += 1; });
  seen.alive = () => page.workers().length;
  return seen;
}

test('8 mount/destroy cycles leave no worker running and no errors', async () => {
  const page = await openPage(browser, `${server.url}/demo-two.html`);
  const workers = countWorkers(page);
  const done = await page.evaluate(async (article) => {
    const { mount } = await import('./embed.js');
    const box = document.createElement('div');
    document.body.append(box);
    const big = article.repeat(Math.ceil((400 * 1024) / article.length));
    let reports = 0;
    for (let i = 0; i < 8; i++) {
      let got = 0;
      const widget = await mount(box, { text: `${big}Cycle ${i}.`, onReport: () => { got += 1; } });
      // Every other widget goes while its analysis is still running.
      const wait = i % 2 ? 50 : 30_000;
      for (const t0 = performance.now(); !got && performance.now() - t0 < wait;) await new Promise((r) => setTimeout(r, 20));
      reports += got;
      widget.destroy();
    }
    await new Promise((r) => setTimeout(r, 1000));
    return { reports, children: box.shadowRoot.childElementCount };
  }, ARTICLE);
  await page.waitForTimeout(500);
  console.log(`8 mount/destroy cycles: ${workers.created} worker(s) started, ${workers.alive()} running after, ${done.reports} reports`);
  assert.ok(workers.created >= 1, 'the large texts went to the worker');
  assert.equal(workers.alive(), 0, 'no worker left running');
  assert.equal(done.children, 0, 'destroy() removed everything');
  assert.ok(done.reports >= 4);
  assert.deepEqual(page.errors, [], 'no closure called after its widget was gone');
  await page.context().close();
});

test('50 widgets on a page share one worker', async () => {
  const page = await openPage(browser, `${server.url}/demo-two.html`);
  const workers = countWorkers(page);
  const t0 = Date.now();
  const grids = await page.evaluate(async (article) => {
    const { mount } = await import('./embed.js');
    const big = article.repeat(Math.ceil((300 * 1024) / article.length));
    const boxes = [];
    for (let i = 0; i < 50; i++) {
      const box = document.createElement('div');
      document.body.append(box);
      boxes.push(box);
      await mount(box, { text: `${big}Widget ${i}.`, panels: ['grid'] });
    }
    const filled = () => boxes.filter((b) => b.shadowRoot.querySelector('td.fg-cell[data-stance]')).length;
    for (const t = performance.now(); filled() < 50 && performance.now() - t < 120_000;) await new Promise((r) => setTimeout(r, 100));
    return filled();
  }, ARTICLE);
  console.log(`50 widgets: ${grids} grids in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${workers.created} worker(s) started, ${workers.alive()} running`);
  assert.equal(grids, 50);
  assert.equal(workers.created, 1, 'one worker for the page');
  assert.ok(workers.alive() <= 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a custom profile is analysed in the worker, sent there once and compiled once', async () => {
  const context = await browser.newContext();
  // Count what the page posts to its worker.
  await context.addInitScript(() => {
    window.posted = { profiles: 0, jobs: 0 };
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message && message.json !== undefined) window.posted.profiles += 1;
      if (message && message.bytes) window.posted.jobs += 1;
      return post.call(this, message, ...rest);
    };
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(`${server.url}/demo-two.html`);
  const result = await page.evaluate(async ({ profile, article }) => {
    const { mount } = await import('./embed.js');
    const big = (article + 'Brussels backed new sanctions on Moscow.\n').repeat(3000);
    const box = document.createElement('div');
    document.body.append(box);
    const reports = [];
    const widget = await mount(box, { text: big, profile, onReport: (r) => reports.push(r) });
    const wait = async (n) => { for (const t = performance.now(); reports.length < n && performance.now() - t < 60_000;) await new Promise((r) => setTimeout(r, 50)); };
    await wait(1);
    widget.setText(`${big}Brussels rejected the ceasefire.`);
    await wait(2);
    const cell = box.shadowRoot.querySelector('td[data-party="eu"][data-topic="sanctions"]')?.dataset.stance;
    return { reports: reports.length, bytes: big.length, cell, posted: window.posted, parties: reports.at(-1)?.parties.map((p) => p.id) };
  }, { profile: EU_PROFILE, article: ARTICLE });
  console.log(`custom profile in the worker: ${JSON.stringify(result.posted)} for ${result.reports} reports of ${(result.bytes / 1024).toFixed(0)} KB`);
  assert.equal(result.reports, 2);
  assert.deepEqual(result.parties, ['russia', 'eu']);
  assert.equal(result.cell, 'supports');
  assert.deepEqual(result.posted, { profiles: 1, jobs: 2 });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('analyze() compiles a profile once, not on every call', async () => {
  const cli = spawnSync(path.join(root, 'target', 'release', 'factgrid'), ['profile']);
  assert.equal(cli.status, 0, String(cli.stderr));
  const profile = JSON.parse(cli.stdout);
  const page = await openPage(browser, `${server.url}/demo-two.html`);
  const times = await page.evaluate(async (profile) => {
    const { analyze } = await import('./embed.js');
    await analyze('warm up');
    let t0 = performance.now();
    const first = await analyze('Moscow rejected the truce.', profile);
    const compile = performance.now() - t0;
    t0 = performance.now();
    for (let i = 0; i < 50; i++) await analyze('Moscow rejected the truce.', profile);
    return { compile, call: (performance.now() - t0) / 50, cells: first.cells.length };
  }, profile);
  console.log(`analyze() with the full profile: first call ${times.compile.toFixed(1)} ms, then ${times.call.toFixed(2)} ms a call`);
  assert.equal(times.cells, 1);
  assert.ok(times.call < times.compile / 4, `a call takes ${times.call} ms, the first ${times.compile} ms`);
  await page.context().close();
});

for (const [name, policy] of [
  ['a Content-Security-Policy without worker-src for it', "worker-src 'none'"],
  ['Trusted Types', "require-trusted-types-for 'script'"],
]) {
  test(`when ${name} blocks the worker, the widget says so and analyses in slices without long tasks`, async () => {
    const page = await watchedPage(browser);
    const csp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; ${policy}`;
    await page.route('**/blocked.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blocked worker</title>
        <meta http-equiv="Content-Security-Policy" content="${csp}">
        <script type="module" src="blocked.js"></script></head><body><main id="box"></main></body></html>`,
    }));
    await page.route('**/blocked.js', (route) => route.fulfill({
      contentType: 'text/javascript',
      body: `import { mount } from './embed.js';
        const text = ${JSON.stringify(ARTICLE)}.repeat(${Math.ceil((8 * 1024 * 1024) / ARTICLE.length)});
        mount(document.querySelector('#box'), { text, panels: ['grid'] });`,
    }));
    await page.goto(`${server.url}/blocked.html`);
    await page.waitForFunction(() => document.querySelector('#box')?.shadowRoot?.querySelector('td.fg-cell[data-stance]'), null, { timeout: 120_000 });
    const result = await page.evaluate(() => ({
      message: document.querySelector('#box').shadowRoot.querySelector('.fg-message')?.textContent,
      grid: document.querySelector('#box').shadowRoot.querySelector('td[data-party="russia"][data-topic="ceasefire"]')?.dataset.stance,
      tasks: window.longTasks,
    }));
    const longest = Math.max(0, ...result.tasks);
    console.log(`worker blocked by ${name}: 8 MB analysed in slices, longest task ${longest} ms (${result.tasks.length} over 50 ms)`);
    assert.match(result.message || '', /security policy blocks factgrid's background worker, so the text was analysed here in slices/);
    assert.equal(result.grid, 'opposes');
    assert.ok(longest <= 200, `a main-thread task took ${longest} ms (${result.tasks})`);
    assert.equal(page.workers().length, 0);
    await page.context().close();
  });
}

test('1,000 setText calls of 1 MB in a loop end with one text held', async () => {
  const fresh = await launch();
  const page = await openPage(fresh, `${server.url}/demo-two.html`);
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return Math.round((await cdp.send('Runtime.getHeapUsage')).usedSize / 1048576);
  };
  await page.evaluate(async (article) => {
    const { mount } = await import('./embed.js');
    window.base = article.repeat(Math.ceil((1024 * 1024) / article.length));
    window.reports = [];
    const box = document.createElement('div');
    document.body.append(box);
    window.widget = await mount(box, { text: '', panels: ['grid'], onReport: (r) => window.reports.push(r.stats.bytes) });
    window.widget.setText(window.base);
  }, ARTICLE);
  await page.waitForFunction(() => window.reports.includes(window.base.length), null, { timeout: 60_000 });
  await page.waitForTimeout(1000);
  const before = { heap: await heap(), ...(await rendererMemory(fresh)) };
  await page.evaluate(() => {
    for (let i = 0; i < 1000; i++) window.widget.setText(`${window.base}${i}`);
  });
  await page.waitForFunction(() => window.reports.includes(window.base.length + 3), null, { timeout: 120_000 });
  await page.waitForTimeout(1500);
  const afterBurst = { heap: await heap(), ...(await rendererMemory(fresh)) };
  console.log(`1,000 x 1 MB setText: JS heap ${before.heap} -> ${afterBurst.heap} MB, renderer RSS ${before.rss} -> ${afterBurst.rss} MB (peak ${afterBurst.peak} MB), ${await page.evaluate(() => window.reports.length)} reports`);
  assert.ok(afterBurst.heap - before.heap <= 30, `the JS heap grew by ${afterBurst.heap - before.heap} MB`);
  assert.ok(afterBurst.rss - before.rss <= 200, `the renderer grew by ${afterBurst.rss - before.rss} MB`);
  assert.deepEqual(page.errors, []);
  await fresh.close();
});
