// Browser glue for factgrid, simpler in JavaScript than through web-sys;
// each function is documented where src/glue.rs binds it.
function toBase64Url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(s) {
  const b64 = s.replaceAll('-', '+').replaceAll('_', '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export async function linkTo(text) {
  const data = toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
  return `${location.href.split('#')[0]}#text=${data}`;
}

export async function decompressText(data, limit) {
  let bytes;
  try { bytes = fromBase64Url(data); } catch (_) { throw 'malformed'; }
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Fed 1 KB at a time: a chunk inflates to at most about 1 MB, so the
  // budget is checked before much more than it is unpacked.
  (async () => {
    for (let i = 0; i < bytes.length; i += 1024) {
      await writer.ready;
      await writer.write(bytes.subarray(i, i + 1024));
    }
    await writer.close();
  })().catch(() => {});
  const reader = stream.readable.getReader();
  const decoder = new TextDecoder();
  const parts = [];
  for (let size = 0; ;) {
    let chunk;
    try { chunk = await reader.read(); } catch (_) { throw 'malformed'; }
    if (chunk.done) break;
    size += chunk.value.length;
    if (size > limit) {
      reader.cancel().catch(() => {});
      throw 'too-large';
    }
    parts.push(decoder.decode(chunk.value, { stream: true }));
  }
  return parts.join('') + decoder.decode();
}

export async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status}`);
  return response.text();
}

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (_) {
    return false;
  }
}

export function nextStorageChange(key) {
  return new Promise((resolve) => {
    const listener = (e) => {
      if (e.key !== key || e.newValue === null) return;
      removeEventListener('storage', listener);
      resolve(e.newValue);
    };
    addEventListener('storage', listener);
  });
}

export function takeLinkFragment() {
  if (!location.hash.startsWith('#text=')) return null;
  const data = location.hash.slice(6);
  history.replaceState(history.state, '', location.pathname + location.search);
  return data;
}

export function downloadText(name, mime, text) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadJson(name, json) {
  downloadText(name, 'application/json', JSON.stringify(JSON.parse(json), null, 2));
}

export function browserLanguage() {
  return (typeof navigator !== 'undefined' && navigator.language) || '';
}

export function nextTask() {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => resolve();
    port2.postMessage(0);
  });
}

export function dragOver(event, zone) {
  if (event.dataTransfer && [...event.dataTransfer.types].includes('Files')) {
    event.preventDefault();
    zone?.classList.add('fg-dropping');
  }
}

export function dragLeave(event, zone) {
  if (zone && !zone.contains(event.relatedTarget)) zone.classList.remove('fg-dropping');
}

export function droppedFiles(event, zone) {
  zone?.classList.remove('fg-dropping');
  const files = [...(event.dataTransfer?.files || [])];
  if (!files.length) return null;
  event.preventDefault();
  return files;
}

export function pastedString(event) {
  return event.clipboardData?.getData('text/plain') ?? null;
}

export async function utf8InSlices(text) {
  const encoder = new TextEncoder();
  const parts = [];
  let size = 0;
  for (let i = 0; i < text.length;) {
    let end = Math.min(text.length, i + 0x80000);
    // Never between the two halves of a surrogate pair.
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

export function wholeSelected(area) {
  return area.selectionStart === 0 && area.selectionEnd === area.textLength && area.textLength > 0;
}

export function scrollToSentence(root, i) {
  queueMicrotask(() => {
    const el = root?.querySelector(`[data-sentence="${i}"]`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  });
}

export function showCrashNotice(lang, message, reload) {
  if (!document.body || document.getElementById('fg-crash')) return;
  const banner = document.createElement('div');
  banner.id = 'fg-crash';
  banner.className = 'fg-crash';
  banner.setAttribute('role', 'alert');
  banner.lang = lang;
  banner.textContent = message;
  const link = document.createElement('a');
  link.href = '';
  link.textContent = reload;
  banner.append(link);
  document.body.prepend(banner);
}

// The page's analysis worker, shared by its widgets: see src/pool.rs.
const pools = new Map();
let halted = false;

class Pool {
  constructor(url) {
    this.url = url;
    this.worker = null;
    this.queue = [];
    this.running = null;
    this.clients = new Set();
    this.profiles = new Map();
    this.sent = new Set();
    this.nextId = 1;
  }

  start() {
    // (embed.js registers how to start its own worker.js, in the form a
    // bundler recognises; any other URL is started as it is.)
    const start = globalThis[Symbol.for('factgrid.workers')]?.get(this.url);
    this.worker = start ? start() : new Worker(this.url, { type: 'module' });
    this.sent.clear();
    this.worker.onmessage = (event) => {
      const { id, parts, error } = event.data || {};
      const job = this.running;
      if (!job || job.id !== id) return;
      this.running = null;
      if (parts) job.resolve(parts);
      else job.reject(String(error || 'the analysis failed'));
      this.next();
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      // Not loaded (blocked), or dead: so would the next jobs be.
      this.stop();
      for (const job of this.queue.splice(0)) job.reject('blocked');
    };
  }

  stop(outcome = 'blocked') {
    this.worker?.terminate();
    this.worker = null;
    if (outcome) this.running?.reject(outcome);
    else this.running?.resolve(null);
    this.running = null;
  }

  next() {
    if (this.running || !this.queue.length || halted) return;
    if (!this.worker) {
      try {
        this.start();
      } catch (_) {
        for (const job of this.queue.splice(0)) job.reject('blocked');
        return;
      }
    }
    const job = this.queue.shift();
    this.running = job;
    let profile = 0;
    if (job.profile != null) {
      if (!this.profiles.has(job.profile)) this.profiles.set(job.profile, this.profiles.size + 1);
      profile = this.profiles.get(job.profile);
      if (!this.sent.has(profile)) {
        this.worker.postMessage({ profile, json: job.profile });
        this.sent.add(profile);
      }
    }
    // The Russian or Ukrainian profile (not in the WebAssembly: the page
    // fetched it), once per worker.
    if (job.builtin != null && !this.sent.has(`builtin:${job.lang}`)) {
      this.worker.postMessage({ builtin: job.lang, json: job.builtin });
      this.sent.add(`builtin:${job.lang}`);
    }
    this.worker.postMessage({ id: job.id, bytes: job.bytes, profile, lang: job.lang }, [job.bytes.buffer]);
    job.bytes = null;
  }

  cancel(client) {
    const i = this.queue.findIndex((job) => job.client === client);
    if (i >= 0) this.queue.splice(i, 1)[0].resolve(null);
    if (this.running?.client === client) this.stop(null);
  }
}

let nextClient = 1;

export function openClient(url) {
  const client = nextClient++;
  if (!pools.has(url)) pools.set(url, new Pool(url));
  pools.get(url).clients.add(client);
  return client;
}

export function analyzeInWorker(url, client, bytes, profile, lang, builtin) {
  const pool = pools.get(url);
  if (halted || !pool || !pool.clients.has(client)) return Promise.resolve(null);
  pool.cancel(client);
  return new Promise((resolve, reject) => {
    pool.queue.push({ id: pool.nextId++, client, bytes, profile, lang, builtin, resolve, reject });
    pool.next();
  });
}

export function cancelJob(url, client) {
  pools.get(url)?.cancel(client);
  pools.get(url)?.next();
}

export function closeClient(url, client) {
  const pool = pools.get(url);
  if (!pool) return;
  pool.cancel(client);
  pool.clients.delete(client);
  if (!pool.clients.size) {
    pool.stop();
    pools.delete(url);
  } else {
    pool.next();
  }
}

export function haltWorkers() {
  halted = true;
  for (const pool of pools.values()) {
    for (const job of pool.queue.splice(0)) job.resolve(null);
    pool.stop(null);
  }
}
