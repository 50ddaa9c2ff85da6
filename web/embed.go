// Package web holds the explorer's hand-written static files: the style
// sheet, the icons and the service worker template, which the build copies
// to the site; and, read by the build from the repository, the modules of
// the site's own script (web/js, bundled by esbuild into web/site.js) and
// the entry of the site's own ECharts build. Nothing here is loaded from
// another origin.
package web

import "embed"

// Files are the static files, served under /web/: among them
// embed-resize.js, which pages of other origins include to size the
// frames of the site's embed pages (it is not one of the site's own
// scripts, and is served as written).
//
//go:embed *.css *.png *.svg embed-resize.js
var Files embed.FS

// EChartsEntry is the module esbuild bundles into the site's echarts.min.js:
// only the charts and components the site uses.
const EChartsEntry = "web/echarts-entry.js"

// AppWorker is the service worker template (Go text/template with .Version
// and .ResourcesToCache), used instead of go-app's default.
//
//go:embed app-worker.js
var AppWorker string
