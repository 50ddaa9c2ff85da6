// 下载 PNG/SVG 图片 saves a chart as drawn, with its title and source line
// above it, with the app or without.
import { on } from "./dom.js";
import { toPage } from "./charts.js";

// A chart's image: the chart drawn again off screen at its size (or
// 800×450 where it is hidden and was never sized), without animation, on
// its white card, under its title and source line. The texts come
// from the page as text: drawn on a canvas (PNG) or set as text nodes
// (SVG), never parsed as markup.
const save = (name, url) => {
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
};
const chartImage = (figure, format) => {
  const canvas = figure.querySelector(".chart-canvas");
  const chart = canvas && window.echarts && echarts.getInstanceByDom(canvas);
  if (!chart) {
    return false;
  }
  // The chart's card is white in every scheme (its colours are made for
  // white): so is the image, with the card's ink (charts/style.go's Ink),
  // the colour the chart's own text is drawn in.
  const cs = getComputedStyle(canvas);
  const bg = cs.backgroundColor === "rgba(0, 0, 0, 0)" ? "#ffffff" : cs.backgroundColor;
  const fg = cs.color, font = getComputedStyle(document.body).fontFamily;
  const title = (figure.querySelector("h3") || {}).textContent || "";
  const source = figure.dataset.source || "";
  const width = chart.getWidth() || 800, height = chart.getHeight() || 450, head = source ? 64 : 40;
  const box = document.createElement("div");
  box.style.cssText = "position:fixed;left:-10000px;top:0";
  box.style.width = width + "px";
  box.style.height = height + "px";
  document.body.appendChild(box);
  const copy = echarts.init(box, null, { renderer: format === "svg" ? "svg" : "canvas", width, height, locale: "ZH" });
  try {
    const option = chart.getOption();
    option.animation = false;
    copy.setOption(option);
    const name = (figure.dataset.file || "chart") + "." + format;
    if (format === "png") {
      const ratio = 2, drawn = copy.getRenderedCanvas({ pixelRatio: ratio, backgroundColor: bg });
      const out = document.createElement("canvas");
      out.width = width * ratio;
      out.height = (height + head) * ratio;
      const g = out.getContext("2d");
      g.scale(ratio, ratio);
      g.fillStyle = bg;
      g.fillRect(0, 0, width, height + head);
      g.fillStyle = fg;
      g.textBaseline = "top";
      g.font = "bold 18px " + font;
      g.fillText(title, 12, 10, width - 24);
      g.font = "13px " + font;
      g.fillText(source, 12, 38, width - 24);
      g.drawImage(drawn, 0, head, width, height);
      save(name, out.toDataURL("image/png"));
    } else {
      const ns = "http://www.w3.org/2000/svg";
      // The SVG ECharts drew into the page, copied: a DOM, not a string
      // parsed (its text may hold entities that XML does not know).
      copy.getZr().refreshImmediately();
      const svg = box.querySelector("svg").cloneNode(true);
      const g = document.createElementNS(ns, "g");
      g.setAttribute("transform", "translate(0," + head + ")");
      while (svg.firstChild) {
        g.appendChild(svg.firstChild);
      }
      const el = (tag, attrs, text) => {
        const e = document.createElementNS(ns, tag);
        for (const k in attrs) {
          e.setAttribute(k, attrs[k]);
        }
        if (text) {
          e.textContent = text;
        }
        svg.appendChild(e);
      };
      el("rect", { width, height: height + head, fill: bg });
      el("text", { x: 12, y: 28, fill: fg, "font-size": 18, "font-weight": "bold", "font-family": font }, title);
      el("text", { x: 12, y: 52, fill: fg, "font-size": 13, "font-family": font }, source);
      svg.appendChild(g);
      svg.setAttribute("width", width);
      svg.setAttribute("height", height + head);
      svg.setAttribute("viewBox", "0 0 " + width + " " + (height + head));
      const blob = new Blob([new XMLSerializer().serializeToString(svg)], { type: "image/svg+xml" });
      const url = URL.createObjectURL(blob);
      save(name, url);
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    }
  } finally {
    copy.dispose();
    box.remove();
  }
  return true;
};

export function initImages() {
  on("click", ".chart-image button[data-format]", async (event, button) => {
    const figure = button.closest("figure.chart");
    if (!figure) {
      return;
    }
    // A chart the worker drew is copied from the page's ECharts.
    await toPage().catch(() => {});
    if (!chartImage(figure, button.dataset.format)) {
      button.title = "图表尚未绘制，请稍候再试，或下载表格的 CSV 文件。";
    }
  });
}
