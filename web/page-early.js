// Runs in every prerendered page, before and without the WebAssembly app,
// so that the page is honest and usable on its own (with ?wasm=false, on a
// slow link, or should the app fail):
// - an old link to /outcomes?cat=X goes to the prerendered page of that
//   category, /outcomes/X, instead of showing every category under it;
// - the 图/表 switch of each chart works. Once the app runs
//   (window.nianbaoApp), its own handlers do this and this one stands back;
// - 长者模式 (larger type and targets of at least 60 px) is a preference
//   kept on this device, applied before the first paint; its button works
//   with and without the app;
// - kiosk mode (?kiosk=1 on a device, or a site built with -kiosk):
//   after a while with no touch, the page returns to the home page by a
//   full load, which also clears every view state and the app's memory;
//   its 返回 button goes back, but not past the page a reset landed on
//   into the previous visitor's pages;
// - a new version of the site reaches this page: when the service worker
//   is replaced by a newer one (the site was deployed again), a page just
//   loaded reloads at once; one in use switches at the visitor's next link,
//   by a full load, so that nobody loses their place mid-page (a kiosk
//   also at its idle reset);
// - on a phone, the page's own tab is scrolled into view in its row;
// - 下载 PNG/SVG 图片 saves a chart as drawn, with its title and source
//   line above it;
// - window.nianbaoRows writes the catalog's rows for the app in one call
//   (see app/catalogrows.go);
// - the skip link moves the focus to the main content, with the app too
//   (go-app turns a link to "#main" into a scroll and leaves the focus on
//   the link), so it listens before go-app does.
(() => {
  const root = document.documentElement;
  const params = new URLSearchParams(location.search);
  const store = {
    get: (k) => {
      try {
        return localStorage.getItem(k);
      } catch {
        return null;
      }
    },
    set: (k, v) => {
      try {
        v === null ? localStorage.removeItem(k) : localStorage.setItem(k, v);
      } catch {}
    },
  };
  const manifest = document.querySelector('link[rel="manifest"]');
  const home = manifest ? manifest.getAttribute("href").replace(/manifest\.webmanifest$/, "") : "/";

  const large = () => root.classList.contains("large");
  const showLarge = () => {
    for (const b of document.querySelectorAll(".large-toggle")) {
      b.setAttribute("aria-pressed", String(large()));
    }
  };
  root.classList.toggle("large", store.get("nianbao-large") === "1");
  document.addEventListener("DOMContentLoaded", showLarge);

  // On a phone each row of tabs scrolls sideways: the page's own tab is
  // brought into view, on load and (called by the app) after an in-app
  // link, by scrolling the row, never the page.
  window.nianbaoShowTab = () => {
    for (const a of document.querySelectorAll('.nav a[aria-current="page"]')) {
      const nav = a.closest(".nav");
      if (nav && nav.scrollWidth > nav.clientWidth) {
        nav.scrollLeft += a.getBoundingClientRect().left - nav.getBoundingClientRect().left - 16;
      }
    }
  };
  document.addEventListener("DOMContentLoaded", window.nianbaoShowTab);

  // ?kiosk=1 (with &idle=SECONDS, default 120) turns kiosk mode on for this
  // device, ?kiosk=0 off.
  if (params.get("kiosk") === "1") {
    store.set("nianbao-kiosk", String(Math.max(5, Number(params.get("idle")) || 120)));
  } else if (params.get("kiosk") === "0") {
    store.set("nianbao-kiosk", null);
  }
  const meta = document.querySelector('meta[name="nianbao-kiosk"]');
  const idleSeconds = Number(meta ? meta.content : store.get("nianbao-kiosk")) || 0;
  // A page cannot delete the tab's history, so the page an idle reset lands
  // on is marked in its history entry (the app keeps an entry's state when
  // it replaces its URL): 返回 stops there.
  const startKey = "nianbao-kiosk-start";
  const atStart = () => !!(history.state && history.state.nianbaoStart);
  const showBack = () => {
    for (const b of document.querySelectorAll(".kiosk-back")) {
      b.setAttribute("aria-disabled", String(atStart()));
    }
  };
  if (idleSeconds > 0) {
    root.classList.add("kiosk");
    try {
      if (sessionStorage.getItem(startKey)) {
        sessionStorage.removeItem(startKey);
        history.replaceState({ nianbaoStart: true }, "");
      }
    } catch {}
    window.nianbaoShowBack = showBack; // called by the app on each page
    let timer = 0;
    const reset = () => {
      clearTimeout(timer);
      // replace, not assign: the left page is not kept for 返回 (and the
      // back/forward cache held each one, 4.5 MB of JS heap per reset).
      timer = setTimeout(() => {
        try {
          sessionStorage.setItem(startKey, "1");
        } catch {}
        location.replace(home);
      }, idleSeconds * 1000);
    };
    for (const type of ["pointerdown", "keydown", "wheel", "touchstart", "scroll"]) {
      addEventListener(type, reset, { passive: true, capture: true });
    }
    reset();
  }

  if ("serviceWorker" in navigator) {
    const hadController = !!navigator.serviceWorker.controller;
    const loaded = Date.now();
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (!hadController) {
        return; // the first visit's worker taking over, not a new version
      }
      if (Date.now() - loaded < 15000 || !window.nianbaoApp) {
        location.reload();
      } else {
        window.nianbaoStale = true;
      }
    });
  }
  document.addEventListener(
    "click",
    (event) => {
      const link = window.nianbaoStale && event.target.closest && event.target.closest("a[href]");
      if (link && link.origin === location.origin && !link.hasAttribute("download")) {
        event.preventDefault();
        event.stopPropagation();
        location.assign(link.href);
      }
    },
    true
  );

  document.addEventListener(
    "click",
    (event) => {
      const target = event.target.closest && event.target.closest(".large-toggle, .kiosk-back");
      if (!target) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      if (target.classList.contains("kiosk-back")) {
        if (!atStart()) {
          history.length > 1 ? history.back() : location.assign(home);
        }
        return;
      }
      root.classList.toggle("large", !large());
      store.set("nianbao-large", large() ? "1" : null);
      showLarge();
      dispatchEvent(new Event("resize")); // charts follow the new type size
    },
    true
  );

  document.addEventListener(
    "click",
    (event) => {
      const skip = event.target.closest && event.target.closest(".skip-link");
      const main = skip && document.getElementById("main");
      if (main) {
        event.preventDefault();
        event.stopPropagation();
        main.focus();
        main.scrollIntoView();
      }
    },
    true
  );
  const cat = params.get("cat");
  if (cat && /^[a-z_]+$/.test(cat) && /\/outcomes\/?$/.test(location.pathname)) {
    params.delete("cat");
    const rest = params.toString();
    location.replace(location.pathname.replace(/\/?$/, "/" + cat) + (rest ? "?" + rest : ""));
    return;
  }
  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest(".switch button");
    if (!button || window.nianbaoApp) {
      return;
    }
    const figure = button.closest("figure.chart");
    const canvas = figure && figure.querySelector(".chart-canvas");
    const table = figure && figure.querySelector(".chart-table");
    if (!canvas || !table) {
      return;
    }
    const showTable = button.classList.contains("switch-table");
    canvas.hidden = showTable;
    table.hidden = !showTable;
    for (const b of figure.querySelectorAll(".switch button")) {
      b.setAttribute("aria-pressed", String(b === button));
    }
    const chart = !showTable && window.echarts && echarts.getInstanceByDom(canvas);
    if (chart) {
      chart.resize();
    }
  });

  // nianbaoRows(tbody, packed) makes the catalog's table body show the
  // rows the app packed: records separated by U+001E, each record's fields
  // by U+001F, in the order of the writers below (app/catalogrows.go's
  // slots). A dataset cannot hold control characters (the build refuses
  // them), so no field contains a separator. Every field lands as text or
  // as an attribute's value, never as markup, and only fields that changed
  // are written: a keystroke in the search then costs one call from the
  // WebAssembly instead of hundreds.
  const rowWriters = [
    (r, v) => r.body.setAttribute("href", v),
    (r, v) => (r.body.textContent = v),
    (r, v) => r.report.setAttribute("href", v),
    (r, v) => r.report.setAttribute("aria-label", v),
    (r, v) => (r.report.textContent = v),
    (r, v) => (r.level.textContent = v),
    (r, v) => (r.format.textContent = v),
    (r, v) => (r.status.className = v),
    (r, v) => (r.status.textContent = v),
    (r, v) => (r.nums[0].textContent = v),
    (r, v) => (r.nums[1].textContent = v),
    (r, v) => (r.nums[2].textContent = v),
    (r, v) => (r.nums[3].textContent = v),
    (r, v) => r.button.setAttribute("aria-pressed", v),
    (r, v) => (r.button.disabled = v !== ""),
    (r, v) => r.button.setAttribute("aria-label", v),
    (r, v) => (r.button.textContent = v),
    (r, v) => (r.button.dataset.id = v),
  ];
  const newRow = (tbody) => {
    const el = (tag, parent, cls) => {
      const e = document.createElement(tag);
      if (cls) {
        e.className = cls;
      }
      parent.appendChild(e);
      return e;
    };
    const tr = el("tr", tbody);
    const th = el("th", tr);
    th.scope = "row";
    const r = { tr, values: [] };
    r.body = el("a", th, "body-link");
    r.report = el("a", el("td", tr), "report-link");
    r.level = el("td", tr);
    r.format = el("td", tr);
    r.status = el("td", tr);
    r.nums = [0, 1, 2, 3].map(() => el("td", tr, "num"));
    r.button = el("button", el("td", tr), "button compare-toggle");
    r.button.type = "button";
    return r;
  };
  const rowsOf = new WeakMap();
  window.nianbaoRows = (tbody, packed) => {
    const records = packed === "" ? [] : packed.split("\x1e");
    let rows = rowsOf.get(tbody) || [];
    // Rows the app did not write (go-app re-created the body) start anew.
    if (rows.length !== tbody.rows.length || rows.some((r, i) => r.tr !== tbody.rows[i])) {
      tbody.replaceChildren();
      rows = [];
    }
    records.forEach((record, i) => {
      const r = rows[i] || (rows[i] = newRow(tbody));
      record.split("\x1f").forEach((v, k) => {
        if (r.values[k] !== v && rowWriters[k]) {
          r.values[k] = v;
          rowWriters[k](r, v);
        }
      });
    });
    for (const r of rows.splice(records.length)) {
      r.tr.remove();
    }
    rowsOf.set(tbody, rows);
  };

  // A chart's image: the chart drawn again off screen at its size (or
  // 800×450 where it is hidden and was never sized), without animation, on
  // its white card, under its title and source line. The texts come
  // from the page as text: drawn on a canvas (PNG) or set as text nodes
  // (SVG), never parsed as markup.
  const save = (name, url) => {
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };
  const chartImage = (figure, format) => {
    const canvas = figure.querySelector(".chart-canvas");
    const chart = canvas && window.echarts && echarts.getInstanceByDom(canvas);
    if (!chart) {
      return false;
    }
    // The chart's card is white in every scheme (its colours are made for
    // white): so is the image, with dark text.
    const card = getComputedStyle(canvas).backgroundColor;
    const bg = card === "rgba(0, 0, 0, 0)" ? "#ffffff" : card;
    const fg = "#1f2328", font = getComputedStyle(document.body).fontFamily;
    const title = (figure.querySelector("h3") || {}).textContent || "";
    const source = figure.dataset.source || "";
    const width = chart.getWidth() || 800, height = chart.getHeight() || 450, head = source ? 64 : 40;
    const box = document.createElement("div");
    box.style.cssText = "position:fixed;left:-10000px;top:0";
    box.style.width = width + "px";
    box.style.height = height + "px";
    document.body.appendChild(box);
    const copy = echarts.init(box, null, { renderer: format === "svg" ? "svg" : "canvas", width, height, locale: "ZH" });
    try {
      const option = chart.getOption();
      option.animation = false;
      copy.setOption(option);
      const name = (figure.dataset.file || "chart") + "." + format;
      if (format === "png") {
        const ratio = 2, drawn = copy.getRenderedCanvas({ pixelRatio: ratio, backgroundColor: bg });
        const out = document.createElement("canvas");
        out.width = width * ratio;
        out.height = (height + head) * ratio;
        const g = out.getContext("2d");
        g.scale(ratio, ratio);
        g.fillStyle = bg;
        g.fillRect(0, 0, width, height + head);
        g.fillStyle = fg;
        g.textBaseline = "top";
        g.font = "bold 18px " + font;
        g.fillText(title, 12, 10, width - 24);
        g.font = "13px " + font;
        g.fillText(source, 12, 38, width - 24);
        g.drawImage(drawn, 0, head, width, height);
        save(name, out.toDataURL("image/png"));
      } else {
        const ns = "http://www.w3.org/2000/svg";
        // The SVG ECharts drew into the page, copied: a DOM, not a string
        // parsed (its text may hold entities that XML does not know).
        copy.getZr().refreshImmediately();
        const svg = box.querySelector("svg").cloneNode(true);
        const g = document.createElementNS(ns, "g");
        g.setAttribute("transform", "translate(0," + head + ")");
        while (svg.firstChild) {
          g.appendChild(svg.firstChild);
        }
        const el = (tag, attrs, text) => {
          const e = document.createElementNS(ns, tag);
          for (const k in attrs) {
            e.setAttribute(k, attrs[k]);
          }
          if (text) {
            e.textContent = text;
          }
          svg.appendChild(e);
        };
        el("rect", { width, height: height + head, fill: bg });
        el("text", { x: 12, y: 28, fill: fg, "font-size": 18, "font-weight": "bold", "font-family": font }, title);
        el("text", { x: 12, y: 52, fill: fg, "font-size": 13, "font-family": font }, source);
        svg.appendChild(g);
        svg.setAttribute("width", width);
        svg.setAttribute("height", height + head);
        svg.setAttribute("viewBox", "0 0 " + width + " " + (height + head));
        const blob = new Blob([new XMLSerializer().serializeToString(svg)], { type: "image/svg+xml" });
        const url = URL.createObjectURL(blob);
        save(name, url);
        setTimeout(() => URL.revokeObjectURL(url), 10000);
      }
    } finally {
      copy.dispose();
      box.remove();
    }
    return true;
  };
  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest(".chart-image button[data-format]");
    const figure = button && button.closest("figure.chart");
    if (figure && !chartImage(figure, button.dataset.format)) {
      button.title = "图表尚未绘制，请稍候再试，或下载表格的 CSV 文件。";
    }
  });
})();
