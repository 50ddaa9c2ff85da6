// The catalog's search before the app runs: the prerendered catalog lists
// the bodies of its page with their years (li[data-search][data-years]); a query hides
// the bodies it does not match, at once, and is kept in the address
// (?q=), where the app, which the first keystroke starts, reads it and
// takes over with the catalog's filters and sorting. A query matches as the
// app's does (app/reports.go, parseQuery, yearMatches and wordsIn; a test
// compares the two): every word must match, a four-digit word (2024, 2024年) is a year,
// any other a part of the body's search keys (its name's forms,
// traditional characters, pinyin and initials, region, province).
import { on, appRunning } from "./dom.js";
import { parse, matches } from "./query.js";

export function initQuick() {
  on("input", "#catalog-q", (event, input) => {
    const list = document.querySelector(".catalog-plain");
    if (appRunning() || !list) {
      return;
    }
    const q = parse(input.value);
    let shown = 0;
    for (const li of list.children) {
      const keys = li.dataset.search || "";
      const years = (li.dataset.years || "").split(" ").map(Number);
      const hit = years.some((y) => matches(keys, y, q));
      li.hidden = !hit;
      shown += hit;
    }
    const count = document.getElementById("catalog-count");
    if (count) {
      // A list in pages (app/reports.go, plain) is searched here on its
      // page only; the app, which the keystroke starts, searches them all.
      const where = Number(list.dataset.pages) > 1 ? "本页找到 " : "找到 ";
      count.textContent = input.value.trim() ? where + shown + " 个机关" : "";
    }
    const u = new URL(location.href);
    input.value.trim() ? u.searchParams.set("q", input.value.trim()) : u.searchParams.delete("q");
    history.replaceState(history.state, "", u);
  });
}
