// factgrid for host pages: one module to load, then either the
// <fact-grid> element or the mount()/analyze() functions.
//
//   <script type="module" src="https://your.site/factgrid/embed.js"></script>
//   <fact-grid for="#article" readonly></fact-grid>
//   <fact-grid for="#статья" lang="ru" ui-lang="uk"></fact-grid>
//
// or, from a module script:
//
//   import { mount, analyze, compare } from 'https://your.site/factgrid/embed.js';
//   const handle = await mount(document.querySelector('#box'), { text, theme: 'dark' });
//
// Everything from the host page (attributes, text, profile) is treated as
// data: text is only rendered as text and a profile is validated.
import init, {
  mount as wasmMount, analyze as wasmAnalyze, compare as wasmCompare,
  profileNeeded, provideProfile, setProfileUrls,
} from './factgrid.js';

// The Russian and Ukrainian profiles are files of their own, fetched when
// a text first needs one (an English reader never downloads them).
const PROFILES = {
  ru: new URL('./profile-ru.json', import.meta.url).href,
  uk: new URL('./profile-uk.json', import.meta.url).href,
};
const ready = init({ module_or_path: new URL('./factgrid_bg.wasm', import.meta.url) })
  .then(() => setProfileUrls(PROFILES.ru, PROFILES.uk));

/**
 * Fetch the built-in profiles the `texts` need (those of the languages
 * they are written in, or `lang`), unless a custom profile reads them.
 */
async function profilesFor(texts, profile, lang) {
  if (profile != null) return;
  const failed = new Set();
  for (const item of texts) {
    const text = typeof item === 'string' ? item : item?.text;
    if (typeof text !== 'string') continue;
    let code;
    while ((code = profileNeeded(text, lang)) && !failed.has(code)) {
      try {
        const response = await fetch(PROFILES[code]);
        if (!response.ok) throw new Error(response.statusText);
        provideProfile(code, await response.text());
      } catch (_) {
        failed.add(code); // (read with the English profile, with a notice)
      }
    }
  }
}
const STYLESHEET = new URL('./factgrid.css', import.meta.url).href;
const WORKER = new URL('./worker.js', import.meta.url).href;
// The worker is started by this exact expression, which bundlers (Vite,
// webpack 5, Parcel) recognise: they bundle worker.js with what it imports
// as a worker of its own. (A URL alone, as WORKER above, they inline or
// copy without its imports.) The pool in glue.js starts the worker for
// WORKER with it; a host's own workerUrl is started by URL.
const WORKERS = Symbol.for('factgrid.workers');
(globalThis[WORKERS] ??= new Map()).set(
  WORKER,
  () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }),
);
const EXAMPLE = new URL('./example-article.txt', import.meta.url).href;

/** Texts longer than this (in UTF-16 units) go to the widget as UTF-8 bytes, encoded in slices. */
const SLICE = 0x80000;

/** Resolves in a later task (a MessageChannel is not throttled like setTimeout). */
function nextTask() {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => resolve();
    port2.postMessage(0);
  });
}

/**
 * The UTF-8 bytes of `text`, SLICE characters to a task: handing the
 * widget 20 MB as a string would cost one task of a quarter second or more.
 */
async function utf8InSlices(text) {
  const encoder = new TextEncoder();
  const parts = [];
  let size = 0;
  for (let i = 0; i < text.length;) {
    let end = Math.min(text.length, i + SLICE);
    if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end -= 1;
    if (i > 0) await nextTask();
    const part = encoder.encode(text.slice(i, end));
    parts.push(part);
    size += part.length;
    i = end;
  }
  const bytes = new Uint8Array(size);
  for (let i = 0, at = 0; i < parts.length; at += parts[i].length, i++) bytes.set(parts[i], at);
  return bytes;
}

/** A mounted widget, as `mount` resolves to it. */
class Widget {
  #grid;
  #text = null;
  #converting = false;

  constructor(grid) { this.#grid = grid; }

  /**
   * Replace the text and analyse it. Calls in a burst are coalesced: only
   * the last text reaches the widget, and the texts it replaced are
   * released at once instead of queueing up inside the widget.
   */
  setText(text) {
    const idle = this.#text === null;
    this.#text = String(text ?? '');
    if (idle) queueMicrotask(() => this.#flush());
  }

  #flush() {
    // A text being converted is handed over first (or dropped, if a newer
    // one came meanwhile); the newer one follows.
    if (this.#converting) return;
    const text = this.#text;
    this.#text = null;
    if (text === null || !this.#grid) return;
    if (text.length <= SLICE) { this.#grid.setText(text); return; }
    this.#converting = true;
    utf8InSlices(text).then((bytes) => {
      this.#converting = false;
      if (this.#text === null) this.#grid?.setText(bytes);
      this.#flush();
    });
  }

  /** Change options (the same as mount's); those not given stay. */
  update(options) {
    const { text, ...rest } = options || {};
    if (text !== undefined) this.setText(text);
    this.#grid?.update(rest);
  }

  /** Remove the widget and everything it added; its worker jobs end. */
  destroy() {
    this.#text = null;
    const grid = this.#grid;
    this.#grid = null;
    grid?.destroy();
    grid?.free();
  }
}

/** Mount a widget into `element`; resolves to a handle with setText, update, destroy. */
export async function mount(element, options = {}) {
  await ready;
  if (typeof options?.text === 'string' && options.text.length > SLICE) {
    options = { ...options, text: await utf8InSlices(options.text) };
  }
  return new Widget(wasmMount(element, { stylesheet: STYLESHEET, workerUrl: WORKER, exampleUrl: EXAMPLE, ...options }));
}

/**
 * Analyse `text` (with an optional profile, in an optional language:
 * auto, en, ru, uk); resolves to the report (the CLI's JSON).
 */
export async function analyze(text, profile, lang) {
  await ready;
  await profilesFor([text], profile, lang);
  return wasmAnalyze(text, profile, lang);
}

/**
 * Compare articles: `texts` is an array of texts or `{ text, title,
 * outlet, date }` (titles, outlets and dates not given are detected);
 * resolves to the engine's comparison (`factgrid.comparison/1`, the JSON
 * of `factgrid compare --format json`).
 */
export async function compare(texts, profile, lang) {
  await ready;
  if (Array.isArray(texts)) await profilesFor(texts, profile, lang);
  return wasmCompare(texts, profile, lang);
}

/**
 * The language an attribute names, for the options: `en`, `ru` or `uk`
 * (a tag such as `ru-RU` by its language), else `auto`. (`lang` is also
 * HTML's own attribute, so any tag may be there: only these three choose.)
 */
function languageOf(tag) {
  const code = String(tag || '').trim().toLowerCase().split(/[-_]/)[0];
  return ['en', 'ru', 'uk'].includes(code) ? code : 'auto';
}

const HIGHLIGHT = 'factgrid-evidence';
let styled = false;

/**
 * Give `::highlight(factgrid-evidence)` a look on the host page, once: a
 * constructed stylesheet (no <style> element, nothing the page's CSP
 * governs as inline style). A host's own rule for it comes after and wins.
 */
function styleHighlight() {
  if (styled) return;
  styled = true;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`::highlight(${HIGHLIGHT}) { background-color: #ffe066; color: #1a1a1a; }`);
    document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets];
  } catch (_) { /* no constructed stylesheets: the host's own rule, if any */ }
}

/**
 * Highlight `sentences` where their words occur in `element` (spaces and
 * line breaks aside, as the text the widget read was the element's
 * innerText), with the CSS Custom Highlight API: the host's DOM is not
 * changed. `jump` brings the first into the middle of the view. An empty
 * list clears the highlight.
 */
export function highlightEvidence(element, sentences, jump = false) {
  if (typeof CSS === 'undefined' || !CSS.highlights || typeof Highlight === 'undefined') return;
  if (!element || !sentences?.length) { CSS.highlights.delete(HIGHLIGHT); return; }
  styleHighlight();
  let flat = '';
  const at = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      if (!/\s/.test(data[i])) { flat += data[i]; at.push(node, i); }
    }
  }
  const ranges = [];
  for (const sentence of sentences) {
    const key = String(sentence).replace(/\s+/g, '');
    const i = key ? flat.indexOf(key) : -1;
    if (i < 0) continue;
    const j = i + key.length - 1;
    const range = document.createRange();
    range.setStart(at[2 * i], at[2 * i + 1]);
    range.setEnd(at[2 * j], at[2 * j + 1] + 1);
    ranges.push(range);
  }
  CSS.highlights.set(HIGHLIGHT, new Highlight(...ranges));
  if (jump && ranges[0]) ranges[0].startContainer.parentElement?.scrollIntoView({ block: 'center' });
}

const WAIT_MS = 300;

class FactGridElement extends HTMLElement {
  static get observedAttributes() { return ['for', 'text', 'profile', 'theme', 'readonly', 'lang', 'ui-lang', 'compact']; }

  #handle = null;
  #observer = null;
  #timer = 0;
  #mounting = null;

  connectedCallback() {
    this.#mounting = this.#mount();
  }

  disconnectedCallback() {
    this.#teardown();
  }

  async attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.#mounting) return;
    await this.#mounting;
    if (!this.isConnected) return;
    if (name === 'for') { this.#teardown(); this.#mounting = this.#mount(); return; }
    if (name === 'text' && !this.hasAttribute('for')) { this.#handle?.setText(newValue || ''); return; }
    try {
      this.#handle?.update(this.#options());
      this.#clearError();
    } catch (e) {
      this.#showError(e);
    }
  }

  /** The element whose text is analysed, if `for` names one. */
  #source() {
    const selector = this.getAttribute('for');
    if (!selector) return null;
    try {
      return document.querySelector(selector);
    } catch (_) {
      throw new Error(`the for attribute "${selector}" is not a valid CSS selector`);
    }
  }

  #text() {
    const source = this.#source();
    if (source) return source.innerText || source.textContent || '';
    return this.getAttribute('text') || '';
  }

  #options() {
    const options = { onReport: (report) => this.dispatchEvent(new CustomEvent('factgrid-report', { detail: report, bubbles: true, composed: true })) };
    const profile = this.getAttribute('profile');
    if (profile) options.profile = profile; // a JSON string: validated by the engine
    const theme = this.getAttribute('theme');
    if (theme) options.theme = theme;
    options.readonly = this.hasAttribute('readonly') || this.hasAttribute('for');
    options.lang = languageOf(this.getAttribute('lang'));
    options.uiLang = languageOf(this.getAttribute('ui-lang'));
    options.compact = this.hasAttribute('compact');
    if (options.compact) {
      // The evidence is shown in the host's own article, not repeated.
      options.onEvidence = (sentences, jump) => {
        const source = this.#source();
        if (source) highlightEvidence(source, sentences, jump);
      };
    }
    return options;
  }

  async #mount() {
    try {
      const options = { ...this.#options(), text: this.#text() };
      this.#handle = await mount(this, options);
      this.#clearError();
      const source = this.#source();
      if (source) {
        this.#observer = new MutationObserver(() => {
          clearTimeout(this.#timer);
          this.#timer = setTimeout(() => this.#handle?.setText(this.#text()), WAIT_MS);
        });
        this.#observer.observe(source, { childList: true, subtree: true, characterData: true });
      }
    } catch (e) {
      this.#showError(e);
    }
  }

  #teardown() {
    clearTimeout(this.#timer);
    this.#observer?.disconnect();
    this.#observer = null;
    this.#handle?.destroy();
    this.#handle = null;
  }

  #showError(e) {
    const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
    let box = root.querySelector('.fg-embed-error');
    if (!box) {
      box = document.createElement('p');
      box.className = 'fg-embed-error';
      box.setAttribute('role', 'alert');
      root.prepend(box);
    }
    box.textContent = `factgrid: ${e && e.message ? e.message : e}`;
  }

  #clearError() {
    this.shadowRoot?.querySelector('.fg-embed-error')?.remove();
  }
}

if (!customElements.get('fact-grid')) customElements.define('fact-grid', FactGridElement);
