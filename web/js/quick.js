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
import { parse, matches, bodiesOf, yearParam } from "./query.js";

// How many bodies found are listed, as a page of the catalog lists.
const listed = 100;

// The directory's bodies: a promise, fetched once (null where it could not
// be read: the page's own search stands, and the next letter tries again).
let directory = null;
const readDirectory = () =>
  site.index
    ? (directory ??= fetch(site.index)
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(site.index + ": " + r.status))))
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

// passes says whether a report r (its year, and from the directory its
// template and consistency) of a body (its search keys and level) passes
// the search q and the address's filters.
const passes = (b, r, q) =>
  (asked.year < 0 || r.year === asked.year) &&
  (!asked.level || b.level === asked.level) &&
  (!asked.format || r.format === asked.format) &&
  (!asked.status || r.status === asked.status) &&
  matches(b.keys, r.year, q);

// reportsAsked says whether the search or the address narrows a body's
// reports: a body found then shows those that pass only, as the app lists
// them.
const reportsAsked = (q) => asked.year >= 0 || q.years.length > 0 || !!asked.format || !!asked.status;

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
// year pass (the list knows no more of a body), and returns how many.
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
    said(
      byEntry()
        ? "未能读取全部机关的目录：本页按名称和年度找到 " + shown + " 个机关，层级、统一格式和数据校验的条件未能应用"
        : "本页找到 " + shown + " 个机关",
    );
  });
}

// labelsOf reads the words of the catalog's filters, by their values, as
// the page gives them (app/reports.go, filterLabels: its form's
// data-filters), or null.
export function labelsOf(doc = document) {
  try {
    return JSON.parse(doc.querySelector("[data-filters]").dataset.filters);
  } catch {
    return null;
  }
}

// notice says, above the list, which filters the address asks for, with
// a link to the catalog without them (the search kept).
function notice(form, labels) {
  const parts = [];
  if (asked.year >= 0) {
    parts.push(asked.year + "年");
  }
  if (asked.level) {
    parts.push("层级：" + labels.level[asked.level]);
  }
  if (asked.format) {
    parts.push("统一格式：" + labels.format[asked.format]);
  }
  if (asked.status) {
    parts.push("数据校验：" + labels.status[asked.status]);
  }
  const p = el("p", "catalog-year", "只列出符合这些条件的报告及其机关：" + parts.join("；") + "。");
  const all = el("a", "button", "清除筛选");
  const u = new URL(location.href);
  for (const k of ["year", "level", "format", "status", "wasm"]) {
    u.searchParams.delete(k);
  }
  all.href = u.pathname + u.search;
  p.append(" ", all);
  form.after(p);
}

// answered reads the address's filters as the page answers them: a
// year, and a level, template or consistency it has words for (the
// others "", the year -1 when none). It is null where the address asks
// one the page cannot say (a year that is not a number, a value without
// words): start.js then starts the app at once, which says what it makes
// of it, and the page does not answer in part meanwhile.
export function answered(params, labels) {
  const a = { year: yearParam(params.get("year") || ""), level: "", format: "", status: "" };
  if (a.year === 0) {
    return null;
  }
  for (const k of ["level", "format", "status"]) {
    const v = params.get(k) || "";
    if (v && !(labels && labels[k] && Object.hasOwn(labels[k], v))) {
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
  });
  // The address's search and filters, answered as the page loads.
  const list = plainList();
  const input = document.getElementById("catalog-q");
  if (appRunning() || !list || !input) {
    return;
  }
  const p = new URLSearchParams(location.search);
  const labels = labelsOf();
  const a = answered(p, labels);
  if (!a) {
    return;
  }
  Object.assign(asked, a);
  if (asked.year >= 0 || byEntry()) {
    notice(input.form || input, labels);
  }
  if (p.get("q")) {
    input.value = p.get("q");
  }
  if (asked.year >= 0 || byEntry() || input.value.trim()) {
    search(input, list);
  }
}
