// The ECharts the site ships: only the charts and components it uses,
// bundled by esbuild at build time (see build.go). Not served itself.
import * as echarts from "echarts/core";
import { BarChart, SankeyChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([BarChart, SankeyChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
window.echarts = echarts;
