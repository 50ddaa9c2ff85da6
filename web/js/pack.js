// A report's pack is kept on the site only compressed with gzip
// (r/<id>.<hash>.json.gz, catalog.PackName), and every reader of a pack
// reads it through here. A server that labels .gz files with
// Content-Encoding: gzip has the browser inflate it already; one that sends
// it as it is (application/gzip, application/octet-stream) leaves it to
// DecompressionStream. The first two bytes tell which: a gzip stream's are
// 1f 8b, which no JSON text begins with. A browser without
// DecompressionStream (Safari before 16.4: an iPhone 7 stays on iOS 15)
// inflates with web/inflate.js (fflate), loaded only then (NIANBAO_INFLATE,
// its address).
import { loadScript } from "./load.js";

// readyToInflate loads fflate where the browser has no
// DecompressionStream and it is not loaded yet: the pre-publication check
// does before a file is chosen, after which it makes no request.
export const readyToInflate = async () => {
  if (typeof DecompressionStream !== "undefined" || self.nianbaoGunzip) {
    return;
  }
  if (typeof importScripts === "function") {
    importScripts(NIANBAO_INFLATE); // a worker
  } else {
    await loadScript(NIANBAO_INFLATE);
  }
};

// gunzip inflates gzip bytes with the browser's DecompressionStream, or
// with fflate where the browser has none.
const gunzip = async (buf) => {
  if (typeof DecompressionStream !== "undefined") {
    const stream = new Blob([buf]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer();
  }
  await readyToInflate();
  const out = self.nianbaoGunzip(new Uint8Array(buf));
  return out.byteLength === out.buffer.byteLength ? out.buffer : out.slice().buffer;
};

// inflated is the bytes of a response's body, inflated if they are gzip.
export const inflated = async (res) => {
  const buf = await res.arrayBuffer();
  const head = new Uint8Array(buf, 0, Math.min(2, buf.byteLength));
  return head[0] === 0x1f && head[1] === 0x8b ? gunzip(buf) : buf;
};

// inflatedText is a response's body as text, inflated if it is gzip.
export const inflatedText = async (res) => new TextDecoder().decode(await inflated(res));

// inflatedJSON is a response's body parsed as JSON, inflated if it is gzip.
export const inflatedJSON = async (res) => JSON.parse(await inflatedText(res));
