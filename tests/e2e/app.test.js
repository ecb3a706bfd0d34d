// The app as a reader uses it: paste an article, read the grid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openPage, axe, paste, readGrid, shots } from './harness.js';

const ARTICLE = `Truce talks stall as Moscow says no
Moscow rejected the ceasefire proposal on Monday.
Ukraine accepted the American plan for a 30-day truce.
Kyiv will never give up occupied land, Foreign Minister Andrii Sybiha said.
Russian forces pressed their offensive in the Kursk region.`;

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('pasting an article fills the grid with the right stances', async () => {
  const page = await openPage(browser, server.url);
  await page.waitForSelector('#fg-text');
  const t0 = Date.now();
  await paste(page, ARTICLE);
  await page.waitForSelector('td.fg-cell[data-stance]');
  console.log(`paste to grid: ${Date.now() - t0} ms for ${ARTICLE.length} characters`);
  const grid = await readGrid(page);
  assert.deepEqual(grid, {
    'russia/ceasefire': 'opposes',
    'ukraine/ceasefire': 'supports',
    'us/ceasefire': 'proposes',
    'ukraine/territory': 'opposes',
    'russia/kursk': 'acts',
  });
  await assert.doesNotReject(page.locator('[role=status]').filter({ hasText: '3 parties, 5 positions found.' }).waitFor());
  // Empty cells say so plainly.
  assert.equal(await page.locator('td.fg-cell-empty').first().innerText().then((t) => t.includes('No position stated')), true);
  await page.screenshot({ path: path.join(shots, 'app-1280.png'), fullPage: true });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
});
