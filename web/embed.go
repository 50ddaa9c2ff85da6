// Package web holds the explorer's hand-written static files: the style
// sheet, the icons, the service worker template, the script that draws the
// prerendered charts before the WebAssembly arrives, and the entry of the
// site's own ECharts build. The build copies them
// to dist/web/; nothing here is loaded from another origin.
package web

import "embed"

// Files are the static files, served under /web/.
//
//go:embed *.css *.png *.svg charts-early.js page-early.js
var Files embed.FS

// EChartsEntry is the module esbuild bundles into the site's echarts.min.js:
// only the charts and components the site uses.
const EChartsEntry = "web/echarts-entry.js"

// AppWorker is the service worker template (Go text/template with .Version
// and .ResourcesToCache), used instead of go-app's default.
//
//go:embed app-worker.js
var AppWorker string
