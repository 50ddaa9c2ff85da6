// Kiosk mode (a site built with -kiosk, or ?kiosk=1 on a device): after a
// while with no touch the page returns home by a full load, which also
// clears every view state and the app's memory; 返回 goes back, but not
// past the page a reset landed on into the previous visitor's pages.
import { root, site, home, local, session, on } from "./dom.js";

const deviceKey = "nianbao-kiosk";
const startKey = "nianbao-kiosk-start";

// Idle times outside this range are refused: a value that overflows a
// timer (2^31 ms) fires at once, and a reset every few seconds is no kiosk.
export const minIdle = 5;
export const maxIdle = 86400;

// idleOf is a number of seconds as the kiosk takes it, or 0 for none.
export const idleOf = (v) => {
  const n = Number(v);
  return Number.isFinite(n) && n >= minIdle && n <= maxIdle ? Math.round(n) : 0;
};

// A page cannot delete the tab's history, so the page an idle reset lands
// on is marked in its history entry (the app keeps an entry's state when
// it replaces its URL): 返回 stops there.
const atStart = () => !!(history.state && history.state.nianbaoStart);

// showBack dims 返回 on the page where a visit began.
export const showBack = () => {
  for (const b of document.querySelectorAll(".kiosk-back")) {
    b.setAttribute("aria-disabled", String(atStart()));
  }
};

export function initKiosk() {
  const params = new URLSearchParams(location.search);
  if (params.get("kiosk") === "1") {
    const idle = idleOf(params.get("idle") || 120);
    local.set(deviceKey, idle ? String(idle) : null);
  } else if (params.get("kiosk") === "0") {
    local.set(deviceKey, null);
  }
  const idle = idleOf(site.kiosk) || idleOf(local.get(deviceKey));
  if (!idle) {
    return;
  }
  root.classList.add("kiosk");
  if (session.get(startKey)) {
    session.set(startKey, null);
    history.replaceState({ nianbaoStart: true }, "");
  }
  let timer = 0;
  const reset = () => {
    clearTimeout(timer);
    // replace, not assign: the left page is not kept for 返回 (and the
    // back/forward cache would hold each one).
    timer = setTimeout(() => {
      session.set(startKey, "1");
      location.replace(home);
    }, idle * 1000);
  };
  for (const type of ["pointerdown", "keydown", "wheel", "touchstart", "scroll"]) {
    addEventListener(type, reset, { passive: true, capture: true });
  }
  reset();
  on(
    "click",
    ".kiosk-back",
    (event) => {
      event.preventDefault();
      event.stopPropagation();
      if (!atStart()) {
        history.length > 1 ? history.back() : location.assign(home);
      }
    },
    true
  );
}
