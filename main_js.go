//go:build js && wasm

package main

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	ui "nianbao/app"
)

// run starts the app in the browser: its data comes from the site, and the
// report in view is loaded before go-app mounts the page, which waits for
// the visitor to want it (the runtime may be started ahead of a touch). In
// the warm-up worker (web/js/warm-worker.js) it only warms (ui.Warm).
func run() {
	if ui.Warm() {
		return // the warm-up worker's run: no page to mount
	}
	ui.StartBrowser()
	ui.WaitUntilWanted()
	app.RunWhenOnBrowser()
}
