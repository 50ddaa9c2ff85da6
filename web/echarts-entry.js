// The ECharts the site ships: only the charts and components it uses,
// bundled by esbuild at build time (see build.go). Not served itself. The
// SVG renderer draws the charts saved as SVG images (web/page-early.js).
import * as echarts from "echarts/core";
import { BarChart, SankeyChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, SankeyChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);
window.echarts = echarts;
