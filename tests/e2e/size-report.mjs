// Prints the gzipped size of what a browser downloads for the app, in two
// parts, and fails when the first is above the budget:
//
// - initial download: what every reader downloads (wasm, JS including
//   wasm-bindgen snippets, CSS). The budget applies to this.
// - loaded on demand: files fetched only when a text needs them, never
//   before (the Russian and Ukrainian profiles, profile-ru.json and
//   profile-uk.json: one of them, once, for a reader of an article in that
//   language; an English reader downloads neither).
//
// The budget: 460 KB gzipped, a ceiling against further growth, not the
// goal. (It was 250 KB until the figure stages, article comparison, the
// web-page reducer and the worker pool took the app to 302 KB, and the
// code English shares with the Russian and Ukrainian reading (dialogue
// regions, case-aware scanning) to 314.6 KB. The widget reading Russian
// and Ukrainian too (issue 14: the engine's cased-languages feature) and
// speaking them (the strings table, src/i18n.rs) took it to 361.2 KB; the
// evidence that says why (its own label, cue words, resolved speakers,
// mixed counts, the legend) to 366.0 KB. Comparing several articles in
// the widget (issue 13: the engine's compare, figure values,
// dateline/byline detection and Markdown/CSV writers, which the widget did
// not link before; serde_json for the comparison's JSON; the compare
// panel) took it to 458.8 KB, measured; reading the saved set with the
// browser's JSON parser instead of serde_json's deserializer took 10.9 KB
// off (447.9 KB); writing the comparison's JSON (and the saved set's) by
// hand, without serde_json, 3.4 KB more (444.4 KB); the Russian and
// Ukrainian profiles out of the WebAssembly, fetched on demand, 20.1 KB
// more (424.3 KB initial, 23.6 KB on demand); main's stance and holder
// rules of the same day 1.9 KB (426.2 KB). Checking, correcting and citing
// (issue 16 items 9-11, 14: the corrections layer, citations, the
// article's details, the widget's own Markdown/CSV/JSON writers,
// navigation, compact mode and their strings in three languages), merged
// after, took it to 456.9 KB initial (main alone:
// 480.3 KB); the evidence rules merged next (plan terms, joint
// nationalities, the stance rules of issue 11 and their word lists in the
// English profile) to 458.8 KB. Issue 12's target is 200 KB
// and README "Measured" says where the bytes go.) The stable-name copies
// for embedding are the same bytes and are not counted twice; the demo
// pages' own files are not the app.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const BUDGET = 460 * 1024;
const SKIP = new Set(['factgrid.js', 'factgrid_bg.wasm', 'factgrid.css', 'embed.js', 'demo.css', 'demo-two.js']);
function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}
const ON_DEMAND = /^profile-(ru|uk)\.json$/;
const files = walk(dist).filter((f) => !SKIP.has(path.basename(f)));
function report(title, list) {
  let total = 0;
  console.log(`${title}:`);
  for (const file of list.sort()) {
    const raw = fs.readFileSync(file);
    const gz = zlib.gzipSync(raw, { level: 9 }).length;
    total += gz;
    console.log(`  ${path.relative(dist, file).padEnd(58)} ${String(raw.length).padStart(9)} B  ${(gz / 1024).toFixed(1).padStart(7)} KB gz`);
  }
  return total;
}
const initial = report('initial download (every reader)', files.filter((f) => /\.(wasm|js|css)$/.test(f)));
const later = report('loaded on demand (only when a text needs it)', files.filter((f) => ON_DEMAND.test(path.basename(f))));
console.log(`total initial download (gzip): ${(initial / 1024).toFixed(1)} KB of ${BUDGET / 1024} KB budget`);
console.log(`loaded on demand (gzip): ${(later / 1024).toFixed(1)} KB (a Russian or Ukrainian article: one profile, once)`);
if (initial > BUDGET) { console.error('size: over budget'); process.exit(1); }
