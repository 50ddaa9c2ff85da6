// Navigation helpers: an old link to /outcomes?cat=X goes to the
// prerendered page of that category, and a page that moved goes to where
// it is now; on a phone the page's own tab is scrolled into view in its
// row; the skip link moves the focus to the main content (go-app turns a
// link to "#main" into a scroll and leaves the focus on the link, so this
// listens before go-app does).
import { on, ready } from "./dom.js";

// legacyRedirect sends /outcomes?cat=X to /outcomes/X where the page links
// to it, and the not-found page (#not-found) at a report's /outcomes/X, X
// one of the template's four categories with reasons, to its /outcomes: a
// category whose reasons are all printed 0 has no page
// (charts.ReasonCategories), and a link to it from before finds its 0
// there. It says whether it did (the page is then going away).
export function legacyRedirect() {
  const params = new URLSearchParams(location.search);
  const cat = params.get("cat");
  if (cat && /^[a-z_]+$/.test(cat) && /\/outcomes\/?$/.test(location.pathname)) {
    const to = location.pathname.replace(/\/?$/, "/" + cat);
    // Both sides as the browser encodes them (a base may be Chinese).
    if (![...document.querySelectorAll(".drill a")].some((a) => new URL(a.href).pathname === to)) {
      return false;
    }
    params.delete("cat");
    const rest = params.toString();
    location.replace(to + (rest ? "?" + rest : ""));
    return true;
  }
  const gone = location.pathname.match(/^(.*\/outcomes)\/(denied|unable|declined|other)\/?$/);
  if (gone && document.getElementById("not-found")) {
    location.replace(gone[1] + location.search + location.hash);
    return true;
  }
  return false;
}

// movedRedirect takes a visitor from an address where a former version of
// the site served a report's pages (its page says where the page is now,
// app/moved.go) to the page there, with the query; it says whether it did.
// A static site cannot answer with a redirect.
export function movedRedirect() {
  const to = document.getElementById("moved-to");
  if (!to) {
    return false;
  }
  location.replace(to.getAttribute("href") + location.search + location.hash);
  return true;
}

// showTab brings the page's own tab into view by scrolling its row of
// tabs, never the page.
export function showTab() {
  for (const a of document.querySelectorAll('.nav a[aria-current="page"]')) {
    const nav = a.closest(".nav");
    if (nav && nav.scrollWidth > nav.clientWidth) {
      nav.scrollLeft += a.getBoundingClientRect().left - nav.getBoundingClientRect().left - 16;
    }
  }
}

export function initNav() {
  // In the frame's rendering, where the page is laid out anyway: read in
  // the script's own task, the tabs' sizes laid the whole page out there,
  // the site's script and the first layout one task (at 4x CPU up to
  // 290 ms on a report's page).
  ready(() => requestAnimationFrame(showTab));
  on(
    "click",
    ".skip-link",
    (event) => {
      const main = document.getElementById("main");
      if (main) {
        event.preventDefault();
        event.stopPropagation();
        main.focus();
        main.scrollIntoView();
      }
    },
    true
  );
}
