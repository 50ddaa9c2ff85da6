// Package echarts builds the ECharts option of each chart of a report with
// go-echarts: one pure function per chart, each returning a charts.Chart
// (the option as JSON, the same numbers as a table, a one-sentence summary).
// Options use string formatters only, never JS functions, so they run under
// a Content Security Policy without eval; ARIA and decal patterns are on and
// tooltips stay inside the chart.
//
// Only the site builder imports this package: it writes each report's charts
// into the report's pack (see Pack), which the browser fetches, so go-echarts
// never reaches the WebAssembly.
package echarts
