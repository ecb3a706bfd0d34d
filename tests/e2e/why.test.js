// Why a label (issue 16, items 5, 6 and 8): each evidence item shows its
// own stance, the cue words behind it and who is tied to it and how (a
// pronoun with the name it stands for); a cell with mixed evidence says
// so; a legend defines the eight labels. On the example article no
// speaker is a pronoun or a bare adjective.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openPage, axe, paste, shots } from './harness.js';

// An article written for this test (not from the corpus).
const ARTICLE = `Vladimir Putin met his security council on Tuesday. He said Russia would accept a ceasefire only if Western arms deliveries to Kyiv stopped.

Dmitry Peskov, the Kremlin spokesman, later told reporters that Moscow rejected the American plan for a 30-day truce in its current form.

Kyiv has agreed to the American proposal of an unconditional ceasefire. "We are ready to stop shooting tomorrow," Volodymyr Zelensky said.`;

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Every evidence item of the cell, as the reader sees it. */
function evidence(page, party, topic) {
  return page.evaluate(({ party, topic }) => {
    const td = document.querySelector(`td[data-party="${party}"][data-topic="${topic}"]`);
    td.querySelector('details').open = true;
    return {
      mixed: td.querySelector('.fg-mixed')?.textContent ?? null,
      items: [...td.querySelectorAll('.fg-evidence li')].map((li) => ({
        stance: li.querySelector('.fg-evidence-meta .fg-badge')?.textContent.trim() ?? null,
        speaker: li.querySelector('.fg-speaker')?.textContent ?? null,
        via: li.querySelector('.fg-via')?.textContent ?? null,
        cue: li.querySelector('mark.fg-cue')?.textContent ?? null,
      })),
    };
  }, { party, topic });
}

test('evidence shows its own label, its cue words, and who said it (he → the name)', async () => {
  const page = await openPage(browser, server.url);
  await page.waitForSelector('#fg-text');
  await paste(page, ARTICLE);
  await page.waitForSelector('td.fg-cell[data-stance]');
  const russia = await evidence(page, 'russia', 'ceasefire');
  assert.equal(russia.items.length, 2, JSON.stringify(russia));
  const putin = russia.items.find((e) => /^— He /.test(e.speaker));
  assert.ok(putin, `a pronoun speaker: ${JSON.stringify(russia.items)}`);
  assert.equal(putin.speaker, '— He → Vladimir Putin');
  assert.equal(putin.via, 'said it');
  assert.match(putin.stance, /Conditional/);
  assert.equal(putin.cue, 'accept');
  const peskov = russia.items.find((e) => /Peskov/.test(e.speaker));
  assert.match(peskov.stance, /Opposes/);
  assert.equal(peskov.cue, 'rejected');
  // Two labels among the evidence: the cell says so.
  assert.match(russia.mixed, /^Mixed evidence: 1 × (Conditional|Opposes), 1 × (Conditional|Opposes)$/);
  // An owner named by an adjective shows the noun it qualifies.
  const us = await evidence(page, 'us', 'ceasefire');
  assert.ok(us.items.some((e) => e.speaker === '— American proposal' && /owner/.test(e.via)), JSON.stringify(us.items));
  assert.equal(us.mixed, null, 'one label: no mixed line');
  // The legend: eight labels, each defined.
  const legend = await page.evaluate(() => {
    const d = document.querySelector('.fg-legend');
    d.open = true;
    return [...d.querySelectorAll('dd')].map((x) => x.textContent);
  });
  assert.equal(legend.length, 8);
  assert.ok(legend.every((x) => x.length > 10), legend.join(' | '));
  await page.locator('td[data-party="russia"][data-topic="ceasefire"]').screenshot({ path: path.join(shots, 'why-evidence.png') });
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the example article: no speaker is a pronoun or a bare adjective, every summary shows its cue', async () => {
  const page = await openPage(browser, server.url);
  await page.waitForSelector('#fg-text');
  await page.getByRole('button', { name: /example/i }).first().click();
  await page.waitForSelector('td.fg-cell[data-stance]');
  const bad = await page.evaluate(() => {
    const pronoun = /^— (he|she|they|it|his|her|their|its|we|i)$/i;
    const adjective = /^— (American|Russian|Ukrainian|Western|European)$/;
    return [...document.querySelectorAll('.fg-speaker')]
      .map((s) => s.textContent)
      .filter((t) => pronoun.test(t) || adjective.test(t));
  });
  assert.deepEqual(bad, []);
  // Each cell's summary holds the cue of an item with the cell's label.
  const missing = await page.evaluate(() => {
    const out = [];
    for (const td of document.querySelectorAll('td.fg-cell[data-stance]')) {
      const own = td.querySelector(':scope > .fg-badge').textContent.trim();
      const cues = [...td.querySelectorAll('.fg-evidence li')]
        .filter((li) => li.querySelector('.fg-evidence-meta .fg-badge')?.textContent.trim() === own)
        .map((li) => li.querySelector('mark.fg-cue')?.textContent)
        .filter(Boolean);
      const summary = td.querySelector('.fg-summary').textContent;
      if (cues.length && !cues.some((c) => summary.includes(c))) out.push(`${td.dataset.party}/${td.dataset.topic}: ${summary} (cues ${cues})`);
    }
    return out;
  });
  assert.deepEqual(missing, []);
  await page.context().close();
});
