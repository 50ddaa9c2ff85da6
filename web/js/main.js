// The site's own script, bundled by esbuild into web/site.js (see
// web/site's build): it runs in every page, before and without the
// WebAssembly app, so that each page is honest and usable on its own, and
// it is the app's only way to JavaScript. window.nianbao is the one name it
// gives the page; what the app calls on it is listed here, and app/js.go is
// the Go side of the same list.
import { root } from "./dom.js";
import { initLarge } from "./large.js";
import { initKiosk, showBack } from "./kiosk.js";
import { initUpdate } from "./update.js";
import { mount, drawEarly, disposeEarly, drawAll, drawEvery, liveCount, drawnBy } from "./charts.js";
import { initImages } from "./image.js";
import { initInfographic } from "./infographic.js";
import { initSwitch } from "./switch.js";
import { legacyRedirect, movedRedirect, initNav, showTab } from "./nav.js";
import { rows } from "./rows.js";
import { initStart, startApp, whenWanted, waiting } from "./start.js";
import { listOffline } from "./offline.js";
import { initPrecheck, arrivePrecheck } from "./precheck.js";
import { initShare } from "./share.js";
import { initQuick } from "./quick.js";
import { inflated } from "./pack.js";

// Where the focus was when the app took the page over.
let focusBack = null;
// The control that last had the focus: the app replaces the page's
// elements before it says it started, which drops the focus to the body;
// the element it dropped still knows its id and caret.
let lastFocused = null;
addEventListener("focusin", (event) => (lastFocused = event.target), true);

const nianbao = {
  // mountChart(el, json, onClick) draws a chart; the app disposes it. The
  // charts' worker draws it until the charts move to the page
  // (web/js/charts.js).
  mountChart: (el, json, onClick) => mount(el, json, onClick, true),
  // rows(tbody, packed) writes the catalog's rows.
  rows,
  // body(response) is a promise of a fetched file's bytes (an
  // ArrayBuffer), inflated if they are gzip: a report's pack is kept only
  // so (web/js/pack.js).
  body: inflated,
  // started() is the app's word that it has mounted its first page: the
  // page's own charts go (the app draws its own) and the page's own
  // handlers stand back.
  started() {
    disposeEarly();
    root.dataset.app = "running";
    // The app renders the page anew: the control the visitor was using
    // (the catalog's search, typed into while the app loaded) gets the
    // focus and the caret back once it is rendered (arrived).
    const active = document.activeElement;
    const el = active && active !== document.body ? active : lastFocused;
    focusBack = el && el.id ? { id: el.id, start: el.selectionStart, end: el.selectionEnd } : null;
  },
  // whenWanted(f) says whether the visitor wants the app; if not yet, f
  // is called when they do, and the app, run ahead, then mounts the page
  // (web/js/start.js).
  whenWanted,
  // listOffline(el) lists in el the reports this device keeps offline.
  listOffline,
  // arrived(first) follows each page the app enters, the first one too
  // (the app renders its navigation anew): 返回 on a kiosk, and the page's
  // tab brought into view.
  arrived() {
    if (focusBack) {
      keepFocus(focusBack);
      focusBack = null;
    }
    showBack();
    arrivePrecheck();
    showTab();
  },
};
// keepFocus gives the control the visitor was using (by id) its focus and
// caret back, and again each time the app renders it anew in the next
// seconds (the catalog renders its search once more when the index
// arrives), until the visitor moves the focus elsewhere.
function keepFocus(back) {
  const restore = () => {
    const el = document.getElementById(back.id);
    const active = document.activeElement;
    if (!el || el === active || (active && active !== document.body)) {
      return;
    }
    el.focus({ preventScroll: true });
    if (back.start != null && el.setSelectionRange) {
      const n = (el.value || "").length;
      el.setSelectionRange(Math.min(back.start, n), Math.min(back.end, n));
    }
  };
  restore();
  const watch = new MutationObserver(restore);
  watch.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => watch.disconnect(), 5000);
}

// NIANBAO_TEST is true only in a test build (web/site Options.TestHooks).
if (NIANBAO_TEST) {
  nianbao.test = { liveCharts: liveCount, drawAll, drawnBy, start: () => startApp(), waiting };
}
window.nianbao = nianbao;

if (!legacyRedirect() && !movedRedirect()) {
  initLarge();
  initKiosk();
  initNav();
  initSwitch();
  initQuick();
  initShare();
  initImages();
  initInfographic();
  initUpdate();
  drawEarly();
  addEventListener("beforeprint", () => drawEvery().catch(() => {})); // a print shows every chart
  showBack();
  listOffline(document.getElementById("offline-list"));
  initPrecheck();
  initStart();
}
