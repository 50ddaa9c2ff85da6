// 年报透视 service worker (a text/template filled in by the build). On
// install it caches the app's shell: the pages' scripts, styles and icons,
// the front page and its data, the page shown offline for a page never
// visited, and for a kiosk app.wasm and what it was built to keep
// (-precache); elsewhere app.wasm is kept when the app first starts.
// Everything else, the pages and data files of reports, the catalog index,
// is cached as it is visited, so that it works with the network cut
// afterwards. The cache is named after the site's version (a hash of its
// content): a new version installs a new worker and cache, and the old
// cache is deleted when it activates.
//
// What a visitor kept offline stays offline across a deploy: on install the
// new worker fetches anew the pages the old caches held, with the data
// file each names, taken from the old caches where it did not change, and
// carries into its cache the files of the old caches named after their
// content (a pack, an index block, app.wasm: the same name is the same
// bytes) but those the new version replaced, whose new versions it fetches
// in their place (app.wasm, a kept page's pack, an index block), and the
// blocks the new index does not list.
const cacheName = "nianbao-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};
// The files named after their content that the site's pages load when
// they need them (app.wasm, the pre-publication check's).
const current = {{.Current}};

// A file named after its content: name.0123456789ab.ext (a pack's ext is
// .json.gz).
const hashed = /\.[0-9a-f]{12}(\.[a-z]+)+$/;
// A report's pack as sites before the packs were kept gzipped named it
// (r/<id>.<hash>.json): the same hash names it now, with .gz after.
const jsonPack = /\/data\/r\/[^/]+\.[0-9a-f]{12}\.json$/;
// The data file a page names (data-pack="…").
const packOf = /data-pack="([^"]+)"/;
// stem is a file's address without its content's hash: what the versions
// of one file share.
const stem = (u) => u.replace(/\.[0-9a-f]{12}((\.[a-z]+)+)$/, "$1");

// carryOver fills the new cache from the old ones, as far as it can; a
// file it cannot get is left to be cached when it is next visited.
async function carryOver(cache) {
  const scope = new URL(self.registration.scope);
  // What the new version names, as far as this worker learns it: its
  // shell, its app.wasm, the data files of the pages fetched anew, the
  // blocks of the index fetched anew. An old file named after its content
  // is left behind when one of these is a newer version of it.
  const named = new Set([...resourcesToCache, ...current].map((u) => new URL(u, scope).href));
  const contentNamed = [];
  const indexURL = new URL("data/index.json", scope).href;
  // Whether the index was fetched anew and its blocks read.
  let indexAnew = false;
  for (const key of await caches.keys()) {
    if (key === cacheName || !key.startsWith("nianbao-")) {
      continue;
    }
    const old = await caches.open(key);
    for (const req of await old.keys()) {
      const url = new URL(req.url);
      if (url.origin !== scope.origin || (await cache.match(req))) {
        continue;
      }
      try {
        if (jsonPack.test(url.pathname)) {
          // The pack now, in its place: nothing reads the old name.
          const now = url.href + ".gz";
          if (!(await cache.match(now))) {
            const res = await fetch(now);
            if (res.ok && res.type === "basic") {
              await cache.put(now, res);
            }
          }
          continue;
        }
        if (hashed.test(url.pathname)) {
          contentNamed.push([old, req]);
          continue;
        }
        if (/\.[a-z0-9]+$/.test(url.pathname) && !url.pathname.endsWith(".html")) {
          // A file the new shell does not hold (wasm_exec.js, kept when
          // the app first started; the catalog's index): its new version.
          const res = await fetch(req.url, { cache: "no-cache" });
          if (res.ok && res.type === "basic") {
            const dir = url.href === indexURL ? res.clone() : null;
            await cache.put(req, res);
            if (dir) {
              // Its blocks, named relative to it.
              const blocks = (await dir.json()).blocks;
              for (const b of Array.isArray(blocks) ? blocks : []) {
                named.add(new URL(b, url).href);
              }
              indexAnew = Array.isArray(blocks);
            }
          }
          continue;
        }
        const res = await fetch(req.url, { cache: "no-cache" });
        if (!res.ok || res.type !== "basic") {
          continue;
        }
        // The page is kept with its data file, or not at all.
        const page = await res.clone().text();
        const pack = page.match(packOf);
        if (pack) {
          const packURL = new URL(pack[1].replace(/&amp;/g, "&"), url).href;
          if (!(await cache.match(packURL))) {
            const kept = (await old.match(packURL)) || (await fetch(packURL));
            if (!kept.ok || kept.type !== "basic") {
              continue;
            }
            await cache.put(packURL, kept);
          }
          named.add(packURL);
        }
        await cache.put(req, res);
      } catch (err) {
        // offline during the install: left for the next visit
      }
    }
  }
  // Then the files named after their content: each as it is, but those
  // the new version replaced (the visitor keeps the new version in their
  // place: the app, the check, the catalog work offline as before) and the
  // blocks the new index does not list.
  const now = new Map([...named].filter((u) => hashed.test(u)).map((u) => [stem(u), u]));
  const indexDir = new URL("data/index/", scope).href;
  for (const [old, req] of contentNamed) {
    const newer = now.get(stem(req.url));
    try {
      if (newer && newer !== req.url) {
        if (!(await cache.match(newer))) {
          const res = await fetch(newer);
          if (res.ok && res.type === "basic") {
            await cache.put(newer, res);
          }
        }
        continue;
      }
      if ((indexAnew && req.url.startsWith(indexDir) && !named.has(req.url)) || (await cache.match(req))) {
        continue;
      }
      await cache.put(req, await old.match(req));
    } catch (err) {
      // offline, or a cache the browser took away meanwhile
    }
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then(async (cache) => {
        await cache.addAll(resourcesToCache);
        await carryOver(cache);
      })
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

// A page asks for what it loaded to be kept ({type: "keep", urls}), once it
// has loaded it: the pre-publication check (/precheck) keeps its page, its
// worker, its WebAssembly and the catalog index, which are not among what
// every visitor's install caches. Only the site's own addresses are kept;
// the answer ({kept}) goes to the port the message brings.
self.addEventListener("message", (event) => {
  const m = event.data;
  if (!m || m.type !== "keep" || !Array.isArray(m.urls)) {
    return;
  }
  const scope = new URL(self.registration.scope);
  const urls = m.urls
    .map((u) => {
      try {
        return new URL(u, scope);
      } catch {
        return null;
      }
    })
    .filter((u) => u && u.origin === scope.origin && u.pathname.startsWith(scope.pathname))
    .map((u) => u.href);
  const reply = (kept) => event.ports[0] && event.ports[0].postMessage({ kept });
  // Nothing is kept in a cache a newer version is about to delete; and
  // the work would keep the newer worker waiting (web/js/keep.js updating).
  if (self.registration.installing || self.registration.waiting) {
    reply(false);
    return;
  }
  // At most 16 files a page asks for, besides the catalog index's blocks
  // (data/index/: catalog.PacksDir), of which a site has one for every 32
  // bodies: the pre-publication check reads them all.
  const indexDir = scope.pathname + "data/index/";
  const inIndex = (u) => new URL(u).pathname.startsWith(indexDir);
  const others = urls.filter((u) => !inIndex(u));
  event.waitUntil(
    caches
      .open(cacheName)
      .then(async (cache) => {
        for (const u of [...others.slice(0, 16), ...urls.filter(inIndex)]) {
          if (!(await cache.match(u))) {
            await cache.add(u);
          }
        }
        reply(others.length <= 16);
      })
      .catch(() => reply(false))
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    (async () => {
      // A page's query (?cat=…, ?r=…) is read by the app from the URL;
      // the page itself is the same file. Neither the lookup nor the
      // keeping opens this worker's cache anew once a newer worker has
      // deleted it (a fetch still in flight, say the charts' worker's
      // ECharts, would have brought the old cache back).
      const hit = await caches.match(req, { cacheName, ignoreSearch: req.mode === "navigate" });
      if (hit) {
        return hit;
      }
      try {
        const res = await fetch(req);
        if (res.ok && res.type === "basic" && (await caches.has(cacheName))) {
          (await caches.open(cacheName)).put(req, res.clone());
        }
        return res;
      } catch (err) {
        // Offline on a page never visited: a page that shows no report's
        // numbers and says so, never another report's page.
        if (req.mode === "navigate") {
          const page = await caches.match(new URL("offline", self.registration.scope).href, { cacheName });
          if (page) {
            return page;
          }
        }
        throw err;
      }
    })()
  );
});
