// The service worker, and a new version of the site reaching an open page:
// when the worker is replaced by a newer one (the site was deployed again),
// a page just loaded reloads at once; one in use switches at the visitor's
// next link, by a full load, so that nobody loses their place mid-page (a
// kiosk also at its idle reset).
import { root, site, appRunning } from "./dom.js";

// How often a page left open (a kiosk) asks for a new version.
const checkEvery = 10 * 60 * 1000;

export function initUpdate() {
  if (!("serviceWorker" in navigator)) {
    return;
  }
  navigator.serviceWorker
    .register(site.base + "/app-worker.js", { scope: site.base + "/" })
    // Not while the page holds what the visitor made there: 发布前体检
    // promises no request once a file is chosen.
    .then((reg) => setInterval(() => root.dataset.keep || reg.update().catch(() => {}), checkEvery))
    .catch((err) => console.warn("年报透视: the service worker was not registered", err));

  const hadController = !!navigator.serviceWorker.controller;
  const loaded = Date.now();
  let stale = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (!hadController) {
      return; // the first visit's worker taking over, not a new version
    }
    // A page that holds what the visitor made there (发布前体检's results)
    // is not reloaded from under them.
    if ((Date.now() - loaded < 15000 || !appRunning()) && !root.dataset.keep) {
      location.reload();
    } else {
      stale = true;
    }
  });
  document.addEventListener(
    "click",
    (event) => {
      const link = stale && event.target.closest && event.target.closest("a[href]");
      if (link && link.origin === location.origin && !link.hasAttribute("download")) {
        event.preventDefault();
        event.stopPropagation();
        location.assign(link.href);
      }
    },
    true
  );
}
