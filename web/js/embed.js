// An embed page's script, bundled apart into web/embed.js: the embed
// pages (/embed/r/{id}, /embed/b/{id}, written by the build) load it and
// ECharts, nothing else: no app, no site script. It draws the chart that
// ?chart=ID names, from the charts file the page names (the report's pack,
// or the body's trend charts), with its title and summary, points the link
// back at the page where the chart has its table, and tells the page that
// frames it its height (web/embed-resize.js listens), whenever it changes.
import { mount } from "./charts.js";
import { inflatedJSON } from "./pack.js";

const figure = document.querySelector("figure.embed");
const $ = (sel) => figure.querySelector(sel);

// tellHeight posts the page's height to the page that frames it, and
// whether the chart is drawn: nothing any origin may not read.
const tellHeight = () => {
  if (window.parent !== window) {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({ nianbao: "embed-height", height, state: figure.dataset.state || "" }, "*");
  }
};

const fail = (text) => {
  $(".embed-summary").textContent = text;
  figure.dataset.state = "failed";
  tellHeight();
};

async function draw() {
  let id = new URLSearchParams(location.search).get("chart") || figure.dataset.chart;
  let charts;
  try {
    const res = await fetch(figure.dataset.charts);
    if (!res.ok) {
      throw new Error("HTTP " + res.status);
    }
    charts = (await inflatedJSON(res)).charts || {};
  } catch (err) {
    fail("图表数据无法载入，请点击下面的链接查看。");
    return;
  }
  const has = (k) => Object.prototype.hasOwnProperty.call(charts, k);
  // A category whose reasons are all printed 0 has no chart of its own
  // (charts.ReasonCategories): a portal's embed of it, made before, shows
  // every category, where its 0 is.
  if (!has(id) && /^outcomes-[a-z_]+$/.test(id) && has("outcomes")) {
    id = "outcomes";
  }
  const c = has(id) ? charts[id] : null;
  if (!c) {
    fail("这份报告没有这张图表。");
    return;
  }
  const pages = JSON.parse(figure.dataset.pages || "{}");
  if (pages[id]) {
    $(".embed-back").href = figure.dataset.back + (pages[id] === "/" ? "" : pages[id]);
  }
  $(".embed-title").textContent = c.title;
  $(".embed-summary").textContent = c.summary;
  document.title = c.title + " · " + document.title;
  const canvas = $(".embed-canvas");
  canvas.setAttribute("aria-label", c.title + "。" + c.summary);
  mount(canvas, JSON.stringify(c.option));
  figure.dataset.state = "drawn";
  tellHeight();
}

if (figure) {
  if (window.ResizeObserver) {
    new ResizeObserver(tellHeight).observe(document.documentElement);
  }
  addEventListener("load", tellHeight);
  draw();
}
