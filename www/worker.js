// factgrid's analysis worker: the same engine, off the main thread, for
// large texts. Receives { id, text } and answers { id, words } (the report
// in compact form, transferred without a copy) or { id, error }. Loaded as
// a module worker from the page's own origin.
import init, { analyzeCompact } from './factgrid.js';

const ready = init({ module_or_path: new URL('./factgrid_bg.wasm', import.meta.url) });

self.onmessage = async (event) => {
  const { id, text } = event.data || {};
  try {
    await ready;
    const words = analyzeCompact(String(text ?? ''));
    self.postMessage({ id, words }, [words.buffer]);
  } catch (e) {
    self.postMessage({ id, error: String((e && e.message) || e) });
  }
};
