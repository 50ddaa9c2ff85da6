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
//   its 返回 button goes back;
// - a new version of the site reaches this page: when the service worker
//   is replaced by a newer one (the site was deployed again), a page just
//   loaded reloads at once; one in use switches at the visitor's next link,
//   by a full load, so that nobody loses their place mid-page (a kiosk
//   also at its idle reset);
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

  // ?kiosk=1 (with &idle=SECONDS, default 120) turns kiosk mode on for this
  // device, ?kiosk=0 off.
  if (params.get("kiosk") === "1") {
    store.set("nianbao-kiosk", String(Math.max(5, Number(params.get("idle")) || 120)));
  } else if (params.get("kiosk") === "0") {
    store.set("nianbao-kiosk", null);
  }
  const meta = document.querySelector('meta[name="nianbao-kiosk"]');
  const idleSeconds = Number(meta ? meta.content : store.get("nianbao-kiosk")) || 0;
  if (idleSeconds > 0) {
    root.classList.add("kiosk");
    let timer = 0;
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(() => location.assign(home), idleSeconds * 1000);
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
        history.length > 1 ? history.back() : location.assign(home);
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
})();
