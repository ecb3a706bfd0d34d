// Prints the gzipped size of what a browser downloads for the app and
// fails when it exceeds the budget (250 KB of wasm + JS + CSS, gzipped).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const BUDGET = 250 * 1024;
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = fs.readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f) && (html.includes(f) || f === 'boot.js' || f.endsWith('_bg.wasm') && html.includes(f.replace('_bg.wasm', '.js'))));
let total = 0;
for (const f of files) {
  const raw = fs.readFileSync(path.join(dist, f));
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  total += gz;
  console.log(`${f.padEnd(40)} ${String(raw.length).padStart(9)} B  ${(gz / 1024).toFixed(1).padStart(7)} KB gz`);
}
console.log(`total app download (gzip): ${(total / 1024).toFixed(1)} KB of ${BUDGET / 1024} KB budget`);
if (total > BUDGET) { console.error('size: over budget'); process.exit(1); }
