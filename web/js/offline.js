// What this device keeps offline: the reports whose data the service
// worker has cached, listed where a page asks for them (an element
// #offline-list: the page shown offline for a page never visited, and a
// report that could not be loaded offline), so that a visitor without the
// network is offered what can be read.
import { site } from "./dom.js";
import { inflatedJSON } from "./pack.js";

// A cached pack: …/data/r/<id>.<hash>.json.gz.
const packRE = /\/data\/r\/([a-z0-9-]+)\.[0-9a-f]{12}\.json\.gz$/;

async function cachedReports(limit) {
  if (!window.caches) {
    return [];
  }
  const seen = new Map();
  for (const key of await caches.keys()) {
    const cache = await caches.open(key);
    for (const req of await cache.keys()) {
      const m = new URL(req.url).pathname.match(packRE);
      if (!m || seen.has(m[1]) || seen.size >= limit) {
        continue;
      }
      try {
        const pack = await inflatedJSON(await cache.match(req));
        seen.set(m[1], { id: m[1], body: String(pack.report.body), year: Number(pack.report.year) });
      } catch {}
    }
  }
  return [...seen.values()].sort((a, b) => a.body.localeCompare(b.body, "zh") || b.year - a.year);
}

// listOffline fills the element with links to the reports kept offline,
// as text; it says so when there are none.
export async function listOffline(el) {
  if (!el) {
    return;
  }
  const reports = await cachedReports(200);
  el.replaceChildren();
  if (reports.length === 0) {
    const li = document.createElement("li");
    li.textContent = "本机还没有保存任何报告。";
    el.appendChild(li);
    return;
  }
  for (const r of reports) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = site.base + "/r/" + r.id;
    a.textContent = r.body + r.year + "年报告";
    li.appendChild(a);
    el.appendChild(li);
  }
}
