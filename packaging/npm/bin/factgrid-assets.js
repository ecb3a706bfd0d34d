#!/usr/bin/env node
// factgrid-assets DIR: copy the files factgrid loads at run time into DIR,
// the folder your bundle is served from.
//
// embed.js finds them with `new URL('./file', import.meta.url)`. Bundlers
// that follow such URLs (Vite, webpack, Parcel) copy them by themselves;
// with esbuild or Rollup, import.meta.url is the bundle's own URL, so the
// files must sit beside the bundle:
//
//   esbuild src/main.js --bundle --format=esm --outdir=public && factgrid-assets public
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The WebAssembly module, the stylesheet, the worker for large texts with
// the wasm-bindgen module it imports (and that module's snippets), and the
// example article the widget offers, and the Russian and Ukrainian
// profiles (fetched only when a text in those languages needs one).
const ASSETS = ['factgrid_bg.wasm', 'factgrid.css', 'worker.js', 'factgrid.js', 'snippets', 'example-article.txt',
  'profile-ru.json', 'profile-uk.json'];

const [dir, ...rest] = process.argv.slice(2);
if (!dir || rest.length || dir.startsWith('-')) {
  console.error('usage: factgrid-assets DIR   (copies the files factgrid loads at run time into DIR)');
  process.exit(2);
}
const from = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
fs.mkdirSync(dir, { recursive: true });
for (const name of ASSETS) {
  fs.cpSync(path.join(from, name), path.join(dir, name), { recursive: true });
}
console.log(`factgrid-assets: copied ${ASSETS.join(', ')} to ${dir}`);
