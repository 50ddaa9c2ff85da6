// What every module of the site's script shares: the page's root element,
// the site's settings as the build wrote them into the page, storage that
// never throws, and delegated event listeners.

export const root = document.documentElement;

// The site's settings: those the build wrote into every page's <meta
// name="nianbao-site"> (app.SiteMeta in Go: the path the site is served
// under, the catalog index's URL, the kiosk's idle time), and app.wasm's
// address and size, which the build gives this script (NIANBAO_WASM).
export const site = (() => {
  const s = { base: "", index: "", kiosk: 0, origin: "", noFetchAhead: false, wasm: NIANBAO_WASM.url, wasmSize: NIANBAO_WASM.size };
  const m = document.querySelector('meta[name="nianbao-site"]');
  try {
    const page = m ? JSON.parse(m.content) : {};
    for (const k of ["base", "index", "kiosk"]) {
      if (k in page) {
        s[k] = page[k];
      }
    }
    // The site's public origin (for 扫码带走 and the embeds' snippets).
    s.origin = (page.site && page.site.origin) || "";
    // The site file's fetch_ahead: false (start.js).
    s.noFetchAhead = !!(page.site && page.site.noFetchAhead);
  } catch {}
  return s;
})();

// The home page of the site.
export const home = site.base + "/";

// localStorage and sessionStorage that never throw (private modes, quotas).
const guarded = (name) => ({
  get(k) {
    try {
      return window[name].getItem(k);
    } catch {
      return null;
    }
  },
  set(k, v) {
    try {
      v === null ? window[name].removeItem(k) : window[name].setItem(k, v);
    } catch {}
  },
});
export const local = guarded("localStorage");
export const session = guarded("sessionStorage");

// on calls handler(event, element) for an event whose target is inside an
// element matching selector.
export const on = (type, selector, handler, capture = false) =>
  document.addEventListener(
    type,
    (event) => {
      const el = event.target && event.target.closest && event.target.closest(selector);
      if (el) {
        handler(event, el);
      }
    },
    capture
  );

// ready runs f once the document is parsed.
export const ready = (f) =>
  document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", f) : f();

// appRunning says whether the WebAssembly app has mounted its first page:
// the page's own handlers then stand back for the app's.
export const appRunning = () => root.dataset.app === "running";

// loadScript loads a script of the site once (web/js/load.js).
export { loadScript } from "./load.js";
