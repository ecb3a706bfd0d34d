// factgrid's analysis worker: see src/pool.rs and the pool in www/glue.js.
import init, { Engine, provideProfile } from './factgrid.js';

const ready = init({ module_or_path: new URL('./factgrid_bg.wasm', import.meta.url) });
const engines = new Map();

self.onmessage = async (event) => {
  const { id, bytes, profile, json, lang, builtin } = event.data || {};
  try {
    await ready;
    // The Russian or Ukrainian profile, fetched by the page (they are not
    // in the WebAssembly).
    if (builtin !== undefined) {
      try { provideProfile(builtin, json); } catch (_) { /* the job says so */ }
      engines.delete(0); // (made again, with that language)
      return;
    }
    if (json !== undefined) {
      try { engines.set(profile, new Engine(json)); } catch (e) { engines.set(profile, e); }
      return;
    }
    if (!profile && !engines.has(0)) engines.set(0, new Engine());
    const engine = engines.get(profile);
    if (!engine) throw new Error('the profile did not reach the worker');
    if (engine instanceof Error) throw engine;
    const parts = engine.analyze(bytes, lang);
    self.postMessage({ id, parts }, parts.map((p) => p.buffer));
  } catch (e) {
    if (id !== undefined) self.postMessage({ id, error: String((e && e.message) || e) });
  }
};
