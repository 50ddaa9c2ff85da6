// Package echarts builds the charts of a single report: one pure function
// per chart, each returning a charts.Chart (its ECharts option, the same
// numbers as a table, a one-sentence summary), with the option model,
// palette and number format of package charts, which the browser's charts
// over many reports share. Every number that is recovered, or takes part in
// a cross-check the report breaks, or could not be checked, carries its
// mark (charts.Marks) in the chart's label, tooltip, table and summary.
//
// Only the site builder imports this package: it writes each report's
// charts into the report's pack (see Pack), which the browser fetches.
package echarts
