// Starts the WebAssembly app (go-app): the page is whole without it — its
// charts, 图/表, images, 长者模式 and links all work — so the app starts only
// when the visitor starts to use the page, never in the way of reading
// it (a scroll is reading). A kiosk starts it at once. A page read a while
// on a link not paid by the byte has app.wasm fetched ahead, by the service
// worker, so that the first touch does not wait for the download
// (prefetchWhenRead). ?wasm=false keeps the page without the
// app (and so do robots).
//
// go-app's own loader (app.js) is not used (third_party/go-app patch
// own-loader): this module gives go-app what it asks of the page, its
// environment through window.goappGetenv.
import { root, site, loadScript } from "./dom.js";
import { keep } from "./keep.js";
import { addressFilters, filterKeys } from "./quick.js";

let started = null;
// The service worker's fetch of the app ahead of a touch, while it runs: a
// start waits for it rather than download the app a second time.
let prefetching = null;
// The app compiled ahead, once fetched ahead: a promise of its
// WebAssembly.Module (null if it did not compile).
let compiled = null;
// The Go program run ahead or by a start (runApp): a promise that
// resolves once go.run has returned, at the program's first wait (its
// first yield to the browser; it then reads the page's data and waits for
// the visitor in whenWanted).
let running = null;
// Whether the visitor wants the app (startApp), and the program's call to
// mount the page when they do (whenWanted).
let wantedNow = false;
let mountWhenWanted = null;

// idle(f, {timeout}) calls f once the browser is idle (at once where it
// cannot say).
const idle = (f, o) => (window.requestIdleCallback ? requestIdleCallback(f, o) : setTimeout(f, 1));

// The app's files: go-app's runtime glue and the WebAssembly; and the
// worker that warms the app run ahead of a touch (warm).
const appFiles = () => [site.base + "/web/wasm_exec.js", site.wasm, site.base + "/web/warm-worker.js"];

const label = () => document.getElementById("app-wasm-loader-label");
const notice = () => document.getElementById("app-wasm-loader");


// fetchWasm fetches app.wasm for the compiler as fetched: the browser
// compiles a fetched body as it arrives, off the page's thread, where a
// body piped through a script's stream to count it cost the page a call
// per chunk (290 ms of its thread at 4x CPU). The progress, in percent of
// the size the build wrote (Content-Length is the compressed size), is
// read from a copy, and only once the notice shows (shown resolves): a
// quick start never reads it. stop() lets the copy go.
async function fetchWasm(url, size, progress, shown) {
  const res = await fetch(url);
  if (!res.ok || !res.body || !size) {
    return { res, stop() {} };
  }
  const copy = res.clone();
  let stopped = false;
  let reader = null;
  shown.then(async () => {
    if (stopped) {
      return;
    }
    reader = copy.body.getReader();
    let loaded = 0;
    let told = -1;
    for (;;) {
      const { done, value } = await reader.read();
      if (done || stopped) {
        break;
      }
      loaded += value.byteLength;
      const p = Math.min(100, Math.floor((loaded * 100) / size));
      if (p !== told) {
        progress(p);
        told = p;
      }
    }
  }).catch(() => {});
  return {
    res,
    stop() {
      stopped = true;
      // A reader holds the copy's body locked: it is the one to cancel.
      (reader ? reader.cancel() : copy.body.cancel()).catch(() => {});
    },
  };
}

// runApp fetches (unless kept), compiles (unless compiled ahead) and runs
// the Go program until its first wait; it goes on to read the page's data
// and then waits for the visitor to want the app (nianbao.whenWanted)
// before go-app mounts the page. It runs once; a run that failed is tried
// again by the next call. progress and shown are the start notice's
// (startApp).
function runApp(progress = () => {}, shown = new Promise(() => {})) {
  if (running) {
    return running;
  }
  window.goappGetenv = (k) =>
    ({ GOAPP_ROOT_PREFIX: site.base, GOAPP_STATIC_RESOURCES_URL: site.base, GOAPP_INTERNAL_URLS: "[]" })[k];
  running = (async () => {
    let fetched = null;
    try {
      await prefetching;
      await loadScript(appFiles()[0]);
      const go = new window.Go();
      let wasm;
      const module = compiled && (await compiled);
      compiled = null;
      if (module) {
        wasm = { instance: await WebAssembly.instantiate(module, go.importObject) };
      } else {
        try {
          fetched = await fetchWasm(site.wasm, site.wasmSize, progress, shown);
          wasm = await WebAssembly.instantiateStreaming(fetched.res, go.importObject);
        } catch {
          // A server that sends app.wasm without application/wasm.
          fetched?.stop();
          fetched = null;
          wasm = await WebAssembly.instantiate(await (await fetch(site.wasm)).arrayBuffer(), go.importObject);
        }
      }
      go.run(wasm.instance); // returns once the program waits
    } catch (err) {
      running = null;
      throw err;
    } finally {
      fetched?.stop();
    }
  })();
  return running;
}

// waiting says whether the Go program waits for the visitor to mount the
// page (a test build's hook).
export const waiting = () => mountWhenWanted !== null;

// whenWanted(f) is the app's question, asked once its runtime is ready to
// mount the page: true if the visitor wants the app already; else f is
// called when the visitor does (startApp), and the app mounts the page in
// that call.
export function whenWanted(f) {
  if (wantedNow) {
    return true;
  }
  mountWhenWanted = f;
  return false;
}

// startApp starts the app, once: it runs the Go program (or takes the one
// run ahead) and lets it mount the page once after resolves (the end of the
// interaction that started it: see gestureEnd). It returns a promise of
// its start.
export function startApp(after = Promise.resolve()) {
  if (started) {
    return started;
  }
  root.dataset.app = "starting";
  // The notice shows only if the start takes a while.
  let show;
  const shown = new Promise((resolve) => (show = resolve));
  const timer = setTimeout(() => {
    if (notice() && root.dataset.app === "starting") {
      notice().hidden = false;
      show();
    }
  }, 600);
  const progress = (p) => {
    if (label()) {
      label().textContent = "正在启动交互功能 " + p + "%";
    }
  };
  started = (async () => {
    try {
      await runApp(progress, shown);
      await after;
      wantedNow = true;
      const mount = mountWhenWanted;
      mountWhenWanted = null;
      if (mount) {
        mount(); // returns once the app waits for events
      }
      clearTimeout(timer);
      if (notice()) {
        notice().remove();
      }
    } catch (err) {
      clearTimeout(timer);
      root.dataset.app = "failed";
      console.error("年报透视: the app did not start", err);
      if (notice() && label()) {
        label().textContent = "交互功能未能启动，页面内容和下载仍可使用。";
        notice().hidden = false;
      }
    }
  })();
  return started;
}

const wanted = () =>
  new URLSearchParams(location.search).get("wasm") !== "false" &&
  !/bot|crawler|spider|robot|crawling/i.test(navigator.userAgent) &&
  typeof WebAssembly === "object";

// viewInAddress says whether the address holds a view only the app shows:
// /compare?r=…, /ranking?…, /reports with a sort, a page of the app's or
// a comparison (its search and filters the page answers itself,
// web/js/quick.js). A page prerendered on a view says which (data-shows:
// its parameters, as in its address): an address asking that one the page
// already shows.
function viewInAddress() {
  const path = location.pathname.slice(site.base.length);
  const q = new URLSearchParams(location.search);
  q.delete("wasm");
  q.delete("table");
  if (path === "/reports") {
    q.delete("q");
    if (addressFilters()) {
      for (const k of filterKeys) {
        q.delete(k);
      }
    }
  }
  const shows = document.querySelector("[data-shows]");
  for (const [k, v] of new URLSearchParams(shows ? shows.dataset.shows : "")) {
    if (q.get(k) === v) {
      q.delete(k);
    }
  }
  return ["/compare", "/ranking", "/reports"].includes(path) && [...q.keys()].length > 0;
}

// How long a page is read, visible, before its app is fetched ahead: a
// visitor who leaves sooner (or only glances) downloads none of it.
const readFor = 3000;

// linkAllows says whether the visitor's link and wishes allow fetching the
// app before it is asked for: a link not paid by the byte, as far as the
// browser tells. Not when the browser says the visitor saves data
// (Save-Data, Lite mode), or the link is slower than 4G (effectiveType
// slow-2g, 2g, 3g: 1.2 MB there takes seconds the page's own requests
// would share), or it is a mobile network (navigator.connection.type,
// which Chrome on Android gives: only wifi and ethernet are taken). A
// browser that does not say what its link is (desktop Chromium, Safari,
// Firefox) is taken as a computer's link unless its main pointer is a
// finger: a phone that may be on its mobile network. A reader on a phone's
// data then moves the page and its charts only (about 210 kB), and the
// app at their first tap.
function linkAllows() {
  const c = navigator.connection;
  if (c && (c.saveData || (c.effectiveType && c.effectiveType !== "4g"))) {
    return false;
  }
  if (c && c.type) {
    return c.type === "wifi" || c.type === "ethernet";
  }
  return !matchMedia("(pointer: coarse)").matches;
}

// pageFiles are the page's address and the data files it names (a
// report's pack, the files its charts are read from): a first visit's
// page loaded before the service worker served it, which kept neither,
// and the app, started offline, reads them again.
function pageFiles() {
  const files = new Set([location.pathname]);
  for (const el of document.querySelectorAll("[data-pack], .chart-canvas[data-chart]")) {
    const f = el.dataset.pack || (el.dataset.chart || "").split("#")[0];
    if (f) {
      files.add(f);
    }
  }
  return [...files];
}

// warm has the app's start run once in a worker of its own
// (web/js/warm-worker.js, app.Warm in Go) with the compiled module: V8
// compiles a WebAssembly function at its first call, on the thread that
// calls it, and shares the compiled code with every thread that has the
// module, so the page's own run of the start is then compiled code. At 4x
// CPU that compiling was most of the run ahead's longest task on the
// page's thread (the Go program's start up to main: 235–272 ms on the
// front page; run compiled, about 60). It resolves once the worker is done
// (root's data-app-warm: "warm", or "failed" where it could not run: the
// page then compiles as it runs), and after 10 s whatever it did.
function warm(module) {
  return new Promise((resolve) => {
    let worker = null;
    const done = (ok) => {
      clearTimeout(timer);
      worker?.terminate();
      if (!root.dataset.appWarm) {
        root.dataset.appWarm = ok ? "warm" : "failed";
      }
      resolve();
    };
    const timer = setTimeout(() => done(false), 10000);
    try {
      worker = new Worker(appFiles()[2]);
      worker.onmessage = (e) => done(!!(e.data && e.data.warm));
      worker.onerror = (e) => {
        e.preventDefault();
        done(false);
      };
      const meta = document.querySelector('meta[name="nianbao-site"]');
      // The pack's address as the page reads it (the worker's own is
      // web/, which a relative one would be read against).
      const pack = document.querySelector("[data-pack]");
      const packURL = pack && pack.dataset.pack ? new URL(pack.dataset.pack, location.href).href : "";
      worker.postMessage({ module, exec: appFiles()[0], meta: meta ? meta.content : "", pack: packURL });
    } catch {
      done(false);
    }
  });
}

// runAhead compiles the app kept on the device, off the page's thread
// (the browser compiles a fetched body as it comes, from the worker's
// cache here), has its start warmed in a worker (warm), then, once the
// page is idle, runs the Go program until it waits for the visitor: its
// runtime's start, its packages' set-up and the page's data read. A touch
// then only mounts the page. Kept on the device, a start's compiling and
// the program's run up to the mount took about 300 and 350 ms of a start
// at 4x CPU.
function runAhead() {
  compiled = WebAssembly.compileStreaming(fetch(site.wasm)).catch(() => null);
  compiled.then(async (m) => {
    if (m && !started) {
      await warm(m);
      idle(() => started || runApp().catch(() => {}), { timeout: 1000 });
    }
  });
}

// prefetchWhenRead has the service worker fetch and keep the app's files
// (then the page's: pageFiles) once the page has been visible readFor ms
// after its load and the browser is idle, off the page's thread; then the
// app is compiled and run up to the mount (runAhead). The first touch
// then only mounts the page: 0.3–0.9 s at 4x CPU, where the download
// alone takes 1.1–1.5 s on a 4G link. Not on a link that does not allow it
// (linkAllows: a phone's mobile network or a phone that does not say its
// link, Save-Data, slower than 4G), nor once the app has started, nor on a
// site whose site file says fetch_ahead: false; root's data-app-prefetch
// says where it is ("fetching", "kept", "failed").
function prefetchWhenRead() {
  if (!("serviceWorker" in navigator) || site.noFetchAhead) {
    return;
  }
  let timer = 0;
  let loaded = false;
  // The time read counts only while the page is visible.
  const wait = () => {
    clearTimeout(timer);
    if (loaded && document.visibilityState === "visible") {
      timer = setTimeout(() => idle(fetchAhead, { timeout: 1000 }), readFor);
    }
  };
  const fetchAhead = () => {
    // Kept only by a worker that serves this page: one still installing
    // (a first visit) would keep it where the page's start does not look.
    if (started || root.dataset.appPrefetch || !navigator.serviceWorker.controller || document.visibilityState !== "visible" || !linkAllows()) {
      return;
    }
    document.removeEventListener("visibilitychange", wait);
    root.dataset.appPrefetch = "fetching";
    // A start waits for the app's files only; the page's follow.
    prefetching = keep(appFiles());
    prefetching
      .then((kept) => {
        prefetching = null;
        if (kept && !started) {
          runAhead();
        }
        return kept && keep(pageFiles());
      })
      .catch(() => false)
      .then((kept) => (root.dataset.appPrefetch = kept ? "kept" : "failed"));
  };
  document.addEventListener("visibilitychange", wait);
  // A first visit's worker takes the page over after its install.
  navigator.serviceWorker.addEventListener("controllerchange", wait, { once: true });
  const onLoad = () => {
    loaded = true;
    wait();
  };
  document.readyState === "complete" ? onLoad() : addEventListener("load", onLoad, { once: true });
}

// gestureEnd is a promise that resolves in a task after the interaction
// that event begins has ended: for a mouse's press, after its click (or a
// cancelled or moved press: pointercancel, or 600 ms after pointerup
// without a click); after keyup for a key; in the next task for a click (a
// tap's) or a focus. The app's mount replaces the page's elements: run
// ahead, it was ready inside the pointerdown, and
// a mouse's click then went to no element (its press was on an element the
// mount had removed).
function gestureEnd(event) {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (event.type === "keydown") {
      addEventListener("keyup", later, { capture: true, once: true });
      return;
    }
    if (event.type !== "pointerdown") {
      later();
      return;
    }
    let done = false;
    const end = () => {
      if (!done) {
        done = true;
        removeEventListener("click", end, true);
        removeEventListener("pointercancel", end, true);
        later();
      }
    };
    addEventListener("click", end, { capture: true, once: true });
    addEventListener("pointercancel", end, { capture: true, once: true });
    addEventListener("pointerup", () => setTimeout(end, 600), { capture: true, once: true });
    setTimeout(end, 3000); // a press that never ends
  });
}

// scrollKeys move the page, as a reader does: they start nothing.
const scrollKeys = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "PageUp", "PageDown", "Home", "End", " "]);

// A key that reads or leaves the page, or works the browser, without a
// control: a modifier alone, Escape, the context menu's, a function key.
const readingKey = (event) =>
  scrollKeys.has(event.key) ||
  ["Shift", "Control", "Alt", "Meta", "CapsLock", "Escape", "ContextMenu"].includes(event.key) ||
  /^F[0-9]+$/.test(event.key) ||
  event.ctrlKey ||
  event.metaKey ||
  event.altKey;

// deliberate says whether an event is a visitor's act on the page rather
// than their reading of it: a mouse's main button pressed, a tap (its
// click: a finger or a pen that scrolls gives none), a key that is not a
// reader's (readingKey: Ctrl+C, a scroll, Shift; on a control, every key),
// a focus the browser shows. A right button (a menu to copy or translate),
// a middle one (autoscroll, a link in a new tab) start nothing.
function deliberate(event) {
  switch (event.type) {
    case "pointerdown":
      return event.pointerType === "mouse" && event.button === 0;
    case "keydown":
      return !readingKey(event) || !!event.target.closest?.("input, select, textarea, button, [contenteditable]");
    case "focusin":
      // A focus the browser shows (a key's, a screen reader's), or a text
      // box's: not a link's or a region's under a right button's press.
      // A browser without :focus-visible (Safari before 15.4) counts every
      // focus.
      try {
        return !!event.target.matches?.(":focus-visible, input, select, textarea");
      } catch {
        return true;
      }
    default:
      return true;
  }
}

// initStart starts the app when it is wanted: at once on a kiosk, else at
// the visitor's first act on the page (deliberate: a finger that scrolls,
// or a key that scrolls, is reading it). Every page is whole without it,
// and its links lead to pages as whole; a page read a while on a link not
// paid by the byte has it fetched and run ahead, up to its mount
// (prefetchWhenRead), which the act then asks for once it has ended
// (gestureEnd).
export function initStart() {
  if (!wanted()) {
    return;
  }
  // A kiosk starts it at once; so does a page whose view its address
  // decides and the page cannot show (a comparison's reports, a ranking
  // other than the one prerendered, the catalog's sort or app's page:
  // viewInAddress), and a shared link must open on what was shared.
  if (root.classList.contains("kiosk") || viewInAddress()) {
    startApp();
    return;
  }
  const types = ["pointerdown", "click", "keydown", "focusin"];
  const go = (event) => {
    if (!deliberate(event)) {
      return;
    }
    for (const t of types) {
      removeEventListener(t, go, true);
    }
    startApp(gestureEnd(event));
  };
  for (const t of types) {
    addEventListener(t, go, { capture: true, passive: true });
  }
  prefetchWhenRead();
}
