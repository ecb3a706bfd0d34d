// The app as a reader uses it: paste, read the grid, explore, export, share.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, axe, paste, readGrid, shots } from './harness.js';

// An article written for these tests.
const ARTICLE = `Truce talks stall as Moscow says no
Moscow rejected the ceasefire proposal on Monday.
Ukraine accepted the American plan for a 30-day truce.
Kyiv will never give up occupied land, Foreign Minister Andrii Sybiha said.
Russian forces pressed their offensive in the Kursk region.`;

const EXPECTED = {
  'russia/ceasefire': 'opposes',
  'ukraine/ceasefire': 'supports',
  'us/ceasefire': 'proposes',
  'ukraine/territory': 'opposes',
  'russia/kursk': 'acts',
};

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function ready(page) {
  await page.waitForSelector('#fg-text');
}

test('pasting an article fills the grid with the right stances', async () => {
  const page = await openPage(browser, server.url);
  await ready(page);
  await paste(page, ARTICLE);
  await page.waitForSelector('td.fg-cell[data-stance]');
  assert.deepEqual(await readGrid(page), EXPECTED);
  await page.locator('[role=status]').filter({ hasText: '3 parties, 5 positions found.' }).waitFor();
  // Honest emptiness (issue 16 item 7): the engine found nothing, which is
  // not the same as the party stating no position.
  const empty = await page.locator('td.fg-cell-empty').first().innerText();
  assert.match(empty, /None found/);
  assert.doesNotMatch(empty, /No position stated/);
  // Quoted words and speakers are shown with the evidence.
  const cell = page.locator('td[data-party="ukraine"][data-topic="territory"]');
  await cell.locator('summary').click();
  assert.match(await cell.locator('.fg-speaker').first().innerText(), /Andrii Sybiha/);
  await page.screenshot({ path: path.join(shots, 'app-1280.png'), fullPage: true });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a 50 KB paste updates the grid without visible lag', async () => {
  const page = await openPage(browser, server.url);
  await ready(page);
  let big = '';
  while (big.length < 50_000) big += ARTICLE + '\n';
  const ms = await page.evaluate(async (text) => {
    const area = document.querySelector('#fg-text');
    const t0 = performance.now();
    area.dispatchEvent(new Event('paste', { bubbles: true }));
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((resolve) => {
      const check = () => (/positions found/.test(document.querySelector('[role=status]').textContent)
        ? resolve() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - t0;
  }, big);
  console.log(`paste to grid: ${ms.toFixed(0)} ms for ${big.length} characters`);
  assert.ok(ms < 2000, `grid took ${ms} ms`);
  await page.context().close();
});

test('hovering or focusing a cell highlights its sentences; an evidence item scrolls to its sentence', async () => {
  const page = await openPage(browser, server.url);
  await ready(page);
  // Long enough that the article view scrolls.
  const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} is about the weather in a town far away.`).join('\n');
  await paste(page, `${filler}\n${ARTICLE}`);
  await page.waitForSelector('td.fg-cell[data-stance]');
  const highlighted = () => page.$$eval('.fg-is-highlighted', (els) => els.map((e) => e.textContent));
  await page.hover('td[data-party="russia"][data-topic="ceasefire"]');
  assert.deepEqual(await highlighted(), ['Truce talks stall as Moscow says no', 'Moscow rejected the ceasefire proposal on Monday.']);
  await page.mouse.move(0, 0);
  await page.focus('td[data-party="us"][data-topic="ceasefire"] summary');
  assert.deepEqual(await highlighted(), ['Ukraine accepted the American plan for a 30-day truce.']);
  // Keyboard: open the evidence, activate the item.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const sel = page.locator('.fg-is-selected');
  await sel.waitFor();
  assert.equal(await sel.innerText(), 'Ukraine accepted the American plan for a 30-day truce.');
  const visible = await sel.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const view = el.closest('.fg-article-body').getBoundingClientRect();
    return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
  });
  assert.ok(visible, 'the selected sentence is scrolled into view');
  await page.context().close();
});

test('dropping or choosing a file loads its text; HTML is reduced to text and never run', async () => {
  const page = await openPage(browser, server.url);
  await ready(page);
  await page.evaluate(() => { window.pwned = false; });
  const html = '<html><head><title>x</title><script>window.pwned = true</script></head><body>' +
    '<h1>Kremlin balks</h1><p>Moscow rejected the ceasefire proposal.</p><img src=x onerror="window.pwned = true"></body></html>';
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.items.add(new File([html], 'story.html', { type: 'text/html' }));
    document.querySelector('#fg-text').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, html);
  await page.waitForFunction(() => document.querySelector('#fg-text').value.includes('Moscow rejected'));
  // The engine's reduction (factgrid_engine::load): blocks as paragraphs.
  assert.equal(await page.inputValue('#fg-text'), 'Kremlin balks\n\nMoscow rejected the ceasefire proposal.');
  await page.waitForSelector('td[data-party="russia"][data-topic="ceasefire"][data-stance="opposes"]');
  assert.equal(await page.evaluate(() => window.pwned), false);
  await page.locator('.fg-notice').filter({ hasText: 'Opened story.html.' }).waitFor();

  // The file chooser, with a Markdown file.
  await page.setInputFiles('input[type=file]', { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Notes\nKyiv backed the truce.') });
  await page.waitForSelector('td[data-party="ukraine"][data-topic="ceasefire"][data-stance="supports"]');

  // Binary junk is refused and the text is kept.
  const before = await page.inputValue('#fg-text');
  await page.setInputFiles('input[type=file]', { name: 'junk.txt', mimeType: 'text/plain', buffer: Buffer.from(Array.from({ length: 400 }, (_, i) => i % 256)) });
  await page.locator('[role=alert]').filter({ hasText: 'does not look like text' }).waitFor();
  assert.equal(await page.inputValue('#fg-text'), before);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('exports: Markdown to the clipboard, JSON and CSV downloads', async () => {
  const page = await openPage(browser, server.url, { acceptDownloads: true });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await ready(page);
  await paste(page, ARTICLE);
  await page.waitForSelector('td.fg-cell[data-stance]');

  await page.click('text=Copy as Markdown');
  await page.locator('.fg-notice').filter({ hasText: 'copied as Markdown' }).waitFor();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  // (Issue 16 item 11: the headline and analysis time first, labels rather than ids.)
  assert.match(md, /^# Truce talks stall as Moscow says no\n\nAnalysed at /);
  assert.match(md, /^\| Topic \| Russia \| Ukraine \| United States \|/m);
  assert.match(md, /\| Ceasefire \| \*\*Opposes\*\*/);

  const [json] = await Promise.all([page.waitForEvent('download'), page.click('text=Download JSON')]);
  assert.equal(json.suggestedFilename(), 'factgrid-report.json');
  const report = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(report.schema, 'factgrid.report/1');
  assert.deepEqual(Object.fromEntries(report.cells.map((c) => [`${c.party}/${c.topic}`, c.stance])), EXPECTED);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('text=Download CSV')]);
  const rows = fs.readFileSync(await csv.path(), 'utf8').trim().split('\n');
  // (Issue 16 items 10, 11: the reader's corrections flagged, and the figures.)
  assert.equal(rows[0], 'kind,party,topic,stance,engine_stance,edited,checked,summary,sentence,speaker,text');
  assert.ok(rows.some((r) => r.startsWith('"evidence","ukraine","territory","opposes"') && r.includes('Andrii Sybiha')));
  await page.context().close();
});

test('a permalink carries the text in the fragment and restores it; a reload restores the text', async () => {
  const page = await openPage(browser, server.url);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await ready(page);
  await paste(page, ARTICLE);
  await page.waitForSelector('td.fg-cell[data-stance]');
  await page.click('text=Copy link');
  await page.locator('.fg-notice').filter({ hasText: 'link' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#text=[A-Za-z0-9_-]+$/);
  assert.ok(!page.url().includes('#'), 'the address bar is left alone');

  // A fresh browser profile (no saved text) opening the link.
  const other = await openPage(browser, link);
  await other.waitForFunction((t) => document.querySelector('#fg-text')?.value === t, ARTICLE);
  await other.waitForSelector('td.fg-cell[data-stance]');
  assert.deepEqual(await readGrid(other), EXPECTED);
  // A broken link says so and breaks nothing.
  await other.goto(`${server.url}/#text=not-really-deflate`);
  await other.reload();
  await other.locator('[role=alert]').filter({ hasText: 'could not be read' }).waitFor();
  assert.deepEqual(other.errors, []);
  await other.context().close();

  // Reload keeps the text (localStorage).
  await page.goto(server.url);
  await page.waitForFunction((t) => document.querySelector('#fg-text')?.value === t, ARTICLE);
  await page.waitForSelector('td.fg-cell[data-stance]');
  await page.context().close();
});

test('accessible in both themes and at 360 px; screenshots', async () => {
  for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['light', 360], ['dark', 360]]) {
    const page = await openPage(browser, server.url, { colorScheme: scheme, viewport: { width, height: 800 } });
    await ready(page);
    await paste(page, ARTICLE);
    await page.waitForSelector('td.fg-cell[data-stance]');
    await page.locator('td[data-party="russia"][data-topic="ceasefire"] summary').click();
    const violations = await axe(page);
    assert.deepEqual(violations, [], `${scheme} at ${width}px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at ${width}px (${overflow}px too wide)`);
    await page.screenshot({ path: path.join(shots, `app-${scheme}-${width}.png`), fullPage: true });
    await page.context().close();
  }
});
