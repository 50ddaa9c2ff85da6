//go:build js && wasm

package main

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	ui "nianbao/app"
)

// run starts the app in the browser: its data comes from the site, and the
// report in view is loaded before go-app mounts the page.
func run() {
	ui.StartBrowser()
	app.RunWhenOnBrowser()
}
