// The catalog's search before the app runs: the prerendered catalog lists
// the bodies of its page with their years (li[data-search][data-years]); a query hides
// the bodies it does not match, at once, and is kept in the address
// (?q=), where the app, which the first keystroke starts, reads it and
// takes over with the catalog's filters and sorting. A query matches as the
// app's does (app/reports.go, parseQuery, yearMatches and wordsIn; a test
// compares the two): every word must match, a four-digit word (2024, 2024年) is a year,
// any other a part of the body's search keys (its name's forms,
// traditional characters, pinyin and initials, region, province).
//
// The address's search and year (?q=, ?year=: a link shared, or the front
// page's 年度 links, /reports?year=2024) are answered as the page loads,
// as the app reads them (filterFromURL): a link opens on what it names,
// and on a phone's mobile network without the app (start.js does not start
// it for them; the catalog's other filters and sorts need it).
//
// A catalog in pages (more bodies than a page lists) is searched on its
// page at once, then over every body once the catalog's directory is in
// (site.index, fetched at the first search: every body's search keys and
// each report's body and year; data/catalog/shard.go): the bodies found
// are listed in the page's list's place, so that a phone that has not
// got the app (on its mobile network it is not fetched ahead) finds any
// body without it.
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

// The year the address asks for (?year=; -1 for none): it stays until the
// app takes the catalog over, which gives it its select.
let year = -1;

// passes says whether a report of year y passes the search q and the
// address's year.
const passes = (keys, y, q) => (year < 0 || y === year) && matches(keys, y, q);

// yearsAsked says whether the search or the address names a year: a body
// found then shows that year's report only, as the app lists that year's.
const yearsAsked = (q) => year >= 0 || q.years.length > 0;

// item is a body found, as the page's list shows a body (app/reports.go,
// plain): its name to its page, its years' reports (those the search
// passes, when it names a year) as links. Text only.
function item(b, q) {
  const li = el("li");
  const a = el("a", "body-link", b.name);
  a.href = site.base + "/b/" + b.id;
  const years = el("span", "years");
  for (const r of b.reports) {
    if (yearsAsked(q) && !passes(b.keys, r.year, q)) {
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

// said writes the count of bodies found.
function said(text) {
  const count = document.getElementById("catalog-count");
  if (count) {
    count.textContent = text;
  }
}

// yearNotice says, above the list, which year the address asks for, with
// a link to every year's (the search kept).
function yearNotice(form) {
  const p = el("p", "catalog-year", "只列出有 " + year + " 年度报告的机关。");
  const all = el("a", "button", "查看全部年度");
  const u = new URL(location.href);
  u.searchParams.delete("year");
  u.searchParams.delete("wasm");
  all.href = u.pathname + u.search;
  p.append(" ", all);
  form.after(p);
}

// search shows the page's list's bodies the input's search and the
// address's year pass, and, in a catalog in pages, every such body of the
// directory once it is in.
function search(input, list) {
  const q = parse(input.value);
  const asked = input.value;
  const paged = Number(list.dataset.pages) > 1;
  const narrowed = !!asked.trim() || year >= 0;
  let shown = 0;
  for (const li of list.children) {
    const keys = li.dataset.search || "";
    let hit = false;
    for (const a of li.querySelectorAll(".year-link")) {
      const pass = passes(keys, Number(a.textContent), q);
      a.hidden = yearsAsked(q) && !pass;
      hit ||= pass;
    }
    li.hidden = !hit;
    shown += hit;
  }
  if (!narrowed) {
    said("");
  } else {
    // A list in pages says what its page holds while the whole catalog
    // is looked at.
    said(paged ? "本页找到 " + shown + " 个机关，正在查找全部机关…" : "找到 " + shown + " 个机关");
  }
  if (!paged) {
    return;
  }
  if (!narrowed) {
    showFound(list, null, q);
    return;
  }
  readDirectory().then((bodies) => {
    // Only for the query still asked, on the page still shown (not once
    // the app has mounted its own).
    if (input.value !== asked || appRunning() || !list.isConnected) {
      return;
    }
    if (bodies && bodies.length > 0) {
      showFound(list, bodies.filter((b) => b.reports.some((r) => passes(b.keys, r.year, q))), q);
    } else {
      said("本页找到 " + shown + " 个机关");
    }
  });
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
  // The address's search and year, answered as the page loads.
  const list = plainList();
  const input = document.getElementById("catalog-q");
  if (appRunning() || !list || !input) {
    return;
  }
  const p = new URLSearchParams(location.search);
  year = yearParam(p.get("year") || "");
  if (year >= 0) {
    yearNotice(input.form || input);
  }
  if (p.get("q")) {
    input.value = p.get("q");
  }
  if (year >= 0 || input.value.trim()) {
    search(input, list);
  }
}
