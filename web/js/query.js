// A catalog query as the app reads it (app/reports.go, parseQuery,
// yearMatches and wordsIn; a test runs both on the same cases): every word must match; a
// four-digit word (2024, 2024年) is a year, any other a part of the body's
// lower-cased search keys. No imports: a test runs it in Node.

// parse splits a query into words and years.
export function parse(q) {
  const words = [];
  const years = [];
  for (const w of String(q).toLowerCase().split(/\s+/)) {
    if (!w) {
      continue;
    }
    const y = w.replace(/年$/, "");
    if (/^[1-9][0-9]{3}$/.test(y)) {
      years.push(Number(y));
    } else {
      words.push(w);
    }
  }
  return { words, years };
}

// matches says whether a body (its lower-cased search keys) with a report
// of year matches a parsed query.
export function matches(keys, year, q) {
  return q.years.every((y) => y === year) && q.words.every((w) => keys.includes(w));
}

// passes says whether a report r (its year, template and consistency, as
// bodiesOf reads them) of a body b (its search keys and level) passes the
// search q (parse) and the filters f ({year, level, format, status}: the
// year -1 and the others "" for none), as the app's catalog filters
// (app/reports.go, catalogFilter.match; a test compares the two).
export function passes(b, r, q, f) {
  return (
    (f.year < 0 || r.year === f.year) &&
    (!f.level || b.level === f.level) &&
    (!f.format || r.format === f.format) &&
    (!f.status || r.status === f.status) &&
    matches(b.keys, r.year, q)
  );
}

// narrowed says whether the search q or the filters f narrow a body's
// reports (a year, a template, a consistency; a level takes a body whole).
export function narrowed(q, f) {
  return f.year >= 0 || q.years.length > 0 || !!f.format || !!f.status;
}

// yearParam reads the catalog's year as the address gives it (?year=), as
// the app does (app/reports.go, yearParam): -1 for none (absent, or
// below zero), 0 (no report's year) where it is not a whole number or has
// more than four digits.
export function yearParam(s) {
  if (!s) {
    return -1;
  }
  if (!/^[+-]?[0-9]+$/.test(s)) {
    return 0;
  }
  const n = Number(s);
  return n > 9999 ? 0 : n < 0 ? -1 : n;
}

// statusOf is a report's consistency (数据校验) as the app reads it from
// the directory (data/catalog/entry.go, Consistency): its findings and
// cross-year findings, its recovered numbers, whether the index holds its
// previous year.
export function statusOf(r) {
  if ((r[3] || 0) + (r[5] || 0) > 0) {
    return "findings";
  }
  if ((r[4] || 0) > 0) {
    return "recovered";
  }
  return r[6] ? "ok" : "noprev";
}

// bodiesOf reads the catalog's directory: each body with its search keys
// as the page's list has them (app/reports.go, plain: name, region and
// search keys, lower-cased) and its level, and its reports' years, IDs,
// template versions and consistency, in the directory's order, a report's
// ID its body's and year's unless the directory says another
// (data/catalog/shard.go, directory; a test reads one with the app's
// reader and this).
export function bodiesOf(d) {
  const bodies = d.bodies.map((b) => ({
    id: b.id,
    name: b.name,
    level: b.level || "",
    keys: [b.name, b.region || "", b.s || ""].join(" ").toLowerCase(),
    reports: [],
  }));
  let at = 0;
  d.r.forEach((r, i) => {
    at += r[0];
    const b = bodies[at];
    b.reports.push({
      year: r[1],
      id: (d.ids && d.ids[i]) || b.id + "-" + r[1],
      format: (d.formats || [])[r[2] || 0] || "",
      status: statusOf(r),
    });
  });
  return bodies;
}
