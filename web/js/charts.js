// Charts: every chart of the site is drawn by mount, from the option its
// page carries (data-option, base64 of the JSON) as soon as the page is
// parsed and long before the WebAssembly arrives, and from the option the
// app gives it (app/js.go) once the app runs: one way to draw a chart.
//
// fit(el, option) fits an option to the element it is drawn in: text at
// the element's computed font size and colour (the page's type size, and
// whatever 长者模式 sets), category labels wrapped to a share of the width,
// margins in pixels for value labels, the unit and a wrapping legend, few
// enough ticks not to run together, and the element made taller where a
// phone needs more lines. It returns plain data (no functions: the CSP
// forbids eval and ECharts' string formatters suffice), and runs again
// whenever the element's size changes.

// The width of a line of text at size px: CJK characters are one em,
// digits and Latin letters about 0.6 em (Noto Sans CJK).
const textWidth = (s, px) => {
  let w = 0;
  for (const ch of String(s)) {
    w += ch.codePointAt(0) > 0x2e7f ? px : px * 0.62;
  }
  return w;
};
const widest = (s, px) => Math.max(0, ...String(s).split("\n").map((l) => textWidth(l, px)));
const arr = (v) => (v == null ? [] : Array.isArray(v) ? v : [v]);
const grouped = (n) => Math.round(n).toLocaleString("en-US");

export const fit = (el, option) => {
  const o = JSON.parse(JSON.stringify(option));
  el.style.height = "";
  const cs = getComputedStyle(el);
  const px = Math.round(parseFloat(cs.fontSize)) || 18;
  const ink = cs.color || "#1a1a1a";
  const paper = cs.backgroundColor && cs.backgroundColor !== "rgba(0, 0, 0, 0)" ? cs.backgroundColor : "#ffffff";
  const W = el.clientWidth || 600;
  let need = 0; // the height the chart needs, when more than the style's
  const lineH = Math.round(px * 1.3);
  const text = (t) => Object.assign(t || {}, { fontSize: px, lineHeight: lineH, color: ink });
  o.textStyle = Object.assign(o.textStyle || {}, { fontSize: px, color: ink });
  if (o.tooltip) {
    o.tooltip.textStyle = text(o.tooltip.textStyle);
  }
  const series = arr(o.series);

  // The legend wraps below the chart and cannot hide a series; its rows
  // are counted to keep the plot clear of it.
  let legendH = 0;
  for (const l of arr(o.legend)) {
    if (l.show === false) {
      continue;
    }
    Object.assign(l, {
      type: "plain", selectedMode: false, left: 8, right: 8, bottom: 4, padding: 4,
      itemWidth: Math.round(px * 1.4), itemHeight: Math.round(px * 0.8), itemGap: Math.round(px * 0.8),
    });
    l.textStyle = text(l.textStyle);
    const names = arr(l.data).length ? arr(l.data).map((d) => d.name || d) : series.map((s) => s.name);
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
    a.axisLabel.hideOverlap = a.type !== "category"; // never hide a category's name
    a.nameTextStyle = text(a.nameTextStyle);
  }
  for (const s of series) {
    if (s.label) {
      s.label = text(s.label);
    }
  }

  // Horizontal bars: categories down the side, a value axis below.
  const grid = arr(o.grid)[0];
  const cat = ys.find((a) => a.type === "category");
  const val = xs.find((a) => a.type === "value");
  if (grid && cat && val) {
    const cats = arr(cat.data).map((d) => (d && d.value != null ? d.value : d));
    const catW = Math.ceil(Math.min(W * 0.42, Math.max(px * 3, ...cats.map((c) => widest(c, px))))) + 2;
    cat.axisLabel.width = catW;
    cat.axisLabel.overflow = "break";
    let labelW = 0;
    const sums = [];
    for (const s of series) {
      arr(s.data).forEach((d, i) => {
        const v = d && typeof d === "object" ? d.value : d;
        sums[i] = (s.stack ? sums[i] || 0 : 0) + (Number(v) || 0);
        const f = d && d.label && d.label.formatter;
        if (f && s.label && s.label.show) {
          labelW = Math.max(labelW, widest(f, px));
        } else if (s.label && s.label.show && !s.stack) {
          // A template ("{c}", "{c}%") prints the raw value.
          labelW = Math.max(labelW, widest(String(s.label.formatter || "{c}").replace("{c}", String(v)), px));
        }
      });
    }
    const right = Math.ceil(labelW ? labelW + 12 : px * 1.5);
    let nameH = 0;
    if (val.name) {
      val.nameLocation = "middle";
      val.nameGap = lineH + 12;
      nameH = lineH + 8;
    }
    Object.assign(grid, { left: 8, right, top: Math.ceil(lineH / 2), bottom: 8 + nameH + legendH, containLabel: true });
    const max = val.max || Math.max(1, ...sums);
    const tickW = textWidth(grouped(max) + (val.axisLabel.formatter ? "%" : ""), px) + px;
    const plotW = W - catW - right - 24;
    val.splitNumber = Math.max(1, Math.min(5, Math.floor(plotW / (tickW * 1.6))));
    // Categories share the height equally: each gets the lines of the
    // label that wraps to the most.
    let lines = 1;
    for (const c of cats) {
      lines = Math.max(lines, String(c).split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(textWidth(l, px) / catW)), 0));
    }
    need = cats.length * Math.max(lines * lineH + 12, lineH * 1.8) + grid.top + grid.bottom + lineH + 12;
  }

  // Vertical bars (the charts over several reports): categories along
  // the bottom, wrapped to their share of the width; the value axis's
  // unit and the bars' labels above the plot, the legend below.
  const vcat = xs.find((a) => a.type === "category");
  const vval = ys.find((a) => a.type === "value");
  if (grid && vcat && vval) {
    const n = Math.max(1, arr(vcat.data).length);
    vcat.axisLabel.width = Math.max(px * 2, Math.floor((W - 16 - px * 4) / n) - 4);
    vcat.axisLabel.overflow = "break";
    Object.assign(grid, { left: 8, right: 16, top: lineH * 2 + 8, bottom: 8 + legendH, containLabel: true });
  }

  // Sankey: labels beside their nodes (two lines when narrow), gaps
  // between nodes that hold a label, so that nodes of 0 do not overlap.
  for (const s of series) {
    if (s.type !== "sankey") {
      continue;
    }
    const oneLine = W >= px * 34;
    const labelH = (oneLine ? 1 : 2) * lineH;
    const perDepth = {};
    for (const d of arr(s.data)) {
      d.label = text(d.label);
      Object.assign(d.label, { textBorderColor: paper, textBorderWidth: 3 });
      if (oneLine && d.label.formatter) {
        d.label.formatter = d.label.formatter.replace("\n", " ");
      }
      perDepth[d.depth || 0] = (perDepth[d.depth || 0] || 0) + 1;
    }
    const n = Math.max(1, ...Object.values(perDepth));
    Object.assign(s, { nodeGap: labelH + 6, left: 8, right: 8, top: labelH + 12, bottom: Math.ceil(labelH / 2) + 8 });
    need = Math.max(need, s.top + s.bottom + (n - 1) * s.nodeGap + 10 * px);
  }

  if (need > el.clientHeight) {
    el.style.height = Math.ceil(need) + "px";
  }
  return o;
};

// The instances alive on the page: a kiosk runs for days, and each one
// is disposed when its element goes away (test builds count them).
const live = new Set();

const observer = window.ResizeObserver
  ? new ResizeObserver((entries) => {
      for (const e of entries) {
        for (const c of live) {
          if (c.el === e.target || c.parent === e.target) {
            c.draw();
          }
        }
      }
    })
  : null;

// mount draws an option (a JSON string) into el and returns the chart:
// setOption(json) draws another option, dispose() frees the instance, its
// observers and its click handler. onClick, when given, gets the name of a
// clicked data item. It returns null where ECharts did not load: the
// chart's table stays available.
export function mount(el, json, onClick) {
  if (!window.echarts || !el) {
    return null;
  }
  const c = {
    el,
    parent: el.parentElement,
    option: JSON.parse(json),
    chart: echarts.init(el, null, { renderer: "canvas", locale: "ZH" }),
    draw() {
      const o = fit(c.el, c.option);
      c.chart.resize();
      c.chart.setOption(o, true);
    },
    setOption(json) {
      c.option = JSON.parse(json);
      c.draw();
    },
    dispose() {
      if (!live.delete(c)) {
        return;
      }
      if (observer) {
        observer.unobserve(c.el);
        if (c.parent) {
          observer.unobserve(c.parent);
        }
      }
      c.chart.off("click");
      c.chart.dispose();
      c.el.style.height = "";
    },
  };
  if (onClick) {
    c.chart.on("click", (p) => onClick(p.name));
  }
  live.add(c);
  c.draw();
  if (observer) {
    observer.observe(el);
    // A larger type changes the figure's height even where the chart's
    // own height is set in pixels.
    if (c.parent) {
      observer.observe(c.parent);
    }
  }
  return c;
}

// liveCount is how many instances are alive (for test builds).
export const liveCount = () => live.size;

const decode = (s) => new TextDecoder().decode(Uint8Array.from(atob(s), (ch) => ch.charCodeAt(0)));

// The charts the page itself drew before the app ran.
const early = [];

// drawEarly draws every chart of the prerendered page.
export function drawEarly() {
  for (const el of document.querySelectorAll(".chart-canvas[data-option]")) {
    if (window.echarts && echarts.getInstanceByDom(el)) {
      continue;
    }
    try {
      const c = mount(el, decode(el.dataset.option));
      if (c) {
        early.push(c);
      }
    } catch (err) {
      console.warn("年报透视: a chart was not drawn", err);
    }
  }
}

// disposeEarly disposes the page's own charts: the app draws its own into
// the elements it renders.
export function disposeEarly() {
  early.splice(0).forEach((c) => c.dispose());
}
