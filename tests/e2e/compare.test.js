// Several articles side by side (issue 13): three articles with opposite
// framings added to one widget, the comparison view (a cell that differs,
// a figure conflict, a chip's evidence), Markdown export, the set kept over
// a reload, 360 px, axe; the JS API's compare() and mount({ articles }).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openPage, axe, paste, shots } from './harness.js';

// Articles written for this test (not from the corpus): one outlet says
// Moscow rejects the truce and quotes Kyiv's figure for Kursk, another says
// it backs the truce and quotes Moscow's figure, a third is Washington's.
const NORTHWIRE = `Kremlin rejects truce as Kyiv claims Kursk gains
MOSCOW, March 12, 2025 (Northwire) - Russia rejected the proposed 30-day ceasefire on Wednesday. Kremlin spokesman Dmitry Peskov said Moscow would not accept a truce while Western weapons keep arriving.
Ukraine's military said its forces still held about 1,300 square kilometres of the Kursk region.`;

const LEDGER = `Moscow backs ceasefire in principle
MOSCOW, March 14, 2025 (Eastern Ledger) - Russia supports the 30-day ceasefire, President Vladimir Putin said on Friday, calling the idea right.
Russia's defence ministry said Ukrainian troops held less than 200 square kilometres of the Kursk region.`;

const CAPITOL = `Washington presses both sides on truce plan
WASHINGTON, March 16, 2025 (Capitol Desk) - The United States proposed a 30-day ceasefire and urged Moscow to accept it without conditions.
Ukraine backed the ceasefire plan, President Volodymyr Zelensky said. Russia questioned the truce, saying key issues remain unresolved.`;

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Open "Add article", paste `text` into its box and add it. */
async function addArticle(page, text) {
  const toggle = page.locator('.fg-add-article');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.fill('#fg-new-article', text);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
}

test('three articles compared: a cell that differs, a figure conflict, evidence, export, kept over a reload, 360 px, axe', async () => {
  const page = await openPage(browser, server.url, { acceptDownloads: true });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.waitForSelector('#fg-text');
  await paste(page, NORTHWIRE);
  await page.waitForSelector('td.fg-cell[data-stance]');
  // One article: the single-article view, no comparison.
  assert.equal(await page.locator('.fg-comparison').count(), 0);

  await addArticle(page, LEDGER);
  await addArticle(page, CAPITOL);
  await page.waitForSelector('.fg-comparison');
  // Titles, outlets and dates detected by the engine, in the order added.
  const list = await page.evaluate(() => [...document.querySelectorAll('.fg-art')].map((li) =>
    [...li.querySelectorAll('input')].map((i) => i.value)));
  assert.deepEqual(list, [
    ['Kremlin rejects truce as Kyiv claims Kursk gains', 'Northwire', '2025-03-12'],
    ['Moscow backs ceasefire in principle', 'Eastern Ledger', '2025-03-14'],
    ['Washington presses both sides on truce plan', 'Capitol Desk', '2025-03-16'],
  ]);

  // Russia on the ceasefire: one chip per article, and the cell differs.
  const cell = page.locator('.fg-cmp-cell[data-party="russia"][data-topic="ceasefire"]');
  assert.equal(await cell.getAttribute('data-verdict'), 'differ');
  assert.equal(await cell.locator('.fg-verdict').innerText(), 'differ');
  assert.deepEqual(await cell.locator('.fg-chip .fg-chip-article').allInnerTexts(), ['Northwire', 'Eastern Ledger', 'Capitol Desk']);
  assert.ok(await cell.locator('.fg-chip .fg-stance-opposes').count() === 1, 'Northwire: opposes');
  // The timeline row, in date order.
  assert.deepEqual(await cell.locator('.fg-tl-date').allInnerTexts(), ['2025-03-12', '2025-03-14', '2025-03-16']);

  // A figure conflict, side by side: Kyiv's number in one article, Moscow's in another.
  const pair = page.locator('.fg-conflict-pair').first();
  await pair.waitFor();
  const sides = await pair.locator('.fg-conflict-side').allInnerTexts();
  assert.match(sides[0], /1,300 km²/);
  assert.match(sides[0], /Northwire/);
  assert.match(sides[1], /200 km²/);
  assert.match(sides[1], /Eastern Ledger/);

  // A chip opens that article's evidence for the cell (by keyboard).
  const chip = cell.locator('button.fg-chip').nth(1);
  await chip.focus();
  await page.keyboard.press('Enter');
  const evidence = cell.locator('.fg-cmp-evidence');
  await evidence.waitFor();
  assert.equal(await chip.getAttribute('aria-pressed'), 'true');
  assert.match(await evidence.innerText(), /Russia supports the 30-day ceasefire/);
  assert.doesNotMatch(await evidence.innerText(), /rejected/);

  // axe, then a screenshot of the comparison view.
  assert.deepEqual(await axe(page), []);
  await page.locator('.fg-compare').screenshot({ path: path.join(shots, 'compare.png') });

  // Export: the engine's Markdown to the clipboard, the JSON download.
  await page.locator('.fg-cmp-export').getByRole('button', { name: 'Copy as Markdown' }).click();
  await page.locator('.fg-cmp-export .fg-notice').filter({ hasText: 'comparison was copied' }).waitFor();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /^## Articles/);
  assert.match(md, /\| Russia \| Ceasefire \| \*\*differ\*\* \|/);
  assert.match(md, /## Figures that conflict/);
  const [json] = await Promise.all([page.waitForEvent('download'),
    page.locator('.fg-cmp-export').getByRole('button', { name: 'Download JSON' }).click()]);
  assert.equal(json.suggestedFilename(), 'factgrid-comparison.json');

  // An edited outlet is kept; a reload finds the three articles.
  await page.fill('#fg-art-1-Outlet', 'Ledger Weekly');
  await page.locator('.fg-cmp-cell[data-party="russia"][data-topic="ceasefire"] .fg-chip-article').filter({ hasText: 'Ledger Weekly' }).waitFor();
  await page.waitForTimeout(300);
  await page.reload();
  await page.waitForSelector('.fg-comparison');
  const kept = await page.evaluate(() => [...document.querySelectorAll('.fg-art')].map((li) =>
    [...li.querySelectorAll('input')].map((i) => i.value)));
  assert.deepEqual(kept.map((k) => k[0]), [
    'Kremlin rejects truce as Kyiv claims Kursk gains', 'Moscow backs ceasefire in principle', 'Washington presses both sides on truce plan',
  ]);
  assert.equal(kept[1][1], 'Ledger Weekly');

  // Reorder and remove, by keyboard-reachable buttons.
  await page.getByRole('button', { name: 'Move article 3 up' }).click();
  assert.deepEqual(await page.locator('.fg-art input[id$="-Title"]').evaluateAll((l) => l.map((i) => i.value.split(' ')[0])),
    ['Kremlin', 'Washington', 'Moscow']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('at 360 px the comparison stays usable and axe reports nothing', async () => {
  const page = await openPage(browser, server.url, { viewport: { width: 360, height: 800 } });
  await page.waitForSelector('#fg-text');
  await paste(page, NORTHWIRE);
  await addArticle(page, LEDGER);
  await addArticle(page, CAPITOL);
  await page.waitForSelector('.fg-conflict-pair');
  // Nothing wider than the screen.
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 360, `the page is ${wide} px wide`);
  const chip = page.locator('.fg-cmp-cell[data-party="russia"][data-topic="ceasefire"] button.fg-chip').first();
  const box = await chip.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360, 'a chip fits');
  await chip.click();
  await page.waitForSelector('.fg-cmp-evidence');
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: path.join(shots, 'compare-360.png'), fullPage: true });
  await page.context().close();
});

test('several files dropped at once are all added; a bad one is refused by name; the file chooser takes several too', async () => {
  const page = await openPage(browser, server.url);
  await page.waitForSelector('#fg-text');
  await paste(page, NORTHWIRE);
  await page.waitForSelector('td.fg-cell[data-stance]');
  // Dropped on the widget, as a reader drags three files onto it.
  await page.evaluate(({ ledger, capitol }) => {
    const data = new DataTransfer();
    data.items.add(new File([ledger], 'ledger.txt', { type: 'text/plain' }));
    data.items.add(new File([new Uint8Array(Array.from({ length: 400 }, (_, i) => i % 256))], 'junk.txt', { type: 'text/plain' }));
    data.items.add(new File([capitol], 'capitol.md', { type: 'text/markdown' }));
    document.querySelector('#fg-text').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, { ledger: LEDGER, capitol: CAPITOL });
  await page.locator('.fg-compare-message').filter({ hasText: 'junk.txt' }).waitFor();
  assert.match(await page.locator('.fg-compare-message').innerText(), /^2 articles added\./);
  assert.equal(await page.locator('.fg-art').count(), 3);
  assert.equal(await page.inputValue('#fg-text'), NORTHWIRE, 'the text box keeps its article');
  await page.waitForSelector('.fg-comparison');
  // The chooser under "Add article".
  await page.locator('.fg-add-article').click();
  await page.setInputFiles('input.fg-add-files', [
    { name: 'again.txt', mimeType: 'text/plain', buffer: Buffer.from(LEDGER) },
    { name: 'junk.bin', mimeType: 'text/plain', buffer: Buffer.from(Array.from({ length: 400 }, (_, i) => i % 256)) },
  ]);
  await page.locator('.fg-compare-message').filter({ hasText: 'junk.bin' }).waitFor();
  assert.equal(await page.locator('.fg-art').count(), 4);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a set too large to keep says so, and stays on the page', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // The browser's quota, made small: any save of the set fails, as a full
  // localStorage does.
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'factgrid:articles') throw new DOMException('quota', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('#fg-text');
  await paste(page, NORTHWIRE);
  await addArticle(page, LEDGER);
  const alert = page.locator('.fg-compare-message').filter({ hasText: 'too large to keep' });
  await alert.waitFor();
  assert.equal(await alert.getAttribute('role'), 'alert');
  await page.waitForSelector('.fg-comparison');
  assert.equal(await page.locator('.fg-art').count(), 2, 'the articles stay on the page');
  await context.close();
});

test('the JS API: compare(texts) and mount(el, { articles })', async () => {
  const page = await openPage(browser, `${server.url}/demo-two.html`);
  const cmp = await page.evaluate(async (texts) => {
    const { compare } = await import('./embed.js');
    return compare(texts);
  }, [NORTHWIRE, { text: LEDGER, outlet: 'Ledger' }, CAPITOL]);
  assert.equal(cmp.schema, 'factgrid.comparison/1');
  assert.deepEqual(cmp.articles.map((a) => a.label), ['Northwire', 'Ledger', 'Capitol Desk']);
  assert.equal(cmp.cells.find((c) => c.party === 'russia' && c.topic === 'ceasefire').verdict, 'differ');
  assert.ok(cmp.figures.groups.some((g) => g.conflicts.length > 0));
  const err = await page.evaluate(async () => {
    const { compare } = await import('./embed.js');
    try { await compare([{ title: 'no text' }]); return null; } catch (e) { return e.message; }
  });
  assert.match(err, /texts\[0\]\.text/);

  const shown = await page.evaluate(async (articles) => {
    const { mount } = await import('./embed.js');
    const box = document.createElement('div');
    document.body.append(box);
    await mount(box, { articles });
    // (The text box's article is read first, then compared with the others.)
    const outlet = () => box.shadowRoot.querySelector('.fg-art input[id$="-Outlet"]')?.value;
    for (let i = 0; i < 200 && !outlet(); i++) await new Promise((r) => setTimeout(r, 50));
    return [...box.shadowRoot.querySelectorAll('.fg-art input[id$="-Outlet"]')].map((i) => i.value);
  }, [{ text: NORTHWIRE }, { text: LEDGER, outlet: 'Ledger', date: '2025-03-14' }, { text: CAPITOL }]);
  assert.deepEqual(shown, ['Northwire', 'Ledger', 'Capitol Desk']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
