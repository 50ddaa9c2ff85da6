// The pre-publication check's worker (发布前体检, the page /precheck): it runs
// the importer, compiled to a WebAssembly of its own (web/precheck), off the
// page's thread. On "start" it loads wasm_exec.js, the checker and the
// catalog index, all before a file is chosen; on "check" it checks a file's
// bytes and answers with the result. Nothing it does after "start" makes a
// request: the body's previous report, for the cross-year check in every
// column, is read from the site's cache (the Cache API, no request), if a
// visit put it there; else the index's 总计 serves.
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
  let withIndex = false;
  if (index) {
    try {
      const res = await fetch(index);
      withIndex = res.ok && checker.index(await res.text());
    } catch {}
  }
  return withIndex;
};

const previousPack = async (name) => {
  if (!name || !self.caches) {
    return "";
  }
  try {
    const hit = await caches.match(base + "/data/" + name);
    return hit ? await hit.text() : "";
  } catch {
    return "";
  }
};

self.onmessage = async (event) => {
  const m = event.data;
  if (m.type === "start") {
    base = m.base || "";
    try {
      self.postMessage({ type: "ready", index: await start(m) });
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
