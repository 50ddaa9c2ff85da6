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
