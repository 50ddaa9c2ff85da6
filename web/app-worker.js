// 年报透视 service worker (a text/template filled in by `build`): caches the
// whole site on first visit so that every page works with the network cut.
// Cache-first; the cache is named after the content hash, so a changed site
// installs a new worker and a new cache, and the old one is deleted. The
// app and the default report's pages are precached; other reports' pages
// are cached when visited, and offline fall back to the app's shell.
const cacheName = "nianbao-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(resourcesToCache))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k)))
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    caches.open(cacheName).then(async (cache) => {
      // Pages differ only by their query (?r=report), which the app reads.
      const hit = await cache.match(req, { ignoreSearch: true });
      if (hit) {
        return hit;
      }
      try {
        // What is not precached (the pages of other reports) is cached as
        // it is visited.
        const res = await fetch(req);
        if (res.ok && res.type === "basic") {
          cache.put(req, res.clone());
        }
        return res;
      } catch (err) {
        // Offline on a page never visited: the app's shell renders any
        // page of any report from its URL.
        if (req.mode === "navigate") {
          const home = await cache.match("/");
          if (home) {
            return home;
          }
        }
        throw err;
      }
    })
  );
});
