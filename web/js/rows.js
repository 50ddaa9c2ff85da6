// rows(tbody, packed) makes the catalog's table body show the rows the app
// packed (app/catalogrows.go): records separated by U+001E, each record's
// fields by U+001F, in the order of slots. A dataset cannot hold control
// characters (the build refuses them), so no field contains a separator.
// Every field lands as text or as an attribute's value, never as markup,
// and only fields that changed are written: a keystroke in the search then
// costs one call from the WebAssembly instead of hundreds.

// writers write each slot of a row; slots is their order, the same as the
// Go side's (a test compares the two).
const writers = {
  bodyHref: (r, v) => r.body.setAttribute("href", v),
  body: (r, v) => (r.body.textContent = v),
  reportHref: (r, v) => r.report.setAttribute("href", v),
  reportLabel: (r, v) => r.report.setAttribute("aria-label", v),
  year: (r, v) => (r.report.textContent = v),
  level: (r, v) => (r.level.textContent = v),
  format: (r, v) => (r.format.textContent = v),
  statusClass: (r, v) => (r.status.className = v),
  status: (r, v) => (r.status.textContent = v),
  new: (r, v) => (r.nums[0].textContent = v),
  handled: (r, v) => (r.nums[1].textContent = v),
  opened: (r, v) => (r.nums[2].textContent = v),
  review: (r, v) => (r.nums[3].textContent = v),
  pressed: (r, v) => r.button.setAttribute("aria-pressed", v),
  disabled: (r, v) => (r.button.disabled = v !== ""),
  buttonLabel: (r, v) => r.button.setAttribute("aria-label", v),
  button: (r, v) => (r.button.textContent = v),
  id: (r, v) => (r.button.dataset.id = v),
};
export const slots = Object.keys(writers);
const byIndex = slots.map((k) => writers[k]);

const newRow = (tbody) => {
  const el = (tag, parent, cls, label) => {
    const e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (label) {
      e.dataset.label = label; // a phone shows each cell with its column's name
    }
    parent.appendChild(e);
    return e;
  };
  const tr = el("tr", tbody);
  const th = el("th", tr);
  th.scope = "row";
  const r = { tr, values: [] };
  r.body = el("a", th, "body-link");
  r.report = el("a", el("td", tr, "", "年度"), "report-link");
  r.level = el("td", tr, "", "层级");
  r.format = el("td", tr, "", "统一格式");
  r.status = el("td", tr, "", "数据校验");
  r.nums = ["本年新收", "本年办理", "公开比例", "行政复议"].map((l) => el("td", tr, "num", l));
  r.button = el("button", el("td", tr), "button compare-toggle");
  r.button.type = "button";
  return r;
};

const rowsOf = new WeakMap();

export function rows(tbody, packed) {
  const records = packed === "" ? [] : packed.split("\x1e");
  let list = rowsOf.get(tbody) || [];
  // Rows the app did not write (go-app re-created the body) start anew.
  if (list.length !== tbody.rows.length || list.some((r, i) => r.tr !== tbody.rows[i])) {
    tbody.replaceChildren();
    list = [];
  }
  records.forEach((record, i) => {
    const r = list[i] || (list[i] = newRow(tbody));
    record.split("\x1f").forEach((v, k) => {
      if (r.values[k] !== v && byIndex[k]) {
        r.values[k] = v;
        byIndex[k](r, v);
      }
    });
  });
  for (const r of list.splice(records.length)) {
    r.tr.remove();
  }
  rowsOf.set(tbody, list);
}
