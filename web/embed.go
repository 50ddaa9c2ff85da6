// Package web holds the explorer's hand-written static files: the style
// sheet, the icons and the service worker template. The build copies them
// to dist/web/; nothing here is loaded from another origin.
package web

import "embed"

// Files are the static files, served under /web/.
//
//go:embed *.css *.png *.svg
var Files embed.FS

// AppWorker is the service worker template (Go text/template with .Version
// and .ResourcesToCache), used instead of go-app's default.
//
//go:embed app-worker.js
var AppWorker string
