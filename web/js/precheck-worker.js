// The pre-publication check's worker (发布前体检, the page /precheck): it runs
// the importer, compiled to a WebAssembly of its own (web/precheck), off the
// page's thread. On "start" it loads wasm_exec.js, the checker and the
// catalog index (its directory and blocks), all before a file is chosen; on "check" it checks a file's
// bytes and answers with the result. Nothing it does after "start" makes a
// request: the body's previous report, for the cross-year check in every
// column, is read from the site's cache (the Cache API, no request), if a
// visit put it there; else the index's 总计 serves.
import { inflatedText, readyToInflate } from "./pack.js";

let checker = null;
let base = "";

const start = async ({ exec, wasm, index }) => {
  importScripts(exec);
  const go = new self.Go();
  let result;
  try {
    result = await WebAssembly.instantiateStreaming(fetch(wasm), go.importObject);
  } catch {
    // A server that sends the WebAssembly without application/wasm.
    result = await WebAssembly.instantiate(await (await fetch(wasm)).arrayBuffer(), go.importObject);
  }
  go.run(result.instance); // main registers nianbaoChecker and waits
  checker = self.nianbaoChecker;
  // A browser without DecompressionStream reads a cached previous pack
  // with fflate: loaded now, not once a file is chosen.
  try {
    await readyToInflate();
  } catch {}
  // The index's directory, then its blocks (the key figures and packs):
  // the check reads the index only when every part of it is in.
  let blocks = null;
  if (index) {
    try {
      const res = await fetch(index);
      const files = res.ok ? checker.index(await res.text()) : null;
      if (files) {
        const dir = index.slice(0, index.lastIndexOf("/") + 1);
        blocks = files.map((f) => dir + f);
        const texts = await Promise.all(blocks.map((u) => fetch(u).then((r) => (r.ok ? r.text() : Promise.reject(u)))));
        if (!texts.every((text, i) => checker.block(i, text))) {
          blocks = null;
        }
      }
    } catch {
      blocks = null;
    }
  }
  return blocks;
};

const previousPack = async (name) => {
  if (!name || !self.caches) {
    return "";
  }
  try {
    const hit = await caches.match(base + "/data/" + name);
    return hit ? await inflatedText(hit) : "";
  } catch {
    return "";
  }
};

self.onmessage = async (event) => {
  const m = event.data;
  if (m.type === "start") {
    base = m.base || "";
    try {
      const blocks = await start(m);
      self.postMessage({ type: "ready", index: !!blocks, blocks: blocks || [] });
    } catch (err) {
      self.postMessage({ type: "failed", message: String(err) });
    }
    return;
  }
  if (m.type === "check" && checker) {
    const bytes = new Uint8Array(m.bytes);
    let result = JSON.parse(checker.check(bytes, m.name, ""));
    const prev = result.prev && !result.prev_full ? await previousPack(result.prev) : "";
    if (prev) {
      result = JSON.parse(checker.check(bytes, m.name, prev));
    }
    self.postMessage({ type: "result", id: m.id, result });
  }
};
