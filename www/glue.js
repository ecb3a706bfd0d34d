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

/** base64url → inflate → text; rejects on anything malformed. At most `limit` bytes. */
export async function decompressText(data, limit) {
  const bytes = await pipe(fromBase64Url(data), new DecompressionStream('deflate-raw'));
  if (bytes.length > limit) throw new Error('the linked text is too large');
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
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
