// Trunk post_build hook.
//
// 1. Moves trunk's inline loader <script type="module"> into boot.js, so that
//    the pages run under a strict Content-Security-Policy with no
//    'unsafe-inline' (script-src 'self' 'wasm-unsafe-eval'), and drops the
//    loader's `window.wasmBindings` global (a page has no business calling
//    into the module), except in the end-to-end tests' build with test
//    hooks (FACTGRID_TEST_HOOKS=1, with `--features test-hooks`).
// 2. Writes copies of the wasm-bindgen output and the stylesheet under
//    stable names (factgrid.js, factgrid_bg.wasm, factgrid.css) for pages
//    that embed factgrid through embed.js.
// 3. Writes the Russian and Ukrainian profiles (crates/engine/data, without
//    their white space, as the engine's build.rs compacts the English one)
//    as profile-ru.json and profile-uk.json: the widget's WebAssembly does
//    not carry them, and fetches one when a text in that language needs it.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from trunk');
const index = path.join(dir, 'index.html');
let html = fs.readFileSync(index, 'utf8');
// (Quoted or not: release builds minify the page.)
const re = /<script type="?module"?>([\s\S]*?)<\/script>/;
const m = html.match(re);
if (m) {
  let boot = m[1].trim();
  if (!process.env.FACTGRID_TEST_HOOKS) {
    boot = boot.replace(/^\s*window\.wasmBindings = bindings;\s*$/m, '').replace('import init, * as bindings from', 'import init from');
  }
  if (!process.env.FACTGRID_TEST_HOOKS && boot.includes('wasmBindings')) throw new Error(`boot.js still sets a global: ${boot}`);
  fs.writeFileSync(path.join(dir, 'boot.js'), boot + '\n');
  html = html.replace(re, '<script type="module" src="boot.js"></script>');
  fs.writeFileSync(index, html);
}
const files = fs.readdirSync(dir);
const js = files.find((f) => /^factgrid-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => /^factgrid-[0-9a-f]+_bg\.wasm$/.test(f));
if (js && wasm) {
  const src = fs.readFileSync(path.join(dir, js), 'utf8').replaceAll(wasm, 'factgrid_bg.wasm');
  fs.writeFileSync(path.join(dir, 'factgrid.js'), src);
  fs.copyFileSync(path.join(dir, wasm), path.join(dir, 'factgrid_bg.wasm'));
}
const css = files.find((f) => /^style-[0-9a-f]+\.css$/.test(f));
if (css) fs.copyFileSync(path.join(dir, css), path.join(dir, 'factgrid.css'));

// Without white space outside strings (the same as crates/engine/build.rs).
function compact(json) {
  let out = '';
  let inString = false;
  let escaped = false;
  for (const c of json) {
    if (inString) {
      out += c;
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out;
}
const data = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'crates', 'engine', 'data');
for (const code of ['ru', 'uk']) {
  const json = fs.readFileSync(path.join(data, `profile-${code}.json`), 'utf8');
  fs.writeFileSync(path.join(dir, `profile-${code}.json`), compact(json));
}
