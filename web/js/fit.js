// Fitting a chart's option to the element it is drawn in: plain data in,
// plain data out, no DOM (web/js/charts.js measures the element).
//
// Every option is made in Go (charts/option.go): its data, colours and
// decal patterns, labels and tooltips as finished text, the legend's
// behaviour. fitOption(option, size) fits it to the element, and only in
// what depends on the element's size and type size: text at the element's
// font size and colour (the page's type size, and whatever 长者模式 sets);
// margins in pixels for the labels; category names wrapped beside their
// bars, or set above them where the width cannot hold both; the value
// axis's ticks (as many as fit without touching) and its end (the nice
// number just above the longest bar); the legend's item sizes and rows;
// the sankey's margins for its labels; and the height the element needs
// where its bars or nodes need more room than it has. It returns plain
// data (no functions: the CSP forbids eval).

// The width of a line of text at size px: CJK characters are one em,
// digits and Latin letters about 0.6 em (Noto Sans CJK). The word joiner
// that keeps a report's braces from ECharts' templates takes no room.
const textWidth = (s, px) => {
  let w = 0;
  for (const ch of String(s)) {
    const c = ch.codePointAt(0);
    w += c === 0x2060 ? 0 : c > 0x2e7f ? px : px * 0.62;
  }
  return w;
};
const widest = (s, px) => Math.max(0, ...String(s).split("\n").map((l) => textWidth(l, px)));
const arr = (v) => (v == null ? [] : Array.isArray(v) ? v : [v]);
// The product's number format (charts/format.go), as ECharts writes a
// value axis's ticks: thousands separators, at most one decimal. Written
// out, as toLocaleString("en-US", {maximumFractionDigits: 1}) writes it
// (the same text for 600,000 numbers tried): that call's first use sets up
// the browser's number formatting, 170 ms of a report page's load at 4x
// CPU, for a width.
const grouped = (n) => {
  const r = Math.round(Math.abs(n) * 10) / 10;
  const [whole, tenth] = String(r).split(".");
  return (n < 0 && r !== 0 ? "-" : "") + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (tenth ? "." + tenth : "");
};

// niceAxis is the end and interval of a value axis from 0 past max in at
// most n steps of 1, 2, 2.5 or 5 times a power of ten: the lowest end,
// then the most steps (2,165 in two steps ends at 2,500, not 4,000).
// Counts step by whole numbers.
const niceAxis = (max, n, whole) => {
  let best = null;
  const top = Math.max(max, whole ? 1 : 1e-9);
  for (let p = Math.pow(10, Math.floor(Math.log10(top / n)) - 1); p <= top * 10; p *= 10) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = Math.round(m * p * 1e6) / 1e6;
      if (whole && step % 1 !== 0) {
        continue;
      }
      const k = Math.max(1, Math.ceil(top / step - 1e-9));
      if (k <= n && (!best || k * step < best.max || (k * step === best.max && step < best.interval))) {
        best = { max: k * step, interval: step };
      }
    }
  }
  return best;
};

export const fitOption = (option, { px, ink, W }) => {
  const o = JSON.parse(JSON.stringify(option));
  let need = 0; // the height the chart needs, when more than the style's
  const lineH = Math.round(px * 1.3);
  const text = (t) => Object.assign(t || {}, { fontSize: px, lineHeight: lineH, color: ink });
  o.textStyle = Object.assign(o.textStyle || {}, { fontSize: px, color: ink });
  if (o.tooltip) {
    o.tooltip.textStyle = text(o.tooltip.textStyle);
  }
  const series = arr(o.series);

  // The legend wraps below the chart; its rows are counted to keep the
  // plot clear of it.
  let legendH = 0;
  for (const l of arr(o.legend)) {
    if (l.show === false) {
      continue;
    }
    Object.assign(l, {
      left: 8, right: 8, bottom: 4, padding: 4,
      itemWidth: Math.round(px * 1.4), itemHeight: Math.round(px * 0.8), itemGap: Math.round(px * 0.8),
    });
    l.textStyle = text(l.textStyle);
    const names = series.map((s) => s.name);
    const room = W - 16 - 8;
    let rows = 1;
    let x = 0;
    for (const n of names) {
      const w = l.itemWidth + 5 + textWidth(n, px);
      if (x > 0 && x + w > room) {
        rows++;
        x = 0;
      }
      x += w + l.itemGap;
    }
    legendH = Math.max(legendH, rows * lineH + (rows - 1) * l.itemGap + 8 + 4);
  }

  const xs = arr(o.xAxis);
  const ys = arr(o.yAxis);
  for (const a of [...xs, ...ys]) {
    a.axisLabel = text(a.axisLabel);
    a.nameTextStyle = text(a.nameTextStyle);
  }
  for (const s of series) {
    if (s.label) {
      s.label = text(s.label);
    }
  }

  // Bars: categories down the side, a value axis below.
  const grid = arr(o.grid)[0];
  const cat = ys.find((a) => a.type === "category");
  const val = xs.find((a) => a.type === "value");
  if (grid && cat && val) {
    const cats = arr(cat.data).map((d) => (d && d.value != null ? d.value : d));
    let labelW = 0;
    let labelled = 0; // series with a label beside each bar
    const sums = [];
    for (const s of series) {
      const shown = s.label && s.label.show && !s.stack;
      labelled += shown ? 1 : 0;
      arr(s.data).forEach((d, i) => {
        const v = Number(d && typeof d === "object" ? d.value : d) || 0;
        // The longest bar: a stack's sum, or the longest side by side.
        sums[i] = s.stack ? (sums[i] || 0) + v : Math.max(sums[i] || 0, v);
        const f = d && d.label && d.label.formatter;
        if (shown && f) {
          labelW = Math.max(labelW, widest(f, px));
        }
      });
    }
    const bars = barsPerCategory(series);
    const right = Math.ceil(labelW ? labelW + 12 : px * 1.5);
    const nameH = val.name ? lineH + 8 : 0;
    if (val.name) {
      val.nameGap = lineH + 12;
    }
    // Names beside their bars take at most 42 % of the width; where the
    // plot would then be less than half of it, the names go above the
    // bars, across the whole width.
    const wide = Math.max(px * 3, ...cats.map((c) => widest(c, px)));
    const catW = Math.ceil(Math.min(W * 0.42, wide)) + 2;
    const above = W - catW - right - 24 < W * 0.5 && wide > W * 0.25;
    const nameW = above ? W - 16 - right : catW;
    const lines = Math.max(1, ...cats.map((c) => String(c).split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(textWidth(l, px) / nameW)), 0)));
    // Each bar as tall as a line of text, so that side-by-side bars'
    // labels never overlap.
    const barH = labelled > 1 || above ? lineH : Math.round(lineH * 1.1);
    const barsH = bars * barH + (bars - 1) * Math.round(barH * 0.1);
    for (const s of series) {
      s.barWidth = barH;
    }
    cat.axisLabel.width = nameW;
    cat.axisTick = { show: !above };
    let band;
    if (above) {
      // The name's bottom sits just above its bars (the band is centred
      // on them), so the band holds the name's lines twice.
      Object.assign(cat.axisLabel, { inside: true, align: "left", verticalAlign: "bottom", margin: 0, padding: [0, 0, Math.ceil(barsH / 2) + 4, 0] });
      band = 2 * (lines * lineH + 4) + barsH + 8;
    } else {
      band = Math.max(lines * lineH + 12, barsH + 12, lineH * 1.8);
    }
    // Names above their bars leave the value axis's first tick (0) to
    // hold its own half at the left edge.
    const left = above ? 8 + Math.ceil(textWidth(pct0(val), px) / 2) : 8;
    Object.assign(grid, { left, right, top: Math.ceil(lineH / 2), bottom: 8 + nameH + legendH, containLabel: true });
    // The value axis: as many ticks as fit without touching, up to the
    // nice end above the longest bar (a share's axis ends at 100).
    const plotW = W - (above ? left + 8 : catW + 24) - right;
    const pct = val.max === 100;
    for (let n = 5; n >= 1; n--) {
      const nice = pct ? niceAxis(100, n, false) : niceAxis(Math.max(...sums, 0), n, true);
      const tickW = textWidth(grouped(nice.max) + (pct ? "%" : ""), px) + px;
      if (n === 1 || plotW / (nice.max / nice.interval) >= tickW) {
        Object.assign(val, { max: nice.max, interval: nice.interval });
        break;
      }
    }
    // ECharts may still hide a value tick that would touch another; a
    // category's name is never hidden.
    val.axisLabel.hideOverlap = true;
    need = cats.length * band + grid.top + grid.bottom + lineH + 12;
  }

  // Sankey: each node's label beside it, outside the flows (left of the
  // first column, right of the last, above the middle), in margins as wide
  // as the labels; gaps between nodes that hold a label, so that nodes of
  // 0 do not overlap; one line for name and number where the width allows.
  for (const s of series) {
    if (s.type !== "sankey") {
      continue;
    }
    const oneLine = W >= px * 34;
    const side = { left: 0, right: 0, top: 0 };
    const perDepth = {};
    let labelLines = 1;
    for (const d of arr(s.data)) {
      d.label = text(d.label);
      if (oneLine && d.label.formatter) {
        d.label.formatter = d.label.formatter.replace("\n", " ");
      }
      const f = d.label.formatter || d.name;
      const n = String(f).split("\n").length;
      labelLines = Math.max(labelLines, n);
      const pos = d.label.position;
      if (pos in side) {
        side[pos] = Math.max(side[pos], pos === "top" ? n * lineH : widest(f, px));
      }
      perDepth[d.depth || 0] = (perDepth[d.depth || 0] || 0) + 1;
    }
    const labelH = labelLines * lineH;
    const n = Math.max(1, ...Object.values(perDepth));
    Object.assign(s, {
      nodeGap: labelH + 6,
      left: Math.ceil(side.left) + 12,
      right: Math.ceil(side.right) + 12,
      top: Math.ceil(side.top) + 12,
      bottom: Math.ceil(labelH / 2) + 8,
    });
    need = Math.max(need, s.top + s.bottom + (n - 1) * s.nodeGap + 10 * px);
  }

  return { option: o, need: Math.ceil(need) };
};

// pct0 is the value axis's first tick as written: "0", or "0%".
const pct0 = (val) => (val.max === 100 ? "0%" : "0");

// barsPerCategory is how many bars stand side by side in a category: one for stacked
// series, else one per series.
const barsPerCategory = (series) => {
  const stacks = new Set();
  let n = 0;
  for (const s of series) {
    if (s.type !== "bar") {
      continue;
    }
    if (s.stack) {
      stacks.add(s.stack);
    } else {
      n++;
    }
  }
  return Math.max(1, n + stacks.size);
};
