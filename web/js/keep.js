// keep asks the service worker to fetch and cache files of the site
// (web/app-worker.js, its "keep" message): the worker fetches them itself,
// off the page's thread, and keeps them offline. It resolves true once all
// are kept, false when there is no worker, one failed, or no answer came
// in 30 s. The pre-publication check keeps what it loaded; a page read a
// while has its app kept before the visitor's first touch (start.js).
export function keep(urls) {
  if (!("serviceWorker" in navigator)) {
    return Promise.resolve(false);
  }
  return navigator.serviceWorker.ready
    .then(
      (reg) =>
        new Promise((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = (e) => resolve(!!(e.data && e.data.kept));
          reg.active.postMessage({ type: "keep", urls }, [channel.port2]);
          setTimeout(() => resolve(false), 30000);
        })
    )
    .catch(() => false);
}
