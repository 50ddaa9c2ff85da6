// The charts' worker, bundled apart into web/chart-worker.js: it draws the
// charts off the page's thread until they move to the page (when a pointer
// comes over one: web/js/charts.js says when and why). It loads the site's
// ECharts (the same file, web/echarts.min.js, that the page loads later
// from the browser's cache) and draws each chart into the canvas the page
// gave it (OffscreenCanvas), from the option the page fitted to the
// chart's element. Messages from the page: {id, canvas?, option, width,
// height, dpr} draws (the canvas comes with a chart's first message),
// {id, click: [x, y]} is a click on a chart, {id, dispose: true} lets a
// chart go. To the page: {id, drawn: true}, {id, clicked: name} (the data
// item a click hit), or {id, error, load} where a chart could not be drawn
// (load: ECharts itself did not load here).
const charts = new Map();
let echarts = null;

const load = () => {
  if (!echarts) {
    importScripts("echarts.min.js"); // beside this script
    echarts = self.echarts;
    // Text is measured as the page measures it, on a canvas of the
    // worker's own (else ECharts guesses widths from a table of Latin).
    echarts.setPlatformAPI({ createCanvas: () => new OffscreenCanvas(1, 1) });
  }
  return echarts;
};

const draw = (m) => {
  let c = charts.get(m.id);
  if (c && c.dpr !== m.dpr) {
    // The page's pixel ratio changed (a zoom, another screen): drawn
    // anew at the new one.
    c.chart.dispose();
    c = { canvas: c.canvas };
  }
  if (!c || !c.chart) {
    const canvas = m.canvas || (c && c.canvas);
    if (!canvas) {
      return; // disposed meanwhile
    }
    c = { canvas, dpr: m.dpr, chart: load().init(canvas, null, { renderer: "canvas", locale: "ZH", width: m.width, height: m.height, devicePixelRatio: m.dpr }) };
    c.chart.on("click", (p) => self.postMessage({ id: m.id, clicked: p.name }));
    charts.set(m.id, c);
  } else {
    c.chart.resize({ width: m.width, height: m.height });
  }
  c.chart.setOption(m.option, true);
};

self.onmessage = (e) => {
  const m = e.data;
  if (m.click) {
    // A click the page saw on the chart's canvas, at x, y: as ECharts'
    // own pointer handling sees one.
    const c = charts.get(m.id);
    if (c && c.chart) {
      const [zrX, zrY] = m.click;
      for (const type of ["mousedown", "mouseup", "click"]) {
        c.chart.getZr().handler.dispatch(type, { type, zrX, zrY, offsetX: zrX, offsetY: zrY, preventDefault() {}, stopPropagation() {} });
      }
    }
    return;
  }
  if (m.dispose) {
    const c = charts.get(m.id);
    if (c) {
      charts.delete(m.id);
      c.chart.dispose();
    }
    return;
  }
  try {
    load();
  } catch (err) {
    self.postMessage({ id: m.id, error: String(err), load: true });
    return;
  }
  try {
    draw(m);
    self.postMessage({ id: m.id, drawn: true });
  } catch (err) {
    self.postMessage({ id: m.id, error: String(err) });
  }
};
