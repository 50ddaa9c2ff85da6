import { root, site } from "./dom.js";
import { fitOption } from "./fit.js";
import { inflatedJSON } from "./pack.js";

// Charts: every chart of the site is drawn by mount, from the option its
// prerendered page names, long before the WebAssembly arrives: read from
// the report's pack (data-chart: the pack's URL and a JSON pointer to the
// option; one file for all of a report's pages, fetched when the first
// chart comes near the screen) or carried by the page (data-option, base64
// of the JSON, for a chart made where it is shown); and from the option the
// app gives it (app/js.go) once the app runs: one way to draw a chart.
//
// fit(el, option) fits an option to its element (web/js/fit.js) and makes
// the element taller where the chart needs the room; it runs again
// whenever the element's size changes.
//
// Charts are drawn off the page's thread: ECharts (half a megabyte of
// script, most of a phone's second to compile and start) runs in a worker
// (web/js/chart-worker.js) that draws into the chart's canvas
// (OffscreenCanvas), so that a page being read, or the app's next page,
// never freezes. When a pointer comes over a chart or touches it, an
// image is saved or the page printed, ECharts loads on the page, from the
// same file, and each chart moves to it as it was, with its tooltips, its
// images and its clicks; from then on charts are drawn on the page. A
// click on a chart that leads somewhere is placed by the worker until then.
// A kiosk's charts, an embed's, and a browser's without OffscreenCanvas,
// are drawn on the page.

// measure reads what fitting an option needs of its element: its type
// size and colour, its width, and its height as the style sheet sets it.
const measure = (el) => {
  el.style.height = "";
  const cs = getComputedStyle(el);
  return {
    px: Math.round(parseFloat(cs.fontSize)) || 18,
    ink: cs.color || "#1a1a1a",
    W: el.clientWidth || 600,
    H: el.clientHeight,
  };
};

// fit fits option to el, and el's height to what the chart needs.
export const fit = (el, option) => {
  const size = measure(el);
  const { option: o, need } = fitOption(option, size);
  if (need > size.H) {
    el.style.height = need + "px";
  }
  return o;
};


// The charts mounted on the page: a kiosk runs for days, and each one is
// disposed when its element goes away (test builds count them).
const live = new Set();

const resized = window.ResizeObserver
  ? new ResizeObserver((entries) => {
      for (const e of entries) {
        for (const c of live) {
          if ((c.chart || c.off) && (c.el === e.target || c.parent === e.target)) {
            c.draw();
          }
        }
      }
    })
  : null;

// ECharts is loaded on the page when a chart is to be drawn there (see
// toPage), never with the page: a page without charts (the catalog) never
// loads it, and one with charts reads its text first.
let echartsLoading = null;
export function loadECharts() {
  if (window.echarts) {
    return Promise.resolve(window.echarts);
  }
  if (!echartsLoading) {
    echartsLoading = new Promise((resolve, reject) => {
      const s = document.createElement("script");
      s.src = site.base + "/web/echarts.min.js";
      s.onload = () => (window.echarts ? resolve(window.echarts) : reject(new Error("ECharts did not load")));
      s.onerror = () => {
        echartsLoading = null; // a later chart tries again
        reject(new Error("ECharts did not load"));
      };
      document.head.appendChild(s);
    });
  }
  return echartsLoading;
}

// The charts' worker (web/js/chart-worker.js): made for the first chart
// drawn off the page's thread, kept for the next page's (the app's
// navigation), ended once the charts have moved to the page. offPage says
// whether charts are drawn there: where the browser can, until they move
// (toPage), and never on a kiosk (its app starts at once).
const canOffscreen =
  typeof Worker === "function" &&
  typeof OffscreenCanvas === "function" &&
  typeof HTMLCanvasElement === "function" &&
  !!HTMLCanvasElement.prototype.transferControlToOffscreen;
let offPage = canOffscreen;
let worker = null;
let workerFailed = false; // its script, or ECharts in it, did not load
let lastId = 0;
const inWorker = new Map(); // a chart's id in the worker → the chart
// A click the worker placed may come back after its chart moved to the
// page: the chart's click is kept by id until the chart goes.
const clicks = new Map();
const theWorker = () => {
  if (!worker) {
    worker = new Worker(site.base + "/web/chart-worker.js");
    worker.onmessage = (e) => {
      const c = inWorker.get(e.data.id);
      if (e.data.clicked != null && clicks.has(e.data.id)) {
        clicks.get(e.data.id)(e.data.clicked);
      } else if (c && e.data.drawn && c.off) {
        c.off.drawn = true;
      } else if (c && e.data.error && c.off) {
        // The chart failed in the worker: tried again a while later, as
        // on the page; on the page, where ECharts itself did not load in
        // the worker.
        console.warn("年报透视: a chart was not drawn", e.data.error);
        leaveWorker(c);
        if (e.data.load) {
          workerFailed = true;
          toPage().catch(() => {});
        }
        retry(c);
      }
    };
    // A worker that cannot run (its script did not load): its charts move
    // to the page.
    worker.onerror = (e) => {
      e.preventDefault();
      workerFailed = true;
      toPage().catch(() => {});
    };
  }
  return worker;
};
const leaveWorker = (c) => {
  inWorker.delete(c.off.id);
  worker.postMessage({ id: c.off.id, dispose: true });
  c.off.canvas.remove();
  c.off = null;
  endWorker();
};
// endWorker ends the worker once no chart is or will be drawn there.
const endWorker = () => {
  if (worker && !offPage && inWorker.size === 0) {
    worker.terminate();
    worker = null;
  }
};

// toPage moves the page's charts from the worker to the page's own
// ECharts, which it loads: when a pointer comes over a chart or touches
// it, before saving a chart's image (printing draws them where they are:
// drawEvery). It returns a
// promise of the move (which a failed load of ECharts rejects: the charts
// stay as the worker drew them).
let moving = null;
export function toPage() {
  // Charts that start meanwhile wait for the page's ECharts.
  offPage = false;
  if (!moving) {
    moving = loadECharts().then(
      () => {
        for (const c of [...inWorker.values()]) {
          leaveWorker(c);
          c.start(); // ECharts clears the element as it draws
        }
        endWorker();
      },
      (err) => {
        // The charts stay as the worker drew them, and the next charts
        // are drawn there still; the next touch tries again.
        moving = null;
        offPage = canOffscreen && !workerFailed;
        throw err;
      }
    );
  }
  return moving;
}

// Charts are drawn as they come near the screen, one a task: drawing every
// chart of a long page at once held the page for its whole length.
const queue = [];
let running = false;
const drawNext = async () => {
  const c = queue.shift();
  if (!c) {
    running = false;
    return;
  }
  try {
    await Promise.all([offPage && c.offable ? null : loadECharts(), c.ready()]);
    if (!(offPage && c.offable)) {
      await loadECharts(); // the charts moved to the page meanwhile
    }
    c.start();
  } catch (err) {
    console.warn("年报透视: a chart was not drawn", err);
    retry(c);
  }
  setTimeout(drawNext, 0);
};

// retry tries a chart again that did not draw (ECharts or its option did
// not load: a network that dropped), a while later and when the network
// is back: from 2 s, doubling to a minute. Its table is there meanwhile.
const retry = (c) => {
  c.wait = Math.min((c.wait || 1000) * 2, 60000);
  const again = () => {
    clearTimeout(c.retry);
    removeEventListener("online", again);
    if (!live.has(c) || c.chart || c.off) {
      return;
    }
    c.queued = false;
    if (near) {
      near.observe(c.el); // drawn when near the screen, as at first
    } else {
      c.queued = true;
      schedule(c);
    }
  };
  c.again = again;
  c.retry = setTimeout(again, c.wait);
  addEventListener("online", again);
};
const schedule = (c) => {
  queue.push(c);
  if (!running) {
    running = true;
    setTimeout(drawNext, 0);
  }
};
const near = window.IntersectionObserver
  ? new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const c = [...live].find((x) => x.el === e.target);
          if (e.isIntersecting && c && !c.chart && !c.queued) {
            c.queued = true;
            near.unobserve(c.el);
            schedule(c);
          }
        }
      },
      { rootMargin: "50% 0px" }
    )
  : null;

// mount draws an option (a JSON string, or a function that fetches it)
// into el once el comes near the screen, and returns the chart:
// setOption(json) draws another option, dispose() frees the instance, its
// observers and its click handler. onClick, when given, gets the name of a
// clicked data item. Where ECharts or the option does not load, the
// chart's table stays available.
//
// offable says the chart may be drawn in the charts' worker until the
// charts move to the page (see toPage): the page's own charts, and the
// app's (a click on one the worker draws is placed by the worker).
export function mount(el, json, onClick, offable) {
  if (!el) {
    return null;
  }
  const c = {
    el,
    parent: el.parentElement,
    option: typeof json === "function" ? null : JSON.parse(json),
    offable: !!offable,
    onClick,
    chart: null,
    off: null, // {id, canvas} while the worker draws it
    loading: null,
    // ready resolves once the option is there.
    ready() {
      if (c.option) {
        return Promise.resolve();
      }
      if (!c.loading) {
        c.loading = json().then(
          (o) => {
            c.option = o;
          },
          (err) => {
            c.loading = null; // the chart tries again when drawn next
            throw err;
          }
        );
      }
      return c.loading;
    },
    start() {
      if (c.chart || c.off || !c.option || !live.has(c)) {
        return;
      }
      if (offPage && c.offable) {
        const canvas = document.createElement("canvas");
        canvas.className = "chart-off";
        c.off = { id: ++lastId, canvas, offscreen: canvas.transferControlToOffscreen(), drawn: false };
        inWorker.set(c.off.id, c);
        // In place at once: the worker's frames reach the screen without
        // the page's thread, which the app may be holding. Until the first
        // one, the canvas is clear over the box's 图表载入中… (style.css).
        el.appendChild(canvas);
        if (onClick) {
          // A click is the worker's to place: it says which item was hit.
          clicks.delete(c.clickId);
          c.clickId = c.off.id;
          clicks.set(c.clickId, onClick);
          canvas.addEventListener("click", (e) => {
            if (c.off && worker) {
              worker.postMessage({ id: c.off.id, click: [e.offsetX, e.offsetY] });
            }
          });
        }
        try {
          c.draw();
        } catch (err) {
          leaveWorker(c); // tried again whole (drawNext's retry)
          throw err;
        }
      } else {
        c.chart = echarts.init(el, null, { renderer: "canvas", locale: "ZH" });
        if (onClick) {
          c.chart.on("click", (p) => onClick(p.name));
        }
        c.draw();
      }
      if (resized) {
        resized.observe(el);
        // A larger type changes the figure's height even where the
        // chart's own height is set in pixels.
        if (c.parent) {
          resized.observe(c.parent);
        }
      }
    },
    draw() {
      if (c.off) {
        const option = fit(c.el, c.option);
        // The box as laid out (a border in forced colours is not the
        // canvas's).
        const width = c.el.clientWidth || 600, height = c.el.clientHeight || 400;
        // The worker's canvas covers the box's text: it is painted in the
        // box's own colour.
        const bg = getComputedStyle(c.el).backgroundColor;
        option.backgroundColor = bg === "rgba(0, 0, 0, 0)" ? "#ffffff" : bg;
        const m = { id: c.off.id, option, width, height, dpr: window.devicePixelRatio || 1 };
        const sent = c.off.offscreen ? [c.off.offscreen] : [];
        if (sent.length) {
          m.canvas = c.off.offscreen; // with the chart's first message
          c.off.offscreen = null;
        }
        theWorker().postMessage(m, sent);
        return;
      }
      if (!c.chart) {
        return;
      }
      const o = fit(c.el, c.option);
      // A tooltip shown across a redraw is shown again, a tick later, by
      // the tooltip view the redraw replaced, whose element is gone
      // (ECharts 5.6): hidden first, it is not.
      c.chart.dispatchAction({ type: "hideTip" });
      c.chart.resize();
      c.chart.setOption(o, true);
    },
    setOption(json) {
      c.option = JSON.parse(json);
      c.draw();
    },
    dispose() {
      if (!live.delete(c)) {
        return;
      }
      clearTimeout(c.retry);
      clicks.delete(c.clickId);
      if (c.again) {
        removeEventListener("online", c.again);
      }
      if (near) {
        near.unobserve(c.el);
      }
      if (resized) {
        resized.unobserve(c.el);
        if (c.parent) {
          resized.unobserve(c.parent);
        }
      }
      if (c.off) {
        leaveWorker(c);
      }
      if (c.chart) {
        c.chart.off("click");
        c.chart.dispose();
        c.chart = null;
      }
      c.el.style.height = "";
    },
  };
  live.add(c);
  if (near) {
    near.observe(el);
  } else {
    schedule(c);
  }
  return c;
}

// drawAll draws every chart mounted, near the screen or not, on the page
// (for a test build).
export async function drawAll() {
  await toPage();
  await drawEvery();
}

// drawEvery draws every chart mounted, near the screen or not, where
// charts are drawn now (the worker, or the page): before printing.
export async function drawEvery() {
  await Promise.allSettled([...live].map((c) => c.ready()));
  if (!offPage) {
    await loadECharts();
  }
  for (const c of live) {
    c.start();
  }
}

// liveCount is how many instances are alive (for test builds).
export const liveCount = () => live.size;

// drawnBy says who drew the chart in el: "page", "worker" (once the worker
// said so), or "" (for test builds).
export const drawnBy = (el) => {
  const c = [...live].find((x) => x.el === el);
  return !c ? "" : c.chart ? "page" : c.off && c.off.drawn ? "worker" : "";
};

const decode = (s) => new TextDecoder().decode(Uint8Array.from(atob(s), (ch) => ch.charCodeAt(0)));

// The charts the page itself drew before the app ran.
const early = [];

// The documents the page's charts are read from (their packs), fetched
// once for the page: a report's pages name one pack for all their charts.
const docs = new Map();
const fetchDoc = (url) => {
  if (!docs.has(url)) {
    const p = fetch(url, { credentials: "same-origin" }).then((r) => {
      if (!r.ok) {
        throw new Error(url + ": HTTP " + r.status);
      }
      return inflatedJSON(r);
    });
    p.catch(() => docs.delete(url)); // a later chart tries again
    docs.set(url, p);
  }
  return docs.get(url);
};

// readOption fetches the option a data-chart names: the document's URL, a
// "#", and a JSON pointer (RFC 6901) to the option in it.
export const readOption = async (src) => {
  const i = src.indexOf("#");
  const doc = await fetchDoc(i < 0 ? src : src.slice(0, i));
  let v = doc;
  for (const t of i < 0 ? [] : src.slice(i + 1).split("/").slice(1)) {
    v = v == null ? undefined : v[t.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  if (v == null || typeof v !== "object") {
    throw new Error(src + ": no chart there");
  }
  return v;
};

// afterFirstPaint calls fn once the page's text has been painted: its
// charts' work (their file, ECharts, drawing) waits for that, not the
// other way round.
const afterFirstPaint = (fn) => {
  let done = false;
  const go = () => {
    if (!done) {
      done = true;
      fn();
    }
  };
  if (window.PerformanceObserver && (PerformanceObserver.supportedEntryTypes || []).includes("paint")) {
    new PerformanceObserver((list, o) => {
      o.disconnect();
      go();
    }).observe({ type: "paint", buffered: true });
  } else {
    requestAnimationFrame(() => setTimeout(go, 0));
  }
};

// A pointer over a chart, or a touch on one (but a finger on a chart that
// leads somewhere when clicked): the page's charts move to the page
// (toPage), for their tooltips. Any other first touch or key starts the
// app, whose charts the worker draws too: moving the charts then made the
// app's start half a second slower at 4x CPU (ECharts' compilation in its
// way), and the app's charts came 0.7 s after its page.
const touches = ["pointerover", "pointerdown", "click"];
const touched = (e) => {
  const el = e.target.closest && e.target.closest(".chart-canvas");
  if (!el) {
    return;
  }
  // A finger moves the charts by a tap (its click), not by a scroll that
  // starts on a chart; a tap on a chart that leads somewhere goes to the
  // worker, and the page's thread stays free for where it leads.
  if (e.type !== "click" && e.pointerType !== "mouse" && e.pointerType !== "pen") {
    return;
  }
  const c = [...live].find((x) => x.el === el);
  if (e.type === "click" && c && c.off && c.onClick) {
    return;
  }
  toPage().then(
    () => touches.forEach((t) => removeEventListener(t, touched, true)),
    () => {} // the charts stay as the worker drew them; the next touch tries again
  );
};

// drawEarly mounts every chart of the prerendered page once its text is
// painted: each is drawn as it comes near the screen, off the page's
// thread until a pointer comes to a chart (a kiosk's on the page at once).
export function drawEarly() {
  if (root.classList.contains("kiosk")) {
    offPage = false;
  }
  touches.forEach((t) => addEventListener(t, touched, { capture: true, passive: true }));
  afterFirstPaint(mountEarly);
}

const mountEarly = () => {
  if (root.dataset.app === "running") {
    return; // the app draws its own
  }
  for (const el of document.querySelectorAll(".chart-canvas[data-chart], .chart-canvas[data-option]")) {
    if ([...live].some((c) => c.el === el)) {
      continue;
    }
    try {
      const src = el.dataset.chart;
      const c = mount(el, src ? () => readOption(src) : decode(el.dataset.option), null, true);
      if (c) {
        early.push(c);
      }
    } catch (err) {
      console.warn("年报透视: a chart was not drawn", err);
    }
  }
};

// disposeEarly disposes the page's own charts: the app draws its own into
// the elements it renders.
export function disposeEarly() {
  early.splice(0).forEach((c) => c.dispose());
  docs.clear();
}
