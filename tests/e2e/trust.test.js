// Check, correct and cite (issue 16, items 9, 10, 11 and 14): two-way
// navigation between the grid and the article, the reader's corrections
// (kept with the text, in every export, dropped with a notice when the
// text changes under them), the article's details and citations, links to
// a cell or a sentence, and the compact embed that highlights evidence in
// the host's own article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, axe, paste, shots } from './harness.js';

// An article written for this test (not from the corpus).
const ARTICLE = `Ceasefire talks falter in Geneva
GENEVA, March 4 (The Test Wire) - Moscow rejected the proposal for a 30-day ceasefire on Tuesday.
Kyiv backed the truce plan, Foreign Minister Andrii Sybiha said.
The weather over the lake stayed cold and grey all afternoon.
Washington proposed fresh talks about the front line for next week.`;

/** Filler paragraphs of our own, so that the article is longer than the view. */
const FILLER = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} describes the hotel lobby, the queue for coffee and the rain on window ${i + 1}.`).join('\n\n');

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function start(page, text = ARTICLE) {
  await page.waitForSelector('#fg-text');
  await paste(page, text);
  await page.waitForSelector('td.fg-cell[data-stance]');
}

const cell = (page, party, topic) => page.locator(`td[data-party="${party}"][data-topic="${topic}"]`);
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return { tag: a?.tagName, cls: a?.className, sentence: a?.dataset?.sentence ?? null, party: a?.closest('td')?.dataset.party ?? null, topic: a?.closest('td')?.dataset.topic ?? null };
});

test('corrections: stance, check, add and drop a sentence; kept over a reload; in every export; dropped with a notice when the text changes', async () => {
  const page = await openPage(browser, server.url, { acceptDownloads: true });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await start(page);
  const russia = cell(page, 'russia', 'ceasefire');
  assert.equal(await russia.getAttribute('data-stance'), 'opposes');
  await russia.locator('summary').click();
  await russia.getByLabel('Stance').selectOption('conditional');
  await russia.getByLabel('I checked this cell').check();
  await russia.getByLabel('Add sentence number').fill('4');
  await russia.getByRole('button', { name: 'Add', exact: true }).click();
  await russia.locator('li.fg-added').waitFor();
  // Drop the engine's own sentence (sentence 2).
  await russia.getByRole('button', { name: 'Drop sentence 2 from this cell' }).click();
  await russia.locator('li.fg-dropped').waitFor();
  const shown = async () => ({
    stance: await russia.getAttribute('data-stance'),
    engine: await russia.getAttribute('data-engine-stance'),
    edited: await russia.locator('.fg-flag-edited').textContent(),
    checked: await russia.locator('.fg-flag-checked').count(),
    added: await russia.locator('li.fg-added button.fg-evidence-item').getAttribute('data-sentence'),
    dropped: await russia.locator('li.fg-dropped button.fg-evidence-item').getAttribute('data-sentence'),
  });
  const expected = { stance: 'conditional', engine: 'opposes', edited: '✎ edited, was Opposes', checked: 1, added: '3', dropped: '1' };
  assert.deepEqual(await shown(), expected);
  await russia.screenshot({ path: path.join(shots, 'trust-corrected-cell.png') });
  assert.deepEqual(await axe(page), []);

  // Kept with the text: a reload shows them again.
  await page.waitForTimeout(700);
  await page.reload();
  await page.waitForSelector('td.fg-cell[data-stance]');
  await russia.locator('summary').click();
  assert.deepEqual(await shown(), expected);

  // Every export carries them, flagged.
  await page.click('text=Copy as Markdown');
  await page.locator('.fg-notice').filter({ hasText: 'copied as Markdown' }).waitFor();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /\| Ceasefire \| \*\*Conditional\*\* \(edited, was Opposes, checked\)/);
  assert.match(md, /- \[4\] The weather over the lake stayed cold and grey all afternoon\. \(added by the reader\)/);
  assert.doesNotMatch(md, /- \[2\] GENEVA/, 'the dropped sentence is not exported');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('text=Download CSV')]);
  const rows = fs.readFileSync(await csv.path(), 'utf8').trim().split('\n');
  assert.equal(rows[0], 'kind,party,topic,stance,engine_stance,edited,checked,summary,sentence,speaker,text');
  assert.ok(rows.some((r) => r.startsWith('"evidence","russia","ceasefire","conditional","opposes","yes","yes"') && r.includes('"4"')), rows.join('\n'));
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('text=Download JSON')]);
  const report = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(report.cells.find((c) => c.party === 'russia' && c.topic === 'ceasefire').stance, 'opposes', "the engine's report is untouched");
  assert.deepEqual(report.corrections, [{ party: 'russia', topic: 'ceasefire', stance: 'conditional', engine_stance: 'opposes', edited: true, checked: true, evidence: [4], dropped: [2], added: [4] }]);

  // Text added before the article: the corrections follow their sentences.
  await page.locator('#fg-text').evaluate((a) => a.setSelectionRange(0, 0));
  await paste(page, 'A note from the editor opens this page.\n');
  await page.waitForFunction(() => document.querySelector('td[data-party="russia"][data-topic="ceasefire"] li.fg-added button')?.dataset.sentence === '4');
  assert.equal(await russia.getAttribute('data-stance'), 'conditional');
  // Another text: they no longer apply, and the reader is told.
  await page.locator('#fg-text').evaluate((a) => a.select());
  await paste(page, 'Moscow welcomed the ceasefire plan. Kyiv doubted the truce.');
  await page.locator('.fg-lost').filter({ hasText: /4 corrections no longer apply to the changed text and were dropped/ }).waitFor();
  assert.equal(await russia.getAttribute('data-stance'), 'supports');
  assert.equal(await page.locator('.fg-flag').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('two-way navigation: side by side, a cell to its sentence and back, a sentence to its cells, Esc closes evidence', async () => {
  const page = await openPage(browser, server.url);
  await start(page, `${ARTICLE}\n\n${FILLER}\n\nMoscow said on Friday it would never accept a ceasefire while Western weapons kept arriving.\n\n${FILLER}`);
  // Wide: the grid and the article side by side, both in view.
  const boxes = await page.evaluate(() => {
    const r = (s) => document.querySelector(s).getBoundingClientRect();
    document.querySelector('.fg-grid').scrollIntoView();
    return { grid: r('.fg-grid .fg-table'), article: r('.fg-article-body'), height: innerHeight };
  });
  assert.ok(boxes.article.left >= boxes.grid.right - 1, `side by side: ${JSON.stringify(boxes)}`);
  assert.ok(boxes.article.top < boxes.height && boxes.article.bottom > 0, 'the article is in view with the grid');

  // A cell's "Show in the article": its first sentence in the middle of the view, focused.
  const russia = cell(page, 'russia', 'ceasefire');
  const last = await russia.evaluate((td) => Math.max(...[...td.querySelectorAll('button.fg-evidence-item')].map((b) => +b.dataset.sentence)));
  await russia.locator('.fg-jump').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('fg-sentence'));
  const f = await focused(page);
  assert.equal(f.sentence, '1', JSON.stringify(f));
  const mid = await page.evaluate(() => {
    const body = document.querySelector('.fg-article-body').getBoundingClientRect();
    const s = document.activeElement.getBoundingClientRect();
    return { s: (s.top + s.bottom) / 2, body: (body.top + body.bottom) / 2, bodyTop: body.top, bodyBottom: body.bottom };
  });
  assert.ok(mid.s > mid.bodyTop && mid.s < mid.bodyBottom, `in view: ${JSON.stringify(mid)}`);
  // The last evidence sentence (far down the article) comes to the middle.
  await russia.locator('summary').click();
  await russia.locator(`button.fg-evidence-item[data-sentence="${last}"]`).click();
  await page.waitForFunction((last) => document.activeElement?.dataset?.sentence === String(last), last);
  const far = await page.evaluate(() => {
    const body = document.querySelector('.fg-article-body').getBoundingClientRect();
    const s = document.activeElement.getBoundingClientRect();
    return Math.abs((s.top + s.bottom) / 2 - (body.top + body.bottom) / 2);
  });
  assert.ok(far < 60, `the sentence is in the middle of the article's view (${far} px off)`);
  await page.screenshot({ path: path.join(shots, 'trust-navigation.png') });

  // Back to the grid: the focus returns to the cell.
  await page.getByRole('button', { name: 'Back to the grid' }).click();
  const back = await focused(page);
  assert.deepEqual([back.party, back.topic], ['russia', 'ceasefire']);

  // A sentence shows the cells it is evidence for; one is a way to the cell.
  await page.locator('.fg-article-body .fg-sentence[data-sentence="2"]').click();
  const supports = page.locator('.fg-supports');
  await supports.filter({ hasText: 'Sentence 3 is evidence for:' }).waitFor();
  await supports.getByRole('button', { name: /Ukraine · Ceasefire: Supports/ }).click();
  const there = await focused(page);
  assert.deepEqual([there.party, there.topic], ['ukraine', 'ceasefire']);
  // By keyboard too: Enter on an evidence sentence.
  await page.locator('.fg-article-body .fg-sentence[data-sentence="1"]').focus();
  await page.keyboard.press('Enter');
  await supports.filter({ hasText: 'Sentence 2 is evidence for:' }).waitFor();

  // Esc closes the open evidence list and leaves the focus on its summary.
  const ukraine = cell(page, 'ukraine', 'ceasefire');
  await ukraine.locator('summary').click();
  assert.equal(await ukraine.locator('details').getAttribute('open'), '');
  await ukraine.locator('button.fg-evidence-item').first().focus();
  await page.keyboard.press('Escape');
  assert.equal(await ukraine.locator('details').getAttribute('open'), null);
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('details and citations: prefilled from the dateline, a citation copied, exports with details, links to a cell and a sentence', async () => {
  const page = await openPage(browser, server.url, { acceptDownloads: true });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await start(page);
  await page.locator('.fg-details summary').click();
  assert.equal(await page.getByLabel('Headline').inputValue(), 'Ceasefire talks falter in Geneva');
  assert.equal(await page.getByLabel('Outlet').inputValue(), 'The Test Wire');
  assert.equal(await page.getByLabel('Date').inputValue(), '--03-04');
  await page.getByLabel('Date').fill('2025-03-04');
  await page.getByLabel('Address (URL)').fill('https://news.example/geneva');
  await page.getByLabel('Address (URL)').press('Tab');

  const russia = cell(page, 'russia', 'ceasefire');
  await russia.locator('summary').click();
  await russia.getByRole('button', { name: 'Copy citation of sentence 2' }).click();
  await russia.locator('.fg-cell-notice').filter({ hasText: 'Citation copied.' }).waitFor();
  const cite = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(cite, '“GENEVA, March 4 (The Test Wire) - Moscow rejected the proposal for a 30-day ceasefire on Tuesday.” — Moscow. Ceasefire talks falter in Geneva, The Test Wire, 2025-03-04, sentence 2. https://news.example/geneva');

  await page.click('text=Copy as Markdown');
  await page.locator('.fg-notice').filter({ hasText: 'copied as Markdown' }).waitFor();
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /^# Ceasefire talks falter in Geneva\n\nThe Test Wire, 2025-03-04\n\nhttps:\/\/news\.example\/geneva\n\nAnalysed at \d{4}-\d\d-\d\dT/);
  assert.match(md, /\| Ceasefire \| \*\*Opposes\*\*/, 'labels, not ids');
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('text=Download JSON')]);
  const report = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.deepEqual(report.meta, { headline: 'Ceasefire talks falter in Geneva', outlet: 'The Test Wire', date: '2025-03-04', url: 'https://news.example/geneva' });
  assert.equal(report.text, ARTICLE);
  assert.match(report.analysed_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d/);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('text=Download CSV')]);
  const rows = fs.readFileSync(await csv.path(), 'utf8').trim().split('\n');
  assert.ok(rows.some((r) => r.startsWith('"figure"') && r.includes('30-day')), rows.join('\n'));

  // A link to the cell opens another browser at it.
  await russia.getByRole('button', { name: 'Share link to this cell' }).click();
  await russia.locator('.fg-cell-notice').filter({ hasText: 'Link copied.' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#text=[A-Za-z0-9_-]+&fix=[^&]+&cell=russia\/ceasefire$/);
  const other = await openPage(browser, link);
  await other.waitForFunction(() => document.activeElement?.dataset?.sentence === '1');
  await other.getByRole('button', { name: 'Back to the grid' }).waitFor();
  assert.ok(!other.url().includes('#'), 'the link is read once');
  await other.locator('.fg-details summary').click();
  assert.equal(await other.getByLabel('Address (URL)').inputValue(), 'https://news.example/geneva', 'the details travel with the link');
  await other.context().close();

  // A sentence link (#s=N) on the saved text.
  await page.waitForTimeout(700);
  await page.goto('about:blank');
  await page.goto(`${server.url}/#s=5`);
  await page.waitForSelector('.fg-sentence.fg-is-selected[data-sentence="4"]');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.sentence), '4');
  assert.ok(!page.url().includes('#'));
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('compact embed: grid and figures only, the evidence highlighted in the host article', async () => {
  const page = await openPage(browser, `${server.url}/demo-article.html`);
  const before = await page.evaluate(() => document.querySelector('#article').innerHTML);
  await page.evaluate(() => document.querySelector('fact-grid').setAttribute('compact', ''));
  const inShadow = (s) => page.evaluate((s) => document.querySelector('fact-grid').shadowRoot.querySelectorAll(s).length, s);
  await page.waitForFunction(() => document.querySelector('fact-grid').shadowRoot?.querySelector('.fg-compact td.fg-cell[data-stance]'));
  assert.equal(await inShadow('.fg-evidence'), 0, 'no evidence lists');
  assert.equal(await inShadow('.fg-article'), 0, 'no article');
  assert.equal(await inShadow('textarea'), 0);
  assert.ok(await inShadow('.fg-figures') > 0, 'the figures');
  const highlighted = () => page.evaluate(() => [...(CSS.highlights.get('factgrid-evidence') ?? [])].map((r) => r.toString()));
  // Focusing a cell highlights its evidence in the host's own article.
  await page.evaluate(() => document.querySelector('fact-grid').shadowRoot.querySelector('td[data-party="ukraine"][data-topic="territory"] .fg-jump').focus());
  await page.waitForFunction(() => CSS.highlights.get('factgrid-evidence')?.size > 0);
  assert.deepEqual(await highlighted(), ['“We will never recognise any occupied land as Russian,” President Volodymyr Zelensky said in his evening address.']);
  // "Show in the article" brings it into view.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.evaluate(() => document.querySelector('fact-grid').shadowRoot.querySelector('td[data-party="russia"][data-topic="kursk"] .fg-jump').click());
  await page.waitForFunction(() => [...CSS.highlights.get('factgrid-evidence')].some((r) => r.toString().includes('Kursk')));
  const inView = await page.evaluate(() => {
    const r = [...CSS.highlights.get('factgrid-evidence')][0].getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.ok(inView, 'the highlighted sentence is in view');
  assert.equal(await page.evaluate(() => document.querySelector('#article').innerHTML), before, "the host's DOM is unchanged");
  await page.screenshot({ path: path.join(shots, 'trust-compact.png') });
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});
