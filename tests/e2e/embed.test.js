// Embedding: the <fact-grid> element and the mount()/analyze() API on
// host pages that factgrid does not control.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { serve, launch, openPage, axe, root, shots } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The grid inside a host element's shadow root, as { 'party/topic': stance }. */
function shadowGrid(page, selector) {
  return page.evaluate((selector) => {
    const host = document.querySelector(selector);
    const out = {};
    for (const td of host?.shadowRoot?.querySelectorAll('td.fg-cell[data-stance]') ?? []) {
      out[`${td.dataset.party}/${td.dataset.topic}`] = td.dataset.stance;
    }
    return out;
  }, selector);
}

async function waitGrid(page, selector, predicate = (g) => Object.keys(g).length > 0) {
  for (let i = 0; i < 100; i++) {
    const g = await shadowGrid(page, selector);
    if (predicate(g)) return g;
    await page.waitForTimeout(50);
  }
  throw new Error(`no grid in ${selector}: ${JSON.stringify(await shadowGrid(page, selector))}`);
}

test('a read-only widget analyses the host article and follows its changes', async () => {
  const page = await openPage(browser, `${server.url}/demo-article.html`);
  await page.evaluate(() => {
    window.reports = [];
    document.addEventListener('factgrid-report', (e) => window.reports.push(e.detail));
  });
  const grid = await waitGrid(page, 'fact-grid');
  assert.equal(grid['us/ceasefire'], 'proposes');
  assert.equal(grid['ukraine/territory'], 'opposes');
  assert.equal(grid['russia/kursk'], 'acts');
  assert.ok(grid['russia/ceasefire'], 'Russia on the ceasefire');
  assert.equal(await page.evaluate(() => document.querySelector('fact-grid').shadowRoot.querySelector('textarea')), null, 'read-only: no text box');

  // The newsroom edits the article: the widget follows.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Washington rejected any plan to hand Crimea to Moscow, the White House said.';
    document.querySelector('#article').append(p);
  });
  const updated = await waitGrid(page, 'fact-grid', (g) => g['us/territory'] === 'opposes');
  assert.equal(updated['us/territory'], 'opposes');
  const last = await page.evaluate(() => window.reports.at(-1));
  assert.equal(last.schema, 'factgrid.report/1');
  assert.ok(last.cells.some((c) => c.party === 'us' && c.topic === 'territory'), 'factgrid-report carries the new report');
  await page.screenshot({ path: path.join(shots, 'embed-article.png'), fullPage: true });
  assert.deepEqual(page.errors, []);
  // (axe itself sets inline styles while it measures, which this page's
  // CSP reports; that is the checker's doing, so it runs last.)
  assert.deepEqual(await axe(page), []);
  await page.context().close();
});

test('two widgets on one page work independently; destroy() removes one and mount() works again', async () => {
  const page = await openPage(browser, `${server.url}/demo-two.html`);
  const first = await waitGrid(page, '#first');
  const second = await waitGrid(page, '#second');
  assert.deepEqual(first, { 'russia/ceasefire': 'opposes', 'ukraine/ceasefire': 'supports', 'us/ceasefire': 'proposes' });
  assert.deepEqual(second, { 'ukraine/territory': 'opposes' });
  // The second widget shows only the panels it asked for.
  assert.equal(await page.evaluate(() => document.querySelector('#second').shadowRoot.querySelector('.fg-article')), null);

  await page.evaluate(() => document.querySelector('#first').setAttribute('text', 'Russian forces retook a village in the Kursk region.'));
  assert.deepEqual(await waitGrid(page, '#first', (g) => g['russia/kursk'] === 'acts'), { 'russia/kursk': 'acts' });
  assert.deepEqual(await shadowGrid(page, '#second'), second, 'the other widget is untouched');

  await page.evaluate(() => window.secondWidget.destroy());
  assert.equal(await page.evaluate(() => document.querySelector('#second').shadowRoot.childElementCount), 0);
  await page.evaluate(async () => {
    const { mount } = await import('./embed.js');
    window.again = await mount(document.querySelector('#second'), { text: 'Moscow demanded that Ukraine cede four regions.' });
  });
  assert.deepEqual(await waitGrid(page, '#second'), { 'russia/territory': 'demands' });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the host page's CSS does not break the widget, and the widget's CSS does not leak out", async () => {
  const page = await openPage(browser, `${server.url}/demo-article.html`);
  // Hostile host styles, served from the page's own origin (its CSP allows only that).
  await page.route('**/hostile.css', (route) => route.fulfill({
    contentType: 'text/css',
    body: 'table { display: none !important; } * { color: red; } td { font-size: 2px; } .fg-badge { display: none; }',
  }));
  await page.evaluate(() => new Promise((resolve) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: 'hostile.css', onload: resolve });
    document.head.append(link);
    // A host element that happens to use the widget's class names.
    const probe = Object.assign(document.createElement('span'), { className: 'fg-button fg-visually-hidden', id: 'probe', textContent: 'host text' });
    document.body.append(probe);
  }));
  await waitGrid(page, 'fact-grid');
  // The widget's own stylesheet loads beside the grid; on a busy machine
  // the grid can come first.
  await page.waitForFunction(() => document.querySelector('fact-grid').shadowRoot.querySelector('link[rel=stylesheet]')?.sheet);
  const look = await page.evaluate(() => {
    const sr = document.querySelector('fact-grid').shadowRoot;
    const table = sr.querySelector('table.fg-table');
    const badge = sr.querySelector('.fg-badge');
    const probe = document.querySelector('#probe');
    return {
      tableDisplay: getComputedStyle(table).display,
      tableHeight: table.getBoundingClientRect().height,
      badgeDisplay: getComputedStyle(badge).display,
      cellFont: getComputedStyle(sr.querySelector('td.fg-cell')).fontSize,
      summaryColor: getComputedStyle(sr.querySelector('.fg-summary')).color,
      probeBorder: getComputedStyle(probe).borderTopWidth,
      probeWidth: probe.getBoundingClientRect().width,
      hostHeading: getComputedStyle(document.querySelector('article h1')).fontFamily,
    };
  });
  // (In a narrow column the grid stacks by topic, so `block` is expected there.)
  assert.notEqual(look.tableDisplay, 'none');
  assert.ok(look.tableHeight > 100, 'the grid is visible');
  assert.notEqual(look.badgeDisplay, 'none');
  assert.notEqual(look.cellFont, '2px');
  assert.notEqual(look.summaryColor, 'rgb(255, 0, 0)', '`* { color: red }` does not reach inside');
  assert.equal(look.probeBorder, '0px', "the widget's .fg-button style does not reach host elements");
  assert.ok(look.probeWidth > 1, "the widget's .fg-visually-hidden does not hide host elements");
  assert.match(look.hostHeading, /Georgia/);
  await page.context().close();
});

test('analyze() in the page returns the same JSON as the CLI', async () => {
  const page = await openPage(browser, `${server.url}/demo-two.html`);
  const text = 'Moscow rejected the ceasefire proposal on Monday.\n“We are ready,” Foreign Minister Andrii Sybiha said.\nAccording to the Russian military, Ukraine holds less than 200 sq. km in Kursk.';
  const fromPage = await page.evaluate(async (text) => {
    const { analyze } = await import('./embed.js');
    return analyze(text);
  }, text);
  const cli = spawnSync(path.join(root, 'target', 'release', 'factgrid'), ['analyze', '--format', 'json', '-'], { input: text });
  assert.equal(cli.status, 0, String(cli.stderr));
  assert.deepEqual(fromPage, JSON.parse(cli.stdout));
  assert.ok(fromPage.cells.length >= 2);
  // A bad profile is an error that names the entry.
  const err = await page.evaluate(async () => {
    const { analyze } = await import('./embed.js');
    try { await analyze('x', { parties: [{ id: 'eu', label: 'EU', aliases: [] }], topics: [{ id: 't', label: 'T', terms: ['x'] }] }); return null; } catch (e) { return e.message; }
  });
  assert.match(err, /parties\[0\] \(eu\) has no aliases/);
  await page.context().close();
});

test('a profile with a fourth party and topic given to mount() shows a 4 x 4 grid', async () => {
  const page = await openPage(browser, `${server.url}/demo-two.html`);
  await waitGrid(page, '#second');
  const shape = await page.evaluate(async () => {
    const { mount } = await import('./embed.js');
    const profile = {
      parties: [
        { id: 'russia', label: 'Russia', aliases: [{ text: 'Moscow', kind: 'capital' }, { text: 'Kremlin', kind: 'institution' }] },
        { id: 'ukraine', label: 'Ukraine', aliases: [{ text: 'Kyiv', kind: 'capital' }] },
        { id: 'us', label: 'United States', aliases: [{ text: 'Washington', kind: 'capital' }] },
        { id: 'eu', label: 'European Union', aliases: [{ text: 'Brussels', kind: 'capital' }, { text: 'European Union', kind: 'institution' }] },
      ],
      topics: [
        { id: 'ceasefire', label: 'Ceasefire', terms: ['ceasefire', 'truce'] },
        { id: 'territory', label: 'Territory', terms: ['territory', 'Crimea'] },
        { id: 'kursk', label: 'Kursk', terms: ['Kursk'] },
        { id: 'sanctions', label: 'Sanctions', terms: ['sanctions', 'sanction'] },
      ],
    };
    const box = document.createElement('div');
    document.body.append(box);
    await mount(box, { profile, text: 'Brussels backed new sanctions on Moscow. Kyiv welcomed the truce.' });
    await new Promise((r) => setTimeout(r, 300));
    const sr = box.shadowRoot;
    return {
      columns: [...sr.querySelectorAll('thead th')].map((th) => th.textContent),
      rows: [...sr.querySelectorAll('tbody th')].map((th) => th.textContent),
      cells: sr.querySelectorAll('tbody td').length,
      eu: sr.querySelector('td[data-party="eu"][data-topic="sanctions"]')?.dataset.stance,
    };
  });
  assert.deepEqual(shape.columns, ['Topic', 'Russia', 'Ukraine', 'United States', 'European Union']);
  assert.deepEqual(shape.rows, ['Ceasefire', 'Territory', 'Kursk', 'Sanctions']);
  assert.equal(shape.cells, 16);
  assert.equal(shape.eu, 'supports');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('bad attributes give a readable error in the widget, not a broken page', async () => {
  const page = await openPage(browser, `${server.url}/demo-two.html`);
  await waitGrid(page, '#first');
  const msg = await page.evaluate(async () => {
    const el = document.createElement('fact-grid');
    el.setAttribute('profile', '{"parties": [');
    document.body.append(el);
    for (let i = 0; i < 50 && !el.shadowRoot?.querySelector('.fg-embed-error'); i++) await new Promise((r) => setTimeout(r, 50));
    const bad = document.createElement('fact-grid');
    bad.setAttribute('for', '##not a selector');
    document.body.append(bad);
    for (let i = 0; i < 50 && !bad.shadowRoot?.querySelector('.fg-embed-error'); i++) await new Promise((r) => setTimeout(r, 50));
    return [el.shadowRoot.querySelector('.fg-embed-error').textContent, bad.shadowRoot.querySelector('.fg-embed-error').textContent];
  });
  assert.match(msg[0], /invalid profile: not valid JSON/);
  assert.match(msg[1], /not a valid CSS selector/);
  await page.context().close();
});
