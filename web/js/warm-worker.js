// The app's warm-up worker, bundled apart into web/warm-worker.js (started
// by web/js/start.js once app.wasm is compiled ahead of a touch). V8
// compiles a WebAssembly function at its first call, on the thread that
// calls it, and the module's compiled code is shared by every thread that
// has the module: this worker runs the app's start once (app.Warm: the Go
// runtime's start, the packages' set-up, the site's settings and the
// page's pack read), so that the page's own run is compiled code and holds
// the page's thread far less. Message in: {module, exec (wasm_exec.js),
// meta (the page's nianbao-site settings as JSON), pack (the address of
// the page's report pack, or "")}; out: {warm: true} once the program
// ended well having read all it was given, else {warm: false[, error]}.
// The page ends the worker then.
import { inflated } from "./pack.js";

self.onmessage = async ({ data: { module, exec, meta, pack } }) => {
  try {
    importScripts(exec);
    let bytes = null;
    if (pack) {
      // A pack that does not come is not warmed; the rest still is.
      try {
        const res = await fetch(pack);
        bytes = res.ok ? new Uint8Array(await inflated(res)) : null;
      } catch {}
    }
    self.nianbaoWarm = { meta, pack: bytes, ok: false };
    const go = new self.Go();
    let code = -1;
    go.exit = (c) => (code = c);
    const instance = await WebAssembly.instantiate(module, go.importObject);
    await go.run(instance); // resolves once main has warmed and returned
    // Warmed: the program ended well and read all it was given (ok).
    self.postMessage({ warm: code === 0 && self.nianbaoWarm.ok === true });
  } catch (err) {
    self.postMessage({ warm: false, error: String(err) });
  }
};
