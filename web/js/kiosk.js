// Kiosk mode, for a service hall's screen: after a while with no touch the
// page warns, then returns home by a full load, which clears every view
// state and the app's memory; what one visitor chose (长者模式, the report
// in view) never reaches the next. 返回 goes back, but not past the page a
// reset landed on into the previous visitor's pages, and neither does the
// browser's own Back there.
//
// A kiosk is set up deliberately: by the build (-kiosk, or the site file),
// or on the device by the set-up page (/kiosk), which asks for a
// confirmation, so that a link shared from a kiosk never turns a phone into
// one. An address cannot set it up.
import { root, site, home, local, session, on, ready } from "./dom.js";

const deviceKey = "nianbao-kiosk";
const startKey = "nianbao-kiosk-start";

// Idle times outside this range are refused: a value that overflows a
// timer (2^31 ms) fires at once, and a reset every few seconds is no kiosk
// (web/site's checkKiosk holds the same range).
export const minIdle = 5;
export const maxIdle = 86400;

// How long before a reset the page warns, at most.
const warnFor = 20;

// idleOf is a number of seconds as the kiosk takes it, or 0 for none.
export const idleOf = (v) => {
  const n = Number(v);
  return Number.isFinite(n) && n >= minIdle && n <= maxIdle ? Math.round(n) : 0;
};

// The device's kiosk setting, from the set-up page.
const deviceIdle = () => idleOf(local.get(deviceKey));

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

// forgetVisit clears what a visitor chose: the session's state and 长者模式.
const forgetVisit = () => {
  try {
    sessionStorage.clear();
  } catch {}
  local.set("nianbao-large", null);
};

// The warning before a reset: a notice any touch dismisses.
let notice = null;
const warn = (seconds) => {
  if (!notice) {
    notice = document.createElement("div");
    notice.className = "kiosk-warning";
    notice.setAttribute("role", "alertdialog");
    notice.setAttribute("aria-live", "assertive");
    const text = document.createElement("p");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = "继续浏览";
    notice.append(text, button);
    document.body.appendChild(notice);
  }
  notice.firstChild.textContent = "一段时间没有操作，" + seconds + " 秒后将回到首页，以便下一位使用者查看。";
  notice.hidden = false;
};
const unwarn = () => {
  if (notice) {
    notice.hidden = true;
  }
};

export function initKiosk() {
  ready(initSetUp);
  const idle = idleOf(site.kiosk) || deviceIdle();
  if (!idle) {
    return;
  }
  root.classList.add("kiosk");
  if (session.get(startKey)) {
    session.set(startKey, null);
    history.replaceState({ nianbaoStart: true }, "");
  }
  // The browser's own Back from where a visit began stays there: the page
  // holds one more entry of itself, given back each time it is taken.
  if (atStart()) {
    history.pushState({ nianbaoStart: true, nianbaoGuard: true }, "");
    addEventListener("popstate", () => {
      if (atStart() && !(history.state && history.state.nianbaoGuard)) {
        history.pushState({ nianbaoStart: true, nianbaoGuard: true }, "");
      }
    });
  }
  const warnAt = Math.max(idle - warnFor, Math.ceil(idle / 2));
  let timer = 0;
  let ticker = 0;
  const reset = () => {
    clearTimeout(timer);
    clearInterval(ticker);
    unwarn();
    timer = setTimeout(() => {
      let left = idle - warnAt;
      warn(left);
      ticker = setInterval(() => {
        left--;
        if (left > 0) {
          warn(left);
          return;
        }
        clearInterval(ticker);
        forgetVisit();
        session.set(startKey, "1");
        // replace, not assign: the left page is not kept for 返回 (and
        // the back/forward cache would hold each one).
        location.replace(home);
      }, 1000);
    }, warnAt * 1000);
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

// initSetUp makes the set-up page's controls work (delegated, so that
// they work on the page the app renders too): the idle time chosen, then
// confirmed, is kept on this device; 取消 turns kiosk mode off.
function initSetUp() {
  const show = (msg) => {
    const state = document.getElementById("kiosk-state");
    if (!state) {
      return;
    }
    const n = deviceIdle();
    state.textContent =
      msg ||
      (idleOf(site.kiosk)
        ? "本站按自助终端构建：每台设备都是自助终端，闲置 " + idleOf(site.kiosk) + " 秒后回到首页。"
        : n
          ? "本设备已设为自助终端：闲置 " + n + " 秒后回到首页。重新载入页面后生效。"
          : "本设备不是自助终端。");
  };
  show();
  on("submit", "#kiosk-setup", (event, form) => {
    event.preventDefault();
    const n = idleOf(form.querySelector("input[name=idle]").value);
    if (!n) {
      show("请填写 " + minIdle + " 到 " + maxIdle + " 之间的秒数。");
      return;
    }
    local.set(deviceKey, String(n));
    show();
  });
  on("click", "#kiosk-off", () => {
    local.set(deviceKey, null);
    show();
  });
}
