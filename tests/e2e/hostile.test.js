// Hostile input (issue 17): text dense in party names, by link and by
// paste, keeps every main-thread task short, the DOM small and the tab's
// memory bounded; a permalink that inflates to a gigabyte is refused at
// once; emptying a large text empties it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { serve, launch, watchedPage, rendererMemory, denseText } from './harness.js';

let server;
before(async () => { server = await serve(); });
after(async () => { await server?.close(); });

const MAX_TASK_MS = 200;
const MAX_MEMORY_MB = 1024;
const MAX_MARKS = 3000;

const status = (page) => page.locator('[role=status]').textContent();
const done = (page, timeout = 120_000) => page.waitForFunction(
  () => /found|sentences? read/.test(document.querySelector('[role=status]')?.textContent || ''), null, { timeout });

/** How much the page holds: highlight marks and elements in all. */
const domSize = (page) => page.evaluate(() => ({
  marks: document.querySelectorAll('mark').length,
  elements: document.querySelectorAll('*').length,
}));

test('a link of a few KB that unpacks to 1 MB of party names opens without long tasks', async () => {
  // A fresh browser, so that the memory measured is this page's.
  const browser = await launch();
  // (Closed whatever happens: a browser left open keeps the test run from ending.)
  try {
    const text = denseText(1024 * 1024);
    const data = zlib.deflateRawSync(Buffer.from(text), { level: 9 }).toString('base64url');
    const page = await watchedPage(browser);
    // From the moment factgrid has started (loading the page and the
    // WebAssembly is the same with or without a link).
    await page.context().addInitScript(() => addEventListener('TrunkApplicationStarted', () => { window.startedAt = performance.now(); }));
    await page.goto(`${server.url}/#text=${data}`);
    await done(page);
    await page.waitForTimeout(500);
    const dom = await domSize(page);
    const tasks = await page.evaluate(() => window.longTasks.filter((_, i) => window.longTaskStarts[i] >= window.startedAt));
    const memory = await rendererMemory(browser);
    const longest = Math.max(0, ...tasks);
    console.log(`dense link (${(data.length / 1024).toFixed(1)} KB for 1 MB): longest task ${longest} ms, ${dom.marks} marks, ${dom.elements} elements, renderer peak ${memory.peak} MB; ${await status(page)}`);
    assert.ok(longest <= MAX_TASK_MS, `a main-thread task took ${longest} ms (${tasks})`);
    assert.ok(dom.marks <= MAX_MARKS, `${dom.marks} highlight elements`);
    assert.ok(memory.peak <= MAX_MEMORY_MB, `the tab peaked at ${memory.peak} MB`);
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});

test('a 20 MB paste of party names keeps every task short and the tab under 1 GB', async () => {
  const browser = await launch();
  // (Closed whatever happens: a browser left open keeps the test run from ending.)
  try {
    const page = await watchedPage(browser, server.url);
    await page.waitForSelector('#fg-text');
    // The text is made in a task of its own (a reader's paste comes from
    // the clipboard, not from the page's script).
    await page.evaluate((unit) => {
      window.big = unit.repeat(Math.ceil((20 * 1024 * 1024) / unit.length)).slice(0, 20 * 1024 * 1024);
      window.big.charCodeAt(window.big.length - 1); // flattened now, not in the paste's task
    }, denseText(1024 * 1024));
    await page.evaluate(() => {
      window.pasteAt = performance.now();
      const area = document.querySelector('#fg-text');
      area.focus();
      const data = new DataTransfer();
      data.setData('text/plain', window.big);
      window.big = null;
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await done(page, 300_000);
    await page.waitForTimeout(500);
    // The reader looks around: the article's next window, a cell.
    const later = page.getByRole('button', { name: 'Later text' });
    if (await later.count()) await later.click();
    await page.waitForTimeout(300);
    const dom = await domSize(page);
    const tasks = await page.evaluate(() => window.longTasks.filter((_, i) => window.longTaskStarts[i] >= window.pasteAt - 20));
    const memory = await rendererMemory(browser);
    const longest = Math.max(0, ...tasks);
    console.log(`dense 20 MB paste: longest task ${longest} ms (${tasks.length} over 50 ms), ${dom.marks} marks, ${dom.elements} elements, renderer peak ${memory.peak} MB; ${await status(page)}`);
    assert.ok(longest <= MAX_TASK_MS, `a main-thread task took ${longest} ms (${tasks})`);
    assert.ok(dom.marks <= MAX_MARKS, `${dom.marks} highlight elements`);
    assert.ok(memory.peak <= MAX_MEMORY_MB, `the tab peaked at ${memory.peak} MB`);
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});

test('a permalink that unpacks to 1 GB is refused without unpacking it, saying why (the time is printed)', async () => {
  // 1 GB of zeros, deflated in pieces (about 1 MB of link).
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const chunks = [];
  deflate.on('data', (c) => chunks.push(c));
  const zeros = Buffer.alloc(16 * 1024 * 1024);
  for (let i = 0; i < 64; i++) deflate.write(zeros);
  await new Promise((resolve) => deflate.end(resolve));
  const data = Buffer.concat(chunks).toString('base64url');
  const browser = await launch();
  // (Closed whatever happens: a browser left open keeps the test run from ending.)
  try {
    const page = await watchedPage(browser);
    await page.context().addInitScript(() => {
      new MutationObserver(() => {
        if (!window.refusedAt && /once unpacked/.test(document.querySelector('[role=alert]')?.textContent || '')) window.refusedAt = performance.now();
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto(`${server.url}/#text=${data}`);
    const alert = page.locator('[role=alert]').filter({ hasText: 'once unpacked' });
    await alert.waitFor({ timeout: 30_000 });
    const at = await page.evaluate(() => window.refusedAt);
    // From the start of the page's navigation, including loading factgrid.
    const loaded = await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
    const memory = await rendererMemory(browser);
    console.log(`1 GB link bomb (${(data.length / 1048576).toFixed(1)} MB link): refused ${Math.round(at - loaded)} ms after the page loaded (${Math.round(at)} ms after navigation), renderer peak ${memory.peak} MB`);
    assert.match(await alert.textContent(), /larger than 20 MB once unpacked, so it was not opened/);
    // (Speed is measured, not asserted: about 0.5-1.1 s on this 2-core
    // machine depending on its load. The bound only catches a link that is
    // unpacked whole, which takes far longer and more memory.)
    assert.ok(at - loaded <= 5000, `refused ${at - loaded} ms after the page loaded`);
    assert.ok(memory.peak <= 512, `the tab peaked at ${memory.peak} MB`);
    assert.equal(await page.inputValue('#fg-text'), '');
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});

test('select all and delete in the box empties a large text; messages give its true size', async () => {
  const browser = await launch();
  // (Closed whatever happens: a browser left open keeps the test run from ending.)
  try {
    const page = await watchedPage(browser, server.url);
    await page.waitForSelector('#fg-text');
    await page.evaluate(() => {
      const unit = 'Moscow rejected the ceasefire proposal. Kyiv backed the truce.\n';
      const text = unit.repeat(Math.ceil((25 * 1024 * 1024) / unit.length));
      const area = document.querySelector('#fg-text');
      area.focus();
      const data = new DataTransfer();
      data.setData('text/plain', text);
      area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await done(page, 300_000);
    const message = await page.locator('.fg-message').textContent();
    console.log(`25 MB paste: "${message}"`);
    assert.match(message, /This text is 25\.0 MB, of which the first 20\.0 MB were analysed/);
    await page.locator('#fg-text').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.waitForFunction(() => document.querySelector('.fg-counts')?.textContent.startsWith('0 characters'));
    assert.equal(await page.inputValue('#fg-text'), '');
    assert.equal(await page.locator('.fg-tail-note').count(), 0, 'nothing is left beyond the box');
    assert.match(await page.locator('.fg-notice').first().textContent(), /cleared/);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await page.waitForFunction(() => /25\.0 MB/.test(document.querySelector('.fg-tail-note')?.textContent || ''));
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
  }
});
