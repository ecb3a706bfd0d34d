// The npm package as a web developer meets it. scripts/package packs the
// release build; a scratch host project (target/package-host, from
// host/) installs the tarball offline and is built twice: by esbuild,
// followed by the package's factgrid-assets command (esbuild does not
// follow `new URL(…, import.meta.url)`), and by Vite, which does. Debian's
// Chromium opens each build under a strict Content-Security-Policy and
// waits for the grids. Then tsc checks the host's code against the
// declarations, with real reports from the page as data, so that the
// hand-written report types cannot drift from the Rust ones.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';
import { serve, launch, openPage, root, shots } from '../e2e/harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const host = path.join(root, 'target', 'package-host');
const pkg = path.join(host, 'node_modules', 'factgrid');
const WORKER_BYTES = 256 * 1024; // above this the widget analyses in worker.js

let browser;
const servers = {};
/** Reports from the page's analyze() and events, for the type check. */
const samples = [];

function run(cmd, args, options = {}) {
  const out = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (out.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${out.status}):\n${out.stdout}\n${out.stderr}`);
  }
  return out.stdout;
}

before(async () => {
  const packed = run(path.join(root, 'scripts', 'package'), [], { cwd: root });
  const tgz = path.join(root, packed.trim().split('\n').at(-1).replace(/^package: /, ''));
  assert.ok(fs.existsSync(tgz), `scripts/package made ${tgz}`);

  fs.rmSync(host, { recursive: true, force: true });
  fs.cpSync(path.join(here, 'host'), host, { recursive: true });
  fs.writeFileSync(path.join(host, 'package.json'), JSON.stringify({
    name: 'factgrid-host', private: true, type: 'module', dependencies: { factgrid: `file:${tgz}` },
  }, null, 2));
  // Offline: the tarball has no dependencies, so nothing is fetched.
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: host });
  // React's types, for src/react.tsx.
  fs.symlinkSync(path.join(here, 'node_modules', '@types'), path.join(host, 'node_modules', '@types'));

  // esbuild, then the assets beside the bundle.
  const assets = path.join(host, 'node_modules', '.bin', 'factgrid-assets');
  const out = path.join(host, 'out-esbuild');
  await esbuild.build({
    absWorkingDir: host, entryPoints: ['src/main.ts'], bundle: true, format: 'esm',
    platform: 'browser', target: 'es2022', outdir: out, logLevel: 'error',
  });
  fs.writeFileSync(path.join(out, 'index.html'),
    fs.readFileSync(path.join(host, 'index.html'), 'utf8').replace('src="/src/main.ts"', 'src="main.js"'));
  run(assets, [out], { cwd: host });

  // Vite, with no configuration; a copy of the assets in public/factgrid
  // only for the workerUrl workaround (see the Vite worker tests).
  run(assets, ['public/factgrid'], { cwd: host });
  await viteBuild({ root: host, configFile: false, logLevel: 'error', build: { outDir: 'dist-vite' } });

  browser = await launch();
  servers.esbuild = await serve(out);
  servers.vite = await serve(path.join(host, 'dist-vite'));
});

after(async () => {
  await browser?.close();
  for (const s of Object.values(servers)) await s.close();
});

/** The grid inside a host element's shadow root, as { 'party/topic': stance }. */
function shadowGrid(page, selector) {
  return page.evaluate((selector) => {
    const out = {};
    for (const td of document.querySelector(selector)?.shadowRoot?.querySelectorAll('td.fg-cell[data-stance]') ?? []) {
      out[`${td.dataset.party}/${td.dataset.topic}`] = td.dataset.stance;
    }
    return out;
  }, selector);
}

async function waitGrid(page, selector, predicate = (g) => Object.keys(g).length > 0, tries = 200) {
  const failed = () => page.evaluate((s) => document.querySelector(s)?.shadowRoot?.textContent.match(/The analysis failed[^.]*/)?.[0], selector);
  let message;
  for (let i = 0; i < tries && !message; i++) {
    const g = await shadowGrid(page, selector);
    if (predicate(g)) return g;
    message = await failed();
    await page.waitForTimeout(50);
  }
  throw new Error(`no grid in ${selector}: ${JSON.stringify(await shadowGrid(page, selector))}; ` +
    `${message ?? 'no message'}; page errors: ${page.errors.join('; ')}`);
}

/** Open a built host page and check both widgets, the event and onReport. */
async function checkHost(name) {
  const server = servers[name];
  const page = await openPage(browser, `${server.url}/index.html`);
  const first = await waitGrid(page, '#first');
  assert.equal(first['ukraine/ceasefire'], 'supports');
  assert.equal(first['ukraine/territory'], 'opposes');
  assert.equal(first['russia/kursk'], 'acts');
  assert.deepEqual(await waitGrid(page, '#second'), { 'ukraine/territory': 'opposes' });
  // The stylesheet reached the shadow roots (the user agent's tables are 'separate').
  const collapse = await page.evaluate(() => getComputedStyle(document.querySelector('#second').shadowRoot.querySelector('table')).borderCollapse);
  assert.equal(collapse, 'collapse', 'factgrid.css applies inside the widget');

  const got = await page.evaluate(() => ({ event: window.host.events.at(-1), second: window.host.secondReports.at(-1) }));
  assert.equal(got.event?.schema, 'factgrid.report/1', 'factgrid-report reached the document');
  assert.ok(got.event.cells.some((c) => c.party === 'russia' && c.topic === 'kursk'));
  assert.deepEqual(got.second.cells.map((c) => `${c.party}/${c.topic}`), ['ukraine/territory'], 'onReport');

  const foreign = page.requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'only the host page\'s own files are loaded');
  await page.screenshot({ path: path.join(shots, `package-${name}.png`), fullPage: true });
  assert.deepEqual(page.errors, []);
  return { page, got };
}

/** Put a text over 256 KB into window.host.second (shown in `selector`): worker.js analyses it. */
async function checkWorker(page, selector = '#second') {
  const paragraph = 'Moscow rejected the ceasefire proposal on Monday. Ukraine accepted the American plan for a 30-day truce.\n\n';
  const text = paragraph.repeat(Math.ceil((WORKER_BYTES + 1024) / paragraph.length));
  await page.evaluate((t) => window.host.second.setText(t), text);
  const grid = await waitGrid(page, selector, (g) => g['russia/ceasefire'] === 'opposes', 400);
  assert.equal(grid['ukraine/ceasefire'], 'supports');
  assert.ok(page.requests.some((u) => /\/worker[-\w]*\.js(\?|$)/.test(u)), 'the worker was loaded');
  assert.deepEqual(page.errors, []);
}

test('the installed package holds every file its package.json names', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
  const targets = [manifest.main, manifest.types, ...Object.values(manifest.bin),
    ...Object.values(manifest.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)))];
  for (const t of targets) assert.ok(fs.existsSync(path.join(pkg, t)), `${t} is in the package`);
  assert.equal(manifest.exports['.'].default, './embed.js');
});

test('a bare import \'factgrid\' survives bundling (sideEffects) and defines <fact-grid>', async () => {
  const built = await esbuild.build({
    absWorkingDir: host, entryPoints: ['src/element.ts'], bundle: true, format: 'esm', write: false, logLevel: 'silent',
  });
  const code = built.outputFiles[0].text;
  assert.match(code, /customElements\.define\("fact-grid"/, `the element's definition is in the bundle (${code.length} bytes)`);
});

test('esbuild + factgrid-assets: <fact-grid>, mount(), analyze(), and worker.js for large texts', async () => {
  const { page, got } = await checkHost('esbuild');
  // Reports for the type check: the golden articles, a text with a
  // question and a control character (a notice), and the events' reports.
  const golden = path.join(root, 'crates', 'engine', 'tests', 'data', 'golden');
  const texts = fs.readdirSync(golden).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => fs.readFileSync(path.join(golden, f), 'utf8'));
  texts.push('Trump asked whether the ceasefire would hold.\u0001 Kyiv said it would not give up land.');
  for (const text of texts) samples.push(await page.evaluate((t) => window.host.analyze(t), text));
  samples.push(got.event, got.second);
  await checkWorker(page);
  await page.context().close();
});

test('Vite (no configuration): <fact-grid>, mount() and the stylesheet', async () => {
  const { page } = await checkHost('vite');
  assert.deepEqual(page.requests.filter((u) => u.includes('/factgrid/')), [], 'Vite\'s own copies, not public/factgrid');
  await page.context().close();
});

test('Vite: mount() with workerUrl pointing at factgrid-assets in public/ analyses a text over 256 KB', async () => {
  const { page } = await checkHost('vite');
  await page.evaluate(async () => {
    const box = document.createElement('section');
    box.id = 'third';
    document.body.append(box);
    window.host.second.destroy();
    window.host.second = await window.host.mount(box, { workerUrl: '/factgrid/worker.js', panels: ['grid'] });
  });
  try { await checkWorker(page, '#third'); } finally { await page.context().close(); }
});

test('Vite: a text over 256 KB in worker.js, with no configuration (Vite bundles the worker embed.js starts)', async () => {
  const { page } = await checkHost('vite');
  try { await checkWorker(page); } finally { await page.context().close(); }
});

test('tsc --noEmit: the host code, the mistakes the types refuse, React JSX, every real report, every export', async () => {
  assert.ok(samples.length >= 5, 'reports from the esbuild test');
  // Every field of the report is filled in some sample (no field only
  // ever null, no list only ever empty), so tsc checks the type of each.
  const unfilled = new Map();
  const walk = (v, at) => {
    if (!unfilled.has(at)) unfilled.set(at, true);
    if (v === null || (Array.isArray(v) && v.length === 0)) return;
    unfilled.set(at, false);
    if (Array.isArray(v)) v.forEach((x) => walk(x, `${at}[]`));
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
  };
  samples.forEach((r) => walk(r, 'report'));
  assert.deepEqual([...unfilled].filter(([, u]) => u).map(([at]) => at), [], 'fields never filled in the samples');

  // The real reports as typed data: an object literal may hold only the
  // fields its type declares, so a field Rust adds without a type here
  // fails, as does one that changes type or disappears.
  fs.writeFileSync(path.join(host, 'src', 'reports.ts'),
    '// Written by tests/package/package.test.js: reports from the packaged widget.\n' +
    `import type { Report } from 'factgrid';\n\nexport const reports: Report[] = ${JSON.stringify(samples, null, 1)};\n`);

  // The module's exports and the declared ones are the same names.
  const meta = await esbuild.build({
    entryPoints: [path.join(pkg, 'embed.js')], bundle: false, write: false, metafile: true,
    format: 'esm', outdir: 'unused', logLevel: 'error',
  });
  const runtime = Object.values(meta.metafile.outputs)[0].exports;
  assert.ok(runtime.includes('mount') && runtime.includes('analyze'), `exports of embed.js: ${runtime}`);
  fs.writeFileSync(path.join(host, 'src', 'exports.ts'),
    `// Written by tests/package/package.test.js: embed.js exports ${runtime.join(', ')}.\n` +
    `import type * as api from 'factgrid';\n\n` +
    `type Runtime = ${runtime.map((n) => `'${n}'`).join(' | ')};\ntype Declared = keyof typeof api;\n` +
    'export const exportsMatch: [Exclude<Runtime, Declared>, Exclude<Declared, Runtime>] extends [never, never]\n' +
    '  ? true\n  : { undeclared: Exclude<Runtime, Declared>; declaredButMissing: Exclude<Declared, Runtime> } = true;\n');

  // The host's code (skipping library files, as most projects do), then
  // the declarations on their own, which that skips.
  const tsc = path.join(here, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const project of ['tsconfig.json', 'tsconfig.declarations.json']) {
    const out = spawnSync(process.execPath, [tsc, '--noEmit', '-p', path.join(host, project)], { encoding: 'utf8' });
    assert.equal(out.status, 0, `tsc --noEmit -p ${project} failed:\n${out.stdout}${out.stderr}`);
  }
});
