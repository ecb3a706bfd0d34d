// Web pages and legacy encodings in the widget (issue 16 item 12): a
// dropped or pasted web page is reduced to its article by the engine
// (factgrid_engine::load / reduce), a Windows-1251 text file is decoded,
// and the engine's notices say what was done. The pages are written here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openPage, paste, shots } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Truce talks</title>
<script>window.pwned = 1</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Truce talks stall</h1>
<p>Moscow rejected the ceasefire proposal on Monday.</p>
<p>Kyiv said it would accept a truce of thirty days &amp; more talks.</p></article>
<aside><h2>Most read</h2><ul><li><a href="/a">Celebrity wedding</a></li><li><a href="/b">Football scores</a></li></ul></aside>
<footer>Copyright Example News. All rights reserved.</footer></body></html>`;

/** Windows-1251 bytes of `text` (the table read from Node's own decoder). */
function cp1251(text) {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map();
  for (let b = 0x80; b <= 0xff; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return [...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : table.get(c)));
}

const CYRILLIC = 'Москва отклонила предложение о перемирии в понедельник. ' +
  'Киев заявил, что готов к перемирию на тридцать дней и к новым переговорам. ' +
  'Переговоры продолжатся на следующей неделе, сообщили дипломаты.\n';

async function drop(page, files) {
  await page.evaluate((files) => {
    const data = new DataTransfer();
    for (const { name, type, bytes } of files) data.items.add(new File([Uint8Array.from(bytes)], name, { type }));
    const target = document.querySelector('.fg-status');
    target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
}

const box = (page) => page.inputValue('#fg-text');

test('a dropped web page is reduced to its article, with the engine\'s notice of what was removed', async () => {
  const page = await openPage(browser, server.url);
  await page.waitForSelector('#fg-text');
  await drop(page, [{ name: 'story.html', type: 'text/html', bytes: [...Buffer.from(PAGE)] }]);
  await page.waitForFunction(() => document.querySelector('#fg-text').value.includes('Moscow rejected'));
  const text = await box(page);
  assert.match(text, /Kyiv said it would accept a truce of thirty days & more talks\./, 'entities decoded');
  for (const gone of ['Home', 'Sport', 'Most read', 'Celebrity wedding', 'Copyright', 'pwned', 'color: red']) {
    assert.ok(!text.includes(gone), `"${gone}" was removed`);
  }
  const notice = page.locator('.fg-notice').filter({ hasText: 'story.html' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /Opened story\.html\. Web page reduced to its (article|text): removed .*navigation/);
  await page.waitForSelector('td[data-party="russia"][data-topic="ceasefire"][data-stance]');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.screenshot({ path: path.join(shots, 'pages-dropped-html.png') });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a Windows-1251 text file is decoded, and the notice says so', async () => {
  const page = await openPage(browser, server.url);
  await page.waitForSelector('#fg-text');
  await drop(page, [{ name: 'novosti.txt', type: 'text/plain', bytes: cp1251(CYRILLIC.repeat(3)) }]);
  await page.waitForFunction(() => document.querySelector('#fg-text').value.startsWith('Москва'));
  const text = await box(page);
  assert.equal(text, CYRILLIC.repeat(3));
  assert.ok(!text.includes('\ufffd'), 'no replacement characters');
  const notice = page.locator('.fg-notice').filter({ hasText: 'novosti.txt' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /read as Windows-1251 \(Cyrillic\)/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a binary file is refused with the engine\'s reason, and the text stays', async () => {
  const page = await openPage(browser, server.url);
  await page.waitForSelector('#fg-text');
  await paste(page, 'Kyiv backed the truce.');
  await drop(page, [{ name: 'photo.txt', type: 'text/plain', bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0] }]);
  const alert = page.locator('.fg-message[role=alert]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /photo\.txt does not look like text \(binary file.*\)\. Your current text is unchanged\./);
  assert.equal(await box(page), 'Kyiv backed the truce.');
  await page.context().close();
});

test('a pasted web page is reduced to its article with a notice, and Undo takes the paste back', async () => {
  const page = await openPage(browser, server.url);
  await page.waitForSelector('#fg-text');
  await paste(page, 'Washington proposed a truce.\n');
  await paste(page, PAGE);
  await page.waitForFunction(() => document.querySelector('#fg-text').value.includes('Moscow rejected'));
  const text = await box(page);
  assert.ok(text.startsWith('Washington proposed a truce.\nTruce talks stall'), 'spliced in where it was pasted');
  assert.ok(!text.includes('<'), 'no markup left');
  assert.ok(!text.includes('Celebrity wedding') && !text.includes('Home'), 'navigation and lists removed');
  const notice = page.locator('.fg-notice').filter({ hasText: 'Pasted a web page.' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /Pasted a web page\. Web page reduced to its (article|text): removed/);
  await page.waitForSelector('td[data-party="russia"][data-topic="ceasefire"][data-stance]');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('#fg-text').value === 'Washington proposed a truce.\n');
  // Plain text that merely mentions a tag is pasted as it is.
  await paste(page, 'Kyiv said the <b> tag is not news.');
  assert.equal(await box(page), 'Washington proposed a truce.\nKyiv said the <b> tag is not news.');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
