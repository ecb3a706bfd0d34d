// The reader's text is never lost or scrambled (issue 16, items 1-4 and
// 13): permalinks do not overwrite saved text, a large text cannot be
// spliced by typing, drops anywhere on the widget open the file, Clear and
// the example can be undone, and confirmations appear where the eye is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch, openPage, axe, paste, shots } from './harness.js';

const SAVED = 'Moscow rejected the ceasefire proposal on Monday.\nKyiv backed the truce.';
const LINKED = 'Ukraine accepted the American plan for a 30-day truce.\nRussian forces pressed their offensive in the Kursk region.';
const KEY = 'factgrid:text';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const link = (text) => `${server.url}/#text=${zlib.deflateRawSync(Buffer.from(text)).toString('base64url')}`;
const boxValue = (page) => page.inputValue('#fg-text');
const saved = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);
const waitSaved = (page, text) => page.waitForFunction(([key, t]) => localStorage.getItem(key) === t, [KEY, text]);
const waitBox = (page, text) => page.waitForFunction((t) => document.querySelector('#fg-text')?.value === t, text);
const button = (page, name) => page.getByRole('button', { name, exact: true });

/** The vertical gap in px between two elements' boxes (0 when they overlap). */
async function gap(a, b) {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  return Math.max(0, Math.max(x.y, y.y) - Math.min(x.y + x.height, y.y + y.height));
}

test('Copy link leaves the address bar alone, so a reload after another paste keeps the new text', async () => {
  const page = await openPage(browser, server.url);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await paste(page, SAVED);
  await page.waitForSelector('td.fg-cell[data-stance]');
  await button(page, 'Copy link').click();
  await page.locator('.fg-notice').filter({ hasText: 'link' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /#text=[A-Za-z0-9_-]+$/);
  assert.ok(!page.url().includes('#'), `the address bar still reads ${page.url()}`);

  // The reader moves on to another article; a reload shows that one.
  await button(page, 'Clear').click();
  await paste(page, LINKED);
  await waitSaved(page, LINKED);
  await page.reload();
  await waitBox(page, LINKED);
  await page.waitForTimeout(800);
  assert.equal(await boxValue(page), LINKED);
  assert.equal(await saved(page), LINKED);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a shared link asks before it replaces the saved text, and its fragment is consumed', async () => {
  const page = await openPage(browser, server.url);
  await paste(page, SAVED);
  await waitSaved(page, SAVED);

  // Keep my text: nothing changes, and a reload does not ask again.
  await page.goto('about:blank');
  await page.goto(link(LINKED));
  const offer = page.locator('.fg-offer');
  await offer.waitFor({ timeout: 5000 });
  assert.match(await offer.innerText(), /link/i);
  assert.equal(await boxValue(page), SAVED, 'the saved text stays until the reader chooses');
  assert.equal(await saved(page), SAVED);
  assert.ok(!page.url().includes('#text='), `the link's fragment is cleared: ${page.url()}`);
  await page.screenshot({ path: path.join(shots, 'text-link-offer.png') });
  assert.deepEqual(await axe(page), []);
  await button(page, 'Keep my text').click();
  await offer.waitFor({ state: 'detached' });
  await page.reload();
  await waitBox(page, SAVED);
  await page.waitForTimeout(500);
  assert.equal(await offer.count(), 0);

  // Open the linked text: it replaces the saved one, and Undo brings that back.
  await page.goto('about:blank');
  await page.goto(link(LINKED));
  await button(page, 'Open the linked text').click();
  await waitBox(page, LINKED);
  await page.waitForSelector('td[data-party="russia"][data-topic="kursk"]');
  await waitSaved(page, LINKED);
  await button(page, 'Undo').click();
  await waitBox(page, SAVED);
  await waitSaved(page, SAVED);
  assert.deepEqual(page.errors, []);
  await page.context().close();

  // Someone with no saved text is not asked.
  const fresh = await openPage(browser, link(LINKED));
  await waitBox(fresh, LINKED);
  assert.equal(await fresh.locator('.fg-offer').count(), 0);
  assert.ok(!fresh.url().includes('#text='));
  await fresh.context().close();
});

test('typing at the end of the box cannot splice a large text', async () => {
  const page = await openPage(browser, server.url);
  // 1.5 MB: larger than the box shows, small enough to be saved.
  const line = (i) => `Paragraph ${i}: Moscow rejected the ceasefire proposal, and Kyiv held its ground.\n`;
  let big = '';
  for (let i = 0; big.length < 1.5 * 1024 * 1024; i++) big += line(i);
  big += 'THE END.';
  await paste(page, big);
  await waitSaved(page, big);
  await page.locator('#fg-text').focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('XYZ');
  await page.waitForTimeout(1200);
  const after = await saved(page);
  assert.ok(!after.includes('XYZ') || after === `${big}XYZ`,
    `typed text went to byte ${after.indexOf('XYZ')} of ${after.length}`);
  const note = page.locator('.fg-tail-note');
  assert.match(await note.innerText(), /read-only/);

  // Editing is explicit and says which part is edited.
  await button(page, 'Edit the first 64 KB').click();
  assert.match(await note.innerText(), /editing the first 64 KB.*the remaining 1\.\d MB follow/s);
  await page.locator('#fg-text').focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('XYZ');
  const head = await boxValue(page);
  assert.ok(head.endsWith('XYZ') && head.length < 70 * 1024);
  const expected = head + big.slice(head.length - 3);
  await waitSaved(page, expected);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('typing in a 20 MB text costs at most 16 ms per key on the main thread', async () => {
  const page = await openPage(browser, server.url);
  await page.evaluate(() => {
    const unit = 'The Kremlin said it was studying the ceasefire proposal. Kyiv rejected any plan to cede territory.\n';
    const text = unit.repeat(Math.ceil((20 * 1024 * 1024) / unit.length));
    const area = document.querySelector('#fg-text');
    area.focus();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.locator('[role=status]').filter({ hasText: / position(s)? found/ }).waitFor({ timeout: 120_000 });
  const edit = button(page, 'Edit the first 64 KB');
  if (await edit.count()) await edit.click();
  await page.locator('#fg-text').focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' ');
  await page.waitForTimeout(500);
  // Event Timing reports every event that takes 16 ms or more to paint;
  // a key's main-thread cost is its keydown and keypress handling (the
  // browser's own insertion into the box, and the input event, happen
  // within the keypress).
  await page.evaluate(() => {
    window.keyEvents = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.keyEvents.push({ name: e.name, handlers: e.processingEnd - e.processingStart, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
  });
  const keys = 'typing in a long text';
  for (const ch of keys) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(400);
  const events = await page.evaluate(() => window.keyEvents);
  const costs = [];
  for (const [i, e] of events.entries()) {
    if (e.name !== 'keypress') continue;
    const down = events[i - 1]?.name === 'keydown' ? events[i - 1].handlers : 0;
    costs.push(down + e.handlers);
  }
  // Keys that took under 16 ms to paint left no entry.
  while (costs.length < keys.length) costs.push(0);
  costs.sort((a, b) => a - b);
  const median = costs[costs.length >> 1];
  const slowest = costs.at(-1);
  const input = Math.max(0, ...events.filter((e) => e.name === 'input' || e.name === 'keydown').map((e) => e.handlers));
  console.log(`typing in 20 MB: per key median ${median.toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms (the widget's own handlers at most ${input.toFixed(1)} ms)`);
  assert.ok(median <= 16, `a key costs ${median} ms: ${JSON.stringify(events)}`);
  assert.ok(slowest <= 100, `a key took ${slowest} ms: ${JSON.stringify(events)}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a file dropped anywhere on the widget opens; the extra files of a drop are named as not opened', async () => {
  const page = await openPage(browser, server.url);
  await page.waitForSelector('#fg-text');
  const target = '.fg-status';
  const events = await page.evaluate((target) => {
    const data = new DataTransfer();
    data.items.add(new File(['Moscow rejected the ceasefire proposal.'], 'first.txt', { type: 'text/plain' }));
    data.items.add(new File(['Kyiv backed the truce.'], 'second.txt', { type: 'text/plain' }));
    data.items.add(new File(['Washington proposed a truce.'], 'third.md', { type: 'text/markdown' }));
    window.dropData = data;
    const enter = new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true });
    const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true });
    document.querySelector(target).dispatchEvent(enter);
    document.querySelector(target).dispatchEvent(over);
    return { over: over.defaultPrevented };
  }, target);
  assert.ok(events.over, 'dragover outside the box is taken (else the browser would open the file)');
  // The cue: the widget's class fg-dropping, shown by CSS (::after).
  const cue = page.locator('.fg-app.fg-dropping');
  await cue.waitFor();
  assert.match(await cue.evaluate((el) => getComputedStyle(el, '::after').content), /drop/i);
  await page.screenshot({ path: path.join(shots, 'text-drop-cue.png') });
  const dropped = await page.evaluate((target) => {
    const drop = new DragEvent('drop', { dataTransfer: window.dropData, bubbles: true, cancelable: true });
    document.querySelector(target).dispatchEvent(drop);
    return drop.defaultPrevented;
  }, target);
  assert.ok(dropped, 'the drop is taken, not left to the browser');
  await waitBox(page, 'Moscow rejected the ceasefire proposal.');
  await cue.waitFor({ state: 'detached' });
  const notice = page.locator('.fg-notice').filter({ hasText: 'first.txt' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /second\.txt.*third\.md/s);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Clear and Try an example can be undone', async () => {
  const page = await openPage(browser, server.url);
  await paste(page, SAVED);
  await page.waitForSelector('td.fg-cell[data-stance]');
  await button(page, 'Clear').click();
  await waitBox(page, '');
  const undo = button(page, 'Undo');
  assert.ok(await gap(undo, button(page, 'Clear')) < 80, 'Undo is next to Clear');
  assert.deepEqual(await axe(page), []);
  await undo.click();
  await waitBox(page, SAVED);
  await page.waitForSelector('td[data-party="russia"][data-topic="ceasefire"]');

  await button(page, 'Try an example').click();
  await page.waitForFunction((t) => document.querySelector('#fg-text').value.length > 200 && document.querySelector('#fg-text').value !== t, SAVED);
  await button(page, 'Undo').click();
  await waitBox(page, SAVED);
  await waitSaved(page, SAVED);

  // Typing makes the offer stale: it goes.
  await button(page, 'Clear').click();
  await waitBox(page, '');
  await paste(page, 'Kyiv backed the truce.');
  await page.waitForSelector('td[data-party="ukraine"][data-topic="ceasefire"]');
  assert.equal(await button(page, 'Undo').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('confirmations appear next to the control that caused them, and stale ones clear', async () => {
  const page = await openPage(browser, server.url);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.setInputFiles('input[type=file]', { name: 'story.txt', mimeType: 'text/plain', buffer: Buffer.from(SAVED) });
  const loaded = page.locator('.fg-notice').filter({ hasText: 'story.txt' });
  await loaded.waitFor();
  assert.ok(await gap(loaded, page.locator('.fg-file')) < 80, 'the file notice is by the file button');
  await page.waitForSelector('td.fg-cell[data-stance]');

  await button(page, 'Copy as Markdown').click();
  const copied = page.locator('.fg-notice').filter({ hasText: 'copied as Markdown' });
  await copied.waitFor();
  const distance = await gap(copied, button(page, 'Copy as Markdown'));
  assert.ok(distance < 80, `the confirmation is ${distance}px from its button`);
  await page.screenshot({ path: path.join(shots, 'text-notice.png') });

  // The reader types: both confirmations are out of date.
  await page.locator('#fg-text').focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' More.');
  await page.waitForTimeout(300);
  assert.equal(await loaded.count(), 0, 'the file notice went');
  assert.equal(await copied.count(), 0, 'the copy notice went');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('two tabs do not silently overwrite each other\'s saved text', async () => {
  const context = await browser.newContext();
  const open = async () => {
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    await page.goto(server.url);
    await page.waitForSelector('#fg-text');
    return page;
  };
  const a = await open();
  await paste(a, SAVED);
  await waitSaved(a, SAVED);
  const b = await open();
  await waitBox(b, SAVED);
  await b.locator('#fg-text').focus();
  await b.keyboard.press('Control+End');
  await b.keyboard.type(' Washington proposed a truce.');
  const theirs = `${SAVED} Washington proposed a truce.`;
  await waitSaved(b, theirs);
  // Tab A hears of it at once, and asks.
  const offer = a.locator('.fg-offer');
  await offer.waitFor({ timeout: 5000 });
  assert.match(await offer.innerText(), /Another factgrid tab saved a different text/);
  // A's own edits are not saved over B's while the question stands.
  await a.locator('#fg-text').focus();
  await a.keyboard.press('Control+End');
  await a.keyboard.type(' Kyiv agreed.');
  await a.waitForTimeout(1200);
  assert.equal(await saved(a), theirs, "tab A did not overwrite tab B's text");
  await a.screenshot({ path: path.join(shots, 'text-two-tabs.png') });
  // Keeping A's text saves it, and now B is asked.
  await button(a, "Keep this tab's text").click();
  await waitSaved(a, `${SAVED} Kyiv agreed.`);
  await b.locator('.fg-offer').waitFor({ timeout: 5000 });
  await button(b, "Open the other tab's text").click();
  await waitBox(b, `${SAVED} Kyiv agreed.`);
  assert.deepEqual([...a.errors, ...b.errors], []);
  await context.close();
});
