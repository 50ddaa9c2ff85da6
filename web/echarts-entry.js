// The ECharts the site ships: only the charts and components it uses,
// bundled by esbuild at build time (see build.go). Not served itself. No
// ARIA component: a chart's summary is in its page, said once, and its
// decal patterns are in its option (charts/style.go). The
// SVG renderer draws the charts saved as SVG images (web/page-early.js).
import * as echarts from "echarts/core";
import { BarChart, SankeyChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, SankeyChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);
globalThis.echarts = echarts; // the page's window, or the charts' worker (web/js/chart-worker.js)
