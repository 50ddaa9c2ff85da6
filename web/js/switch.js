// The 图/表 switch of each chart, before and without the app; once the app
// runs, its own handlers do this and this one stands back.
import { on, appRunning } from "./dom.js";

// show shows a chart's table (showTable) or its drawing.
export function show(figure, showTable) {
  const canvas = figure && figure.querySelector(".chart-canvas");
  const table = figure && figure.querySelector(".chart-table");
  if (!canvas || !table) {
    return;
  }
  canvas.hidden = showTable;
  table.hidden = !showTable;
  for (const b of figure.querySelectorAll(".switch button")) {
    b.setAttribute("aria-pressed", String(b.classList.contains("switch-table") === showTable));
  }
  const chart = !showTable && window.echarts && echarts.getInstanceByDom(canvas);
  if (chart) {
    chart.resize();
  }
}

export function initSwitch() {
  on("click", ".switch button", (event, button) => {
    if (!appRunning()) {
      show(button.closest("figure.chart"), button.classList.contains("switch-table"));
    }
  });
}
