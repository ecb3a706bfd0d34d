// Russian and Ukrainian articles (issue 14): the widget reads them, fills
// the grid, and speaks the article's language; `ui-lang` and `lang` (option
// and attribute) override the choice; the browser's language is the
// default for an English or empty text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openPage, axe, paste, readGrid, shots } from './harness.js';

// Articles written for this test (not from the corpus).
const RUSSIAN = `МОСКВА, 3 апреля — Кремль отверг предложение Вашингтона о тридцатидневном перемирии.
«Россия не согласится на перемирие, пока Киев получает западное оружие», — заявил журналистам пресс-секретарь президента Дмитрий Песков.
По его словам, вопрос о территориях на переговорах не обсуждается.
Владимир Зеленский поддержал идею прекращения огня и заявил, что Украина никогда не откажется от своих земель.
Российские войска продолжили наступление в Курской области.`;

const UKRAINIAN = `КИЇВ, 3 квітня — Президент України Володимир Зеленський заявив, що Україна готова до повного припинення вогню на 30 днів.
«Ми ніколи не визнаємо окупацію жодної з наших територій», — наголосив Зеленський під час зустрічі з журналістами.
У Кремлі відкинули пропозицію про перемир'я, повідомив речник Дмитро Пєсков.
Спецпосланник США запропонував провести новий раунд переговорів у Ер-Ріяді.
Російські війська продовжили наступ на Курщині.`;

// What each interface language calls things (src/i18n.rs).
const WORDS = {
  ru: {
    grid: 'Позиции', input: 'Ваш текст', topic: 'Тема', parties: ['Россия', 'Украина', 'США'],
    found: /^Найдено: \d+ (сторона|стороны|сторон), \d+ (позиция|позиции|позиций)\.$/, language: 'Язык статьи: русский (определён по тексту)',
    stances: ['Предлагает', 'Поддерживает', 'С условиями', 'Против', 'Требует', 'Сомневается', 'Рассматривает', 'Действует', 'Неясно'],
    clear: 'Очистить',
  },
  uk: {
    grid: 'Позиції', input: 'Ваш текст', topic: 'Тема', parties: ['Росія', 'Україна', 'США'],
    found: /^Знайдено: \d+ (сторона|сторони|сторін), \d+ (позиція|позиції|позицій)\.$/, language: 'Мова статті: українська (визначено за текстом)',
    stances: ['Пропонує', 'Підтримує', 'З умовами', 'Проти', 'Вимагає', 'Сумнівається', 'Розглядає', 'Діє', 'Неясно'],
    clear: 'Очистити',
  },
};

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** What the page shows in its own words, and the grid. */
function shown(page) {
  return page.evaluate(() => {
    const text = (s) => document.querySelector(s)?.textContent.trim();
    return {
      lang: document.querySelector('.fg-app').getAttribute('lang'),
      articleLang: document.querySelector('.fg-article-body')?.getAttribute('lang'),
      grid: text('#fg-grid-title'),
      input: text('#fg-input-title'),
      status: text('[role=status]'),
      language: text('.fg-language'),
      columns: [...document.querySelectorAll('.fg-grid thead th')].map((th) => th.textContent),
      badges: [...document.querySelectorAll('.fg-grid .fg-badge')].map((b) => b.lastChild.textContent.trim()),
      buttons: [...document.querySelectorAll('.fg-input-bar button')].map((b) => b.textContent.trim()),
    };
  });
}

async function readArticle(page, lang, text) {
  // Replace the whole text, as a reader selecting all and pasting.
  await page.locator('#fg-text').evaluate((area) => area.select());
  await paste(page, text);
  await page.locator('#fg-grid-title').filter({ hasText: WORDS[lang].grid }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('td.fg-cell[data-stance]').length >= 3);
  const grid = await readGrid(page);
  assert.ok(Object.keys(grid).length >= 3, `a filled grid: ${JSON.stringify(grid)}`);
  assert.ok(grid['russia/ceasefire'] && grid['ukraine/ceasefire'] && grid['us/ceasefire'], `all three parties on the ceasefire: ${JSON.stringify(grid)}`);
  const s = await shown(page);
  const w = WORDS[lang];
  assert.equal(s.lang, lang, 'the widget root says its language to screen readers');
  assert.equal(s.articleLang, lang, 'and the article its own');
  assert.equal(s.input, w.input);
  assert.deepEqual(s.columns, [w.topic, ...w.parties], 'the party labels in the interface language; ids unchanged');
  assert.match(s.status, w.found);
  assert.equal(s.language, w.language);
  assert.ok(s.badges.length >= 3 && s.badges.every((b) => w.stances.includes(b)), `stance names: ${s.badges}`);
  assert.ok(s.buttons.includes(w.clear), `buttons: ${s.buttons}`);
  return grid;
}

test('a Russian and then a Ukrainian article fill the grid, and the interface follows their language', async () => {
  const page = await openPage(browser, server.url, { locale: 'en-US' });
  await page.waitForSelector('#fg-text');
  let s = await shown(page);
  assert.equal(s.lang, 'en');
  assert.equal(s.input, 'Your text', 'an English browser and no text: English');

  await readArticle(page, 'ru', RUSSIAN);
  await page.screenshot({ path: path.join(shots, 'languages-ru.png'), fullPage: true });
  assert.deepEqual(await axe(page), []);

  await readArticle(page, 'uk', UKRAINIAN);
  await page.screenshot({ path: path.join(shots, 'languages-uk.png'), fullPage: true });
  assert.deepEqual(await axe(page), []);

  // Back to English: the interface follows (the browser's language).
  await page.locator('#fg-text').evaluate((area) => area.select());
  await paste(page, 'Moscow rejected the ceasefire proposal on Monday. Kyiv backed the truce.');
  await page.locator('#fg-grid-title').filter({ hasText: 'Positions' }).waitFor();
  s = await shown(page);
  assert.equal(s.lang, 'en');
  assert.deepEqual(s.columns, ['Topic', 'Russia', 'Ukraine', 'United States']);
  assert.equal(s.language, 'Article language: English (detected)');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the Russian and Ukrainian profiles are downloaded only when an article needs one, once; a long Russian article is read in the worker with it', async () => {
  const page = await openPage(browser, server.url, { locale: 'en-US' });
  const fetched = [];
  // (The context's requests: the page's and its worker's.)
  page.context().on('request', (r) => {
    const m = r.url().match(/profile-(ru|uk)\.json$/);
    if (m) fetched.push(m[1]);
  });
  await page.waitForSelector('#fg-text');
  const english = async () => {
    await page.locator('#fg-text').evaluate((area) => area.select());
    await paste(page, 'Moscow rejected the ceasefire proposal on Monday. Kyiv backed the truce.');
    await page.locator('#fg-grid-title').filter({ hasText: 'Positions' }).waitFor();
  };
  await english();
  await page.waitForTimeout(300);
  assert.deepEqual(fetched, [], 'an English reader downloads neither');
  await readArticle(page, 'ru', RUSSIAN);
  assert.deepEqual(fetched, ['ru']);
  // Over 256 KB the worker reads it: the page hands it the profile.
  await english();
  const long = `${RUSSIAN}\n\n`.repeat(Math.ceil(300_000 / Buffer.byteLength(RUSSIAN)));
  await readArticle(page, 'ru', long);
  await readArticle(page, 'uk', UKRAINIAN);
  assert.deepEqual(fetched, ['ru', 'uk'], 'each fetched once, by the page only');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the browser's language is the interface's until an article says otherwise", async () => {
  const page = await openPage(browser, server.url, { locale: 'uk-UA' });
  await page.waitForSelector('#fg-text');
  const s = await shown(page);
  assert.equal(s.lang, 'uk');
  assert.equal(s.status, 'Вставте або наберіть статтю, щоб побачити, хто яку позицію займає.');
  assert.ok(s.buttons.includes('Очистити'), `buttons: ${s.buttons}`);
  assert.match(await page.locator('#fg-text').getAttribute('placeholder'), /^Вставте сюди новинну статтю/);
  // A Russian article: Russian, whatever the browser speaks.
  await paste(page, RUSSIAN);
  await page.locator('#fg-grid-title').filter({ hasText: WORDS.ru.grid }).waitFor();
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('embedding: ui-lang and lang, as attributes of <fact-grid> and as options of mount()', async () => {
  const page = await openPage(browser, `${server.url}/demo-article.html`, { locale: 'en-US' });
  await page.waitForFunction(() => customElements.get('fact-grid'));
  const inside = (selector) => page.evaluate((selector) => {
    const root = document.querySelector(selector)?.shadowRoot;
    if (!root) return {}; // not mounted yet
    return {
      lang: root.querySelector('.fg-app')?.getAttribute('lang'),
      grid: root.querySelector('#fg-grid-title')?.textContent,
      columns: [...root.querySelectorAll('.fg-grid thead th')].map((th) => th.textContent),
      cells: root.querySelectorAll('td.fg-cell[data-stance]').length,
      language: root.querySelector('.fg-language')?.dataset.language,
    };
  }, selector);
  const until = async (selector, predicate) => {
    for (let i = 0; i < 100; i++) {
      const s = await inside(selector);
      if (predicate(s)) return s;
      await page.waitForTimeout(50);
    }
    throw new Error(`${selector}: ${JSON.stringify(await inside(selector))}`);
  };
  // A Russian text shown with an English interface (ui-lang="en").
  await page.evaluate((text) => {
    window.reports = [];
    const el = Object.assign(document.createElement('fact-grid'), { id: 'ru-box' });
    el.setAttribute('text', text);
    el.setAttribute('ui-lang', 'en');
    el.addEventListener('factgrid-report', (e) => window.reports.push(e.detail));
    document.body.append(el);
  }, RUSSIAN);
  let s = await until('#ru-box', (s) => s.cells >= 3);
  assert.equal(s.lang, 'en');
  assert.equal(s.grid, 'Positions');
  assert.deepEqual(s.columns, ['Topic', 'Russia', 'Ukraine', 'United States']);
  assert.equal(s.language, 'ru');
  assert.equal(await page.evaluate(() => window.reports.at(-1).language), 'ru', 'the report says the language it read');
  // ui-lang="uk": the words change, the report does not.
  await page.evaluate(() => document.querySelector('#ru-box').setAttribute('ui-lang', 'uk'));
  s = await until('#ru-box', (s) => s.grid === 'Позиції');
  assert.deepEqual(s.columns, ['Тема', 'Росія', 'Україна', 'США']);
  // No ui-lang: the article's language.
  await page.evaluate(() => document.querySelector('#ru-box').removeAttribute('ui-lang'));
  await until('#ru-box', (s) => s.grid === 'Позиции' && s.lang === 'ru');
  // lang="en": read as English, whatever it looks like.
  await page.evaluate(() => document.querySelector('#ru-box').setAttribute('lang', 'en'));
  await page.waitForFunction(() => window.reports.at(-1)?.language === 'en');
  assert.ok((await page.evaluate(() => window.reports.at(-1).notices)).some((n) => /looks Russian/.test(n)));
  await until('#ru-box', (s) => s.language === 'en');

  // mount(): the same as options; a bad value is an error that says so.
  const result = await page.evaluate(async (text) => {
    const { mount, analyze } = await import('./embed.js');
    const box = Object.assign(document.createElement('div'), { id: 'mounted' });
    document.body.append(box);
    await mount(box, { text, lang: 'uk', uiLang: 'ru', readonly: true });
    let bad = '';
    try { await mount(document.createElement('div'), { lang: 'de' }); } catch (e) { bad = e.message; }
    let badUi = '';
    try { await mount(document.createElement('div'), { uiLang: 42 }); } catch (e) { badUi = e.message; }
    const report = await analyze(text, undefined, 'auto');
    const asked = await analyze(text, undefined, 'ru');
    return { bad, badUi, detected: report.language, asked: asked.language };
  }, UKRAINIAN);
  s = await until('#mounted', (s) => s.cells >= 2);
  assert.equal(s.lang, 'ru');
  assert.equal(s.grid, 'Позиции');
  assert.equal(s.language, 'uk');
  assert.match(result.bad, /option `lang` must be auto, en, ru or uk, not "de"/);
  assert.match(result.badUi, /option `uiLang` must be auto, en, ru or uk/);
  assert.equal(result.detected, 'uk');
  assert.equal(result.asked, 'ru');
  await page.screenshot({ path: path.join(shots, 'languages-embed.png'), fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
