// Browser glue for factgrid that is simpler in JavaScript than through
// web-sys: compression for permalinks, the clipboard, downloads. Loaded as
// an ES module next to the wasm (no inline script, CSP-friendly).

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

/** Text → deflate-raw → base64url. */
export async function compressText(text) {
  return toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

/**
 * base64url → inflate → text, stopping as soon as more than `limit` bytes
 * come out (a small link may inflate to gigabytes). Rejects with
 * 'too-large' or 'malformed'.
 */
export async function decompressText(data, limit) {
  let bytes;
  try { bytes = fromBase64Url(data); } catch (_) { throw 'malformed'; }
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const parts = [];
  let size = 0;
  for (;;) {
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
  parts.push(decoder.decode());
  return parts.join('');
}

/** Fetch a text file; rejects unless the answer is 200 OK. */
export async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status}`);
  return response.text();
}

/** Copy text to the clipboard; resolves to true on success. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (_) {
    return false;
  }
}

/** Remove the fragment from the address bar, leaving history as it is. */
export function clearFragment() {
  history.replaceState(history.state, '', location.pathname + location.search);
}

/** Offer `text` as a file download named `name`. */
export function downloadText(name, mime, text) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Offer `json`, indented by two spaces, as a download named `name`. */
export function downloadJson(name, json) {
  downloadText(name, 'application/json', JSON.stringify(JSON.parse(json), null, 2));
}
