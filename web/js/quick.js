// The catalog before the app runs: the prerendered catalog lists the
// bodies of its page with their years (li[data-search][data-years]); a
// search hides the bodies it does not match, at once, and is kept in the
// address (?q=), where the app, which the first keystroke starts, reads
// it and takes over with the catalog's filters and sorting. A query
// matches as the app's does (app/reports.go, parseQuery, yearMatches and
// wordsIn; a test compares the two): every word must match, a four-digit
// word (2024, 2024年) is a year, any other a part of the body's search
// keys (its name's forms, traditional characters, pinyin and initials,
// region, province).
//
// The address's search and filters (?q=, ?year=, ?level=, ?format=,
// ?status=: a link shared, the front page's 年度 links and its 查看这些报告
// of the reports whose figures do not hold) are answered as the page
// loads, as the app reads them (filterFromURL): a link opens on what it
// names, and on a phone's mobile network without the app (start.js does
// not start it for them; a sort, a page of the app's or a comparison
// needs it).
//
// The catalog's directory (site.index: every body's search keys and level,
// each report's body, year, template and consistency; data/catalog/shard.go)
// answers what the page's list cannot: a catalog in pages (more bodies than
// a page lists), searched on its page at once and then over every body,
// and the level, template and consistency, which the list does not carry.
// It is fetched at the first need, and the bodies found are listed in the
// page's list's place.
import { on, appRunning, site } from "./dom.js";
import { parse, passes as passesFor, narrowed, bodiesOf, yearParam } from "./query.js";

// How many bodies found are listed, as a page of the catalog lists.
const listed = 100;

// The directory's bodies: a promise, fetched once (null where it could not
// be read: the page's own search stands, and the next letter tries again).
let directory = null;
// A directory that has not come in this long counts as unreachable (a
// stalled link): the page says so rather than wait out of sight.
const directoryWait = 10000;
const readDirectory = () =>
  site.index
    ? (directory ??= Promise.race([
        fetch(site.index).then((r) => (r.ok ? r.json() : Promise.reject(new Error(site.index + ": " + r.status)))),
        new Promise((_, reject) => setTimeout(() => reject(new Error(site.index + ": no answer")), directoryWait)),
      ])
        .then(bodiesOf)
        .catch(() => {
          directory = null;
          return null;
        }))
    : Promise.resolve(null);

const el = (tag, className, text) => {
  const e = document.createElement(tag);
  if (className) {
    e.className = className;
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
};

// The filters the address asks for (the year -1 for none, the others ""),
// read once as the page loads: they stay until the app takes the catalog
// over, which gives them their selects.
const asked = { year: -1, level: "", format: "", status: "" };

// byEntry says whether a filter asks what only the directory tells (a
// body's level, a report's template or consistency).
const byEntry = () => !!(asked.level || asked.format || asked.status);

// passes and reportsAsked are query.js's for the address's filters.
const passes = (b, r, q) => passesFor(b, r, q, asked);
const reportsAsked = (q) => narrowed(q, asked);

// item is a body found, as the page's list shows a body (app/reports.go,
// plain): its name to its page, its years' reports (those that pass, when
// the reports are narrowed) as links. Text only.
function item(b, q) {
  const li = el("li");
  const a = el("a", "body-link", b.name);
  a.href = site.base + "/b/" + b.id;
  const years = el("span", "years");
  for (const r of b.reports) {
    if (reportsAsked(q) && !passes(b, r, q)) {
      continue;
    }
    const y = el("a", "year-link", String(r.year));
    y.href = site.base + "/r/" + r.id;
    y.setAttribute("aria-label", b.name + r.year + "年报告");
    years.append(y);
  }
  li.append(a, years);
  return li;
}

// said writes the count of bodies found.
function said(text) {
  const count = document.getElementById("catalog-count");
  if (count) {
    count.textContent = text;
  }
}

// showFound lists the bodies of the whole catalog found in the page's
// list's place, or, for no query (found null), the page's list again.
function showFound(list, found, q) {
  let out = document.querySelector(".catalog-found");
  list.hidden = !!found;
  // The page's range and pager say what the page lists, not what is found.
  for (const el of document.querySelectorAll(".plain-pager, .plain-range")) {
    el.hidden = !!found;
  }
  if (!found) {
    out?.remove();
    return;
  }
  if (!out) {
    out = el("ul", "catalog-plain catalog-found");
    list.after(out);
  }
  out.replaceChildren(...found.slice(0, listed).map((b) => item(b, q)));
  said("找到 " + found.length + " 个机关" + (found.length > listed ? "，列出按名称排列的前 " + listed + " 个" : ""));
}

// filterPage shows the page's list's bodies the search and the address's
// year pass, and returns how many. The list knows no more of a body: a
// level, template or consistency asked is taken as passing here (search
// then waits for the directory, the list out of sight).
function filterPage(list, q) {
  let shown = 0;
  for (const li of list.children) {
    const b = { keys: li.dataset.search || "", level: asked.level };
    let hit = false;
    for (const a of li.querySelectorAll(".year-link")) {
      const r = { year: Number(a.textContent), format: asked.format, status: asked.status };
      const pass = passes(b, r, q);
      a.hidden = reportsAsked(q) && !pass;
      hit ||= pass;
    }
    li.hidden = !hit;
    shown += hit;
  }
  return shown;
}

// search shows the bodies the input's search and the address's filters
// pass: on the page's list at once, and over the directory where the
// catalog is in pages or a filter asks what only the directory tells.
function search(input, list) {
  const q = parse(input.value);
  const typed = input.value;
  const narrowed = !!typed.trim() || asked.year >= 0 || byEntry();
  const paged = Number(list.dataset.pages) > 1;
  const shown = filterPage(list, q);
  if (!narrowed) {
    said("");
  } else if (byEntry()) {
    // The page's list cannot tell: it waits out of sight for the directory.
    list.hidden = true;
    said("正在查找…");
  } else {
    // A list in pages says what its page holds while the whole catalog
    // is looked at.
    said(paged ? "本页找到 " + shown + " 个机关，正在查找全部机关…" : "找到 " + shown + " 个机关");
  }
  if (!paged && !byEntry()) {
    return;
  }
  if (!narrowed) {
    showFound(list, null, q);
    return;
  }
  readDirectory().then((bodies) => {
    // Only for the query still asked, on the page still shown (not once
    // the app has mounted its own).
    if (input.value !== typed || appRunning() || !list.isConnected) {
      return;
    }
    if (bodies && bodies.length > 0) {
      showFound(list, bodies.filter((b) => b.reports.some((r) => passes(b, r, q))), q);
      return;
    }
    list.hidden = false;
    if (byEntry()) {
      // The notice says only what the page's list applied.
      showNotice(false);
      said("未能读取全部机关的目录：本页按名称和年度找到 " + shown + " 个机关，层级、统一格式和数据校验的条件未能应用");
    } else {
      said("本页找到 " + shown + " 个机关");
    }
  });
}

// labelsOf reads the words of the catalog's filters, by their values, as
// the page gives them (app/reports.go, filterLabels: its form's
// data-filters), or null.
function labelsOf() {
  try {
    return JSON.parse(document.querySelector("[data-filters]").dataset.filters);
  } catch {
    return null;
  }
}

// The catalog's filters an address may ask for (app/reports.go,
// filterFromURL), but its search.
export const filterKeys = ["year", "level", "format", "status"];

// The page's own address as the page answers it, read once: the filters'
// words (labelsOf) and its filters (answered).
let address = null;
function fromAddress() {
  if (!address) {
    const labels = labelsOf();
    address = { labels, filters: answered(new URLSearchParams(location.search), labels) };
  }
  return address;
}

// addressFilters are the page's address's filters as the page answers
// them, or null (answered): start.js asks them too.
export const addressFilters = () => fromAddress().filters;

// showNotice says, above the list, which of the address's filters the
// list applies (the year; the others too where entry, the directory
// read), with a link to the catalog without them (clearHref). None
// applied, it goes.
function showNotice(entry = true) {
  const { labels } = fromAddress();
  const parts = [];
  if (asked.year >= 0) {
    parts.push(asked.year + "年");
  }
  if (entry && asked.level) {
    parts.push("层级：" + labels.level[asked.level]);
  }
  if (entry && asked.format) {
    parts.push("统一格式：" + labels.format[asked.format]);
  }
  if (entry && asked.status) {
    parts.push("数据校验：" + labels.status[asked.status]);
  }
  let p = document.querySelector(".catalog-asked");
  if (parts.length === 0) {
    p?.remove();
    return;
  }
  if (!p) {
    p = el("p", "catalog-asked");
    const input = document.getElementById("catalog-q");
    (input.form || input).after(p);
  }
  const all = el("a", "button", "清除筛选");
  all.href = clearHref();
  p.replaceChildren("只列出符合这些条件的报告及其机关：" + parts.join("；") + "。", " ", all);
}

// clearHref is the address without the filters, the search kept.
function clearHref() {
  const u = new URL(location.href);
  for (const k of filterKeys) {
    u.searchParams.delete(k);
  }
  return u.href;
}

// answered reads the address's filters as the page answers them: a
// year, and a level, template or consistency it has words for (the
// others "", the year -1 when none). It is null where the address asks
// one the page cannot say (a year that is not a number, a value without
// words): start.js then starts the app at once, which says what it makes
// of it, and the page does not answer in part meanwhile.
function answered(params, labels) {
  const a = { year: yearParam(params.get("year") || ""), level: "", format: "", status: "" };
  if (a.year === 0) {
    return null;
  }
  for (const k of ["level", "format", "status"]) {
    const v = params.get(k) || "";
    if (v && !(labels && labels[k] && Object.prototype.hasOwnProperty.call(labels[k], v))) {
      return null;
    }
    a[k] = v;
  }
  return a;
}

const plainList = () => document.querySelector(".catalog-plain:not(.catalog-found)");

export function initQuick() {
  on("input", "#catalog-q", (event, input) => {
    const list = plainList();
    if (appRunning() || !list) {
      return;
    }
    search(input, list);
    const u = new URL(location.href);
    input.value.trim() ? u.searchParams.set("q", input.value.trim()) : u.searchParams.delete("q");
    history.replaceState(history.state, "", u);
    // 清除筛选 keeps the search as it is now.
    const all = document.querySelector(".catalog-asked a");
    if (all) {
      all.href = clearHref();
    }
  });
  // The address's search and filters, answered as the page loads.
  const list = plainList();
  const input = document.getElementById("catalog-q");
  if (appRunning() || !list || !input) {
    return;
  }
  const p = new URLSearchParams(location.search);
  const a = addressFilters();
  if (!a) {
    return;
  }
  Object.assign(asked, a);
  showNotice();
  // The address's search, unless the visitor typed before the script ran.
  if (p.get("q") && !input.value) {
    input.value = p.get("q");
  }
  if (asked.year >= 0 || byEntry() || input.value.trim()) {
    search(input, list);
  }
}
