// keep asks the service worker to fetch and cache files of the site
// (web/app-worker.js, its "keep" message): the worker fetches them itself,
// off the page's thread, and keeps them offline. It resolves true once all
// are kept, false when there is no worker, one failed, or no answer came
// in 30 s; and false at once while a newer version of the site installs or
// waits (a deploy: see updating). The pre-publication check keeps what it
// loaded; a page read a while has its app kept before the visitor's first
// touch (start.js).
export function keep(urls) {
  if (!("serviceWorker" in navigator)) {
    return Promise.resolve(false);
  }
  return navigator.serviceWorker.ready
    .then(
      (reg) =>
        !updating(reg) &&
        new Promise((resolve) => {
          const channel = new MessageChannel();
          // Kept in a cache about to go is not kept.
          channel.port1.onmessage = (e) => resolve(!!(e.data && e.data.kept) && !updating(reg));
          reg.active.postMessage({ type: "keep", urls }, [channel.port2]);
          setTimeout(() => resolve(false), 30000);
        })
    )
    .catch(() => false);
}

// updating says whether a newer worker than the registration's active one
// installs or waits to take over. The active worker's cache then goes
// with it, and whatever keeps it busy keeps the new one waiting: Chromium
// lets a new worker take over (even one that skips waiting) only once the
// old one has gone idle, and an old worker woken again by a page's request
// stays up its idle time (30 s) before it does. A page loaded just before
// a deploy that fetched its app ahead in those seconds still showed the old
// version 30 s after the new worker had installed.
export const updating = (reg) => !!(reg.installing || reg.waiting);
